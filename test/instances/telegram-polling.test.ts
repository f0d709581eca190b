/**
 * Long polling with two real instances and one Redis: Telegram allows one poller per bot, so one
 * instance polls and the other stands by; when the poller is killed (`kill -9`, no goodbye), the
 * standby takes over within about the lease time and answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegramBotApi } from "../fakes/telegram-bot-api.js";
import type { InstanceProcess } from "../helpers/instance-process.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { privateUser, sharedIndex, startTelegramInstance, TOKEN } from "./cluster.js";

const LEASE_MS = 1500;
const dirs = tempDirs("instances-polling");
let corpus: { dataDir: string; indexDir: string };
let redis: RedisServer;
let api: FakeTelegramBotApi;
let instances: InstanceProcess[] = [];

beforeAll(async () => {
  corpus = await sharedIndex(dirs);
  redis = await startRedisServer();
  api = await FakeTelegramBotApi.start({ token: TOKEN });
}, 120_000);
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await api.close();
  await redis.close();
  await dirs.cleanup();
});

const pollsBy = (name: string, since = 0) => api.calls.filter((c) => c.method === "getUpdates" && c.client === name && c.at >= since);

describe("two pollers, one Redis", () => {
  it("one polls, the other stands by; after the poller is killed the standby takes over and answers", async () => {
    const extra = { LEASE_MS: String(LEASE_MS) };
    const a = await startTelegramInstance({ name: "a", api, ...corpus, redisUrl: redis.url, extra });
    await api.waitFor(() => pollsBy("a").length > 0, "the first instance to poll", 30_000);
    const b = await startTelegramInstance({ name: "b", api, ...corpus, redisUrl: redis.url, extra });
    instances = [a, b];
    await b.waitFor(/another instance is polling; standing by/, 30_000);

    const { chat, from } = privateUser(40_001);
    const first = api.sendUserMessage({ chat, from, text: "Who chairs the Federation of Trade Unions of Kyrgyzstan?" });
    await api.waitFor(() => api.repliesTo(chat.id, first).length === 1, "an answer from the poller", 30_000);
    expect(pollsBy("a").length).toBeGreaterThan(0);
    expect(pollsBy("b")).toEqual([]); // the standby never calls getUpdates

    const killedAt = performance.now();
    await a.kill9();
    await b.waitFor(/now polling/, LEASE_MS + 10_000);
    await api.waitFor(() => pollsBy("b").length > 0, "the standby's first getUpdates", 10_000);
    const takeoverMs = (pollsBy("b")[0]?.at ?? Number.NaN) - killedAt;
    console.log(`polling lock take-over after kill -9: ${takeoverMs.toFixed(0)} ms (LEASE_MS=${LEASE_MS})`);
    expect(takeoverMs).toBeLessThan(LEASE_MS + 3000);

    const second = api.sendUserMessage({ chat, from, text: "Where was the International Labour Conference held?" });
    await api.waitFor(() => api.repliesTo(chat.id, second).length === 1, "an answer from the new poller", 30_000);
    expect(api.repliesTo(chat.id, second)[0]?.text).toMatch(/Geneva/);
  }, 180_000);
});
