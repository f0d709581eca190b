/**
 * Discord sharding with real processes: two `npm start` instances, one shard each of two
 * (DISCORD_SHARD_COUNT=2, DISCORD_SHARD_IDS=0 / 1), one Redis, against one fake Discord that
 * routes each guild's events to its shard like the real gateway. Every message in either guild is
 * answered exactly once, and the commands are registered once (by shard 0's instance).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snowflakeOnShard } from "../fakes/discord-payloads.js";
import { Harness, TOKEN, contentOf } from "../adapters/discord/discord-harness.js";
import { startInstance, type InstanceProcess } from "../helpers/instance-process.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { sharedIndex } from "./cluster.js";

const dirs = tempDirs("instances-discord");
let corpus: { dataDir: string; indexDir: string };
let redis: RedisServer;
let h: Harness;
let instances: InstanceProcess[] = [];

beforeAll(async () => {
  corpus = await sharedIndex(dirs);
  redis = await startRedisServer();
  h = new Harness({ guildIds: { main: snowflakeOnShard(0, 2), other: snowflakeOnShard(1, 2) }, fake: { shards: 2 } });
  await h.fake.start();
}, 120_000);
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await h.fake.close();
  await redis.close();
  await dirs.cleanup();
});

describe("two Discord instances, one shard each", () => {
  it("each guild's messages are answered once, by the instance that owns its shard; commands registered once", async () => {
    const env = (shard: number) => ({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: h.fake.apiUrl,
      DISCORD_SHARD_COUNT: "2",
      DISCORD_SHARD_IDS: String(shard),
      DATA_DIR: corpus.dataDir,
      INDEX_DIR: corpus.indexDir,
      REDIS_URL: redis.url,
      QUESTION_LOG: "off",
      RATE_LIMIT_MAX: "1000",
      LOG_LEVEL: "debug", // "discord: answered … shards=0/2" says which instance answered
    });
    instances = [startInstance("shard0", env(0)), startInstance("shard1", env(1))];
    await Promise.all(instances.map((i) => i.waitFor(/Discord adapter started/, 90_000)));
    expect(h.fake.shardsIdentified.map((s) => s.join("/")).sort()).toEqual(["0/2", "1/2"]);
    expect(h.fake.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands"))).toHaveLength(1);

    const places = [h.inGeneral, { channelId: h.otherChannel, guildId: h.otherGuildId }];
    const sent = [];
    for (let i = 0; i < 20; i++) {
      const place = places[i % 2] as (typeof places)[number];
      const text = i % 4 < 2 ? "Who chairs the Federation of Trade Unions of Kyrgyzstan?" : "Where was the International Labour Conference held?";
      sent.push({ i, ...h.sendMessage({ from: i % 3 === 0 ? h.alice : h.bob, content: text, place, mention: true }) });
    }
    try {
      for (const { message } of sent) await h.replyTo(message.id);
    } catch (error) {
      for (const x of instances) console.log(x.name, x.lines.slice(-15).join("\n"));
      throw error;
    }
    await new Promise((r) => setTimeout(r, 500)); // a second answer would show by now
    for (const { i, message } of sent) {
      const replies = h.repliesTo(message.id);
      expect(replies, `message ${i}`).toHaveLength(1);
      expect(contentOf(replies[0] as never)).toMatch(i % 4 < 2 ? /Jumadilde/ : /Geneva/);
    }
    // Each instance answered exactly its own guild's ten messages (the guild's shard is its shard).
    const answeredBy = (name: string) => instances.find((x) => x.name === name)?.count(/discord: answered/) ?? 0;
    expect(answeredBy("shard0")).toBe(10);
    expect(answeredBy("shard1")).toBe(10);
  }, 180_000);
});
