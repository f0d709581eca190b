/**
 * Two real dossier processes behind a round-robin load balancer, sharing one Redis, receiving the
 * fake Telegram's webhooks: 500 questions from 100 users are each answered exactly once, follow-ups
 * keep their context when they land on the other instance, one user's rate limit holds across
 * both; `kill -9` of one instance mid-run loses nothing (its in-flight updates are re-delivered to
 * the other and answered once); Redis stopped and restarted mid-run does not stop the answers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegramBotApi, type SentMessage } from "../fakes/telegram-bot-api.js";
import type { InstanceProcess } from "../helpers/instance-process.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../helpers/round-robin-proxy.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { privateUser, senderOf, sharedIndex, startTelegramInstance, TOKEN, webhookPorts } from "./cluster.js";

const KYRGYZ = "Who chairs the Federation of Trade Unions of Kyrgyzstan?";
const IRAN = "Where was the International Labour Conference held?";
/** Without context this cites AZERTAC; after the Iran question it must cite the Tehran Times. */
const FOLLOW_UP = "What did they sign?";
const ABSENT = "Who chairs the Federation of Trade Unions of Kazakhstan?";

const dirs = tempDirs("instances-webhooks");
let corpus: { dataDir: string; indexDir: string };
let redis: RedisServer;
let api: FakeTelegramBotApi;
let proxy: RoundRobinProxy;
let instances: InstanceProcess[] = [];

beforeAll(async () => {
  corpus = await sharedIndex(dirs);
  redis = await startRedisServer();
}, 120_000);
afterAll(async () => {
  await redis.close();
  await dirs.cleanup();
});
afterEach(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  instances = [];
  await proxy.close();
  await api.close();
});

let deployments = 0;

/** Two instances in webhook mode behind the proxy (their own keys in the shared Redis). */
async function deployment(extra: Record<string, string> = {}): Promise<void> {
  const redisPrefix = `d${process.pid}-${++deployments}:`;
  api = await FakeTelegramBotApi.start({ token: TOKEN, webhook: { retryDelayMs: 100, timeoutMs: 20_000 } });
  const ports = await webhookPorts(2);
  proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  instances = await Promise.all(
    ["a", "b"].map((name, i) =>
      startTelegramInstance({ name, api, ...corpus, redisUrl: redis.url, redisPrefix, webhook: { url: proxy.url, port: ports[i] as number }, extra }),
    ),
  );
  await api.waitFor(() => api.webhook !== null, "the webhook to be registered", 30_000);
}

/** Sends one question and waits for the reply to it. */
async function ask(userId: number, text: string, ms = 60_000): Promise<SentMessage> {
  const { chat, from } = privateUser(userId);
  const id = api.sendUserMessage({ chat, from, text });
  await api.waitFor(() => api.repliesTo(chat.id, id).length > 0, `a reply to ${userId}: ${text}`, ms);
  return api.repliesTo(chat.id, id)[0] as SentMessage;
}

/** Every user message sent so far, with the replies to it. */
function repliesPerMessage(): { chatId: number; messageId: number; replies: number }[] {
  const out: { chatId: number; messageId: number; replies: number }[] = [];
  for (const key of api.pushedAt.keys()) {
    const [chatId, messageId] = key.split(":").map(Number) as [number, number];
    out.push({ chatId, messageId, replies: api.repliesTo(chatId, messageId).length });
  }
  return out;
}

describe("two instances behind a load balancer, Redis shared", () => {
  it("500 questions from 100 users: each answered once, follow-ups keep context across instances, a rate limit holds across both", async () => {
    await deployment({ RATE_LIMIT_MAX: "6", RATE_LIMIT_WINDOW_MS: "600000" });
    expect(api.setWebhookCount).toBe(1); // registered by one instance, not raced by both

    const followUps: { expected: string; reply: SentMessage; context: SentMessage }[] = [];
    const user = async (u: number) => {
      const id = 10_000 + u;
      const [first, second] = u % 2 === 0 ? [[KYRGYZ, "AZERTAC"], [IRAN, "Tehran Times"]] : [[IRAN, "Tehran Times"], [KYRGYZ, "AZERTAC"]];
      const c1 = await ask(id, first?.[0] as string);
      followUps.push({ expected: first?.[1] as string, context: c1, reply: await ask(id, FOLLOW_UP) });
      await ask(id, ABSENT);
      const c2 = await ask(id, second?.[0] as string);
      followUps.push({ expected: second?.[1] as string, context: c2, reply: await ask(id, FOLLOW_UP) });
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: 100 }, (_, u) => user(u)));
    const seconds = (performance.now() - started) / 1000;

    // Every question answered exactly once, none lost.
    const counts = repliesPerMessage();
    expect(counts).toHaveLength(500);
    expect(counts.filter((c) => c.replies !== 1)).toEqual([]);
    // Both instances answered, and follow-ups kept their context — also those answered by the other instance.
    const senders = new Set(api.sent.map((m) => senderOf(api, m)));
    expect(senders).toEqual(new Set(["a", "b"]));
    const wrong = followUps.filter((f) => !f.reply.text.includes(f.expected));
    expect(wrong.map((f) => f.reply.text.slice(0, 120))).toEqual([]);
    const crossed = followUps.filter((f) => senderOf(api, f.reply) !== senderOf(api, f.context));
    expect(crossed.length).toBeGreaterThan(20);
    console.log(`500 questions, 2 instances: ${seconds.toFixed(1)} s (${(500 / seconds).toFixed(0)} questions/s); ${crossed.length}/200 follow-ups answered by the other instance`);

    // One user floods: 6 answers, one notice, then silence — though the messages alternate instances.
    const flooder = privateUser(99_999);
    const ids = Array.from({ length: 10 }, (_, i) => api.sendUserMessage({ ...flooder, text: i % 2 === 0 ? KYRGYZ : IRAN }));
    await api.waitFor(() => api.pendingUpdates === 0, "the flood to be delivered", 30_000);
    await api.waitFor(() => ids.filter((id) => api.repliesTo(flooder.chat.id, id).length > 0).length >= 7, "6 answers and a notice", 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const replies = ids.flatMap((id) => api.repliesTo(flooder.chat.id, id));
    expect(replies.filter((r) => /asking faster/.test(r.text))).toHaveLength(1);
    expect(replies.filter((r) => /Jumadilde|Geneva/.test(r.text))).toHaveLength(6);
    for (const i of instances) expect(i.child.exitCode).toBeNull();
  }, 240_000);

  it("kill -9 of one instance mid-run: its in-flight updates go to the other; every question is answered, once unless its reply had just left the killed instance", async () => {
    await deployment();
    const users = Array.from({ length: 60 }, (_, u) => privateUser(20_000 + u));
    const ids: { chatId: number; id: number }[] = [];
    let killedAt = Number.NaN;
    for (let round = 0; round < 4; round++) {
      for (const { chat, from } of users) ids.push({ chatId: chat.id, id: api.sendUserMessage({ chat, from, text: round % 2 === 0 ? KYRGYZ : IRAN }) });
      if (round === 1) {
        // Mid-run: some of a's updates are being answered right now.
        await api.waitFor(() => api.sent.length >= 40, "some answers before the kill", 60_000);
        killedAt = performance.now();
        await instances[0]?.kill9();
      }
    }
    await api.waitFor(() => ids.every(({ chatId, id }) => api.repliesTo(chatId, id).length > 0), "every question answered", 90_000);
    await new Promise((r) => setTimeout(r, 2500)); // a lease's worth: late duplicates would show now
    // Exactly once — but for the one case no bot can close: the killed instance's reply reached
    // Telegram, and it died before it could mark the update answered (the moments between
    // Telegram's "ok" and the claim's "done"). Such an update is answered again by the other; the
    // test checks that every second answer is of that kind and nothing else.
    const twice = ids.filter(({ chatId, id }) => api.repliesTo(chatId, id).length > 1);
    const explained = twice.filter(({ chatId, id }) => {
      const first = api.repliesTo(chatId, id)[0] as SentMessage;
      return senderOf(api, first) === "a" && first.at <= killedAt + 200 && killedAt - first.at < 1000;
    });
    expect(twice.filter((t) => !explained.includes(t))).toEqual([]);
    expect(ids.filter(({ chatId, id }) => api.repliesTo(chatId, id).length === 0)).toEqual([]);
    console.log(`kill -9 mid-run: ${ids.length} questions, ${ids.length - twice.length} answered once, ${twice.length} twice (reply sent just before the kill)`);
    const failedDeliveries = api.deliveries.filter((d) => d.status < 200 || d.status >= 300);
    expect(failedDeliveries.length).toBeGreaterThan(0); // deliveries to the dead instance were retried
    expect(instances[1]?.child.exitCode).toBeNull();
  }, 240_000);

  it("Redis stopped and restarted mid-run: answers continue, nothing crashes, and the shared state comes back", async () => {
    await deployment();
    const before = await ask(30_001, KYRGYZ);
    expect(before.text).toMatch(/Jumadilde/);
    await redis.stop();
    const during = await Promise.all(Array.from({ length: 20 }, (_, u) => ask(30_100 + u, IRAN, 60_000)));
    expect(during.every((r) => /Geneva/.test(r.text))).toBe(true);
    for (const i of instances) await i.waitFor(/Redis connection lost/i, 30_000);
    await redis.start();
    for (const i of instances) await i.waitFor(/Redis connection is back/, 30_000);
    const after = await Promise.all(Array.from({ length: 20 }, (_, u) => ask(30_200 + u, KYRGYZ, 60_000)));
    expect(after.every((r) => /Jumadilde/.test(r.text))).toBe(true);
    for (const i of instances) expect(i.child.exitCode).toBeNull();
    // One warning per outage, not one per question.
    for (const i of instances) expect(i.count(/Redis connection lost/i)).toBe(1);
  }, 240_000);
});
