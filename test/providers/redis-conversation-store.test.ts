/**
 * Conversation memory in a real Redis: each conversation key has its own turns (two instances see
 * the same ones), only the last `turns` are kept, turns older than the TTL are not returned, and
 * the list itself expires after the TTL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import type { Answer, Turn } from "../../src/core/types.js";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisConversationStore } from "../../src/providers/redis-conversation-store.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

function turn(question: string): Omit<Turn, "at"> {
  const answer: Answer = { question, answer: `answer to ${question}`, grounded: true, citations: [], timings: { retrieveMs: 1, answerMs: 2, totalMs: 3 } };
  return { question, answer };
}

const questions = (turns: Turn[]) => turns.map((t) => t.question);

let server: RedisServer;
let a: RedisConnection;
let b: RedisConnection;
beforeAll(async () => {
  server = await startRedisServer();
  a = await connectRedis({ url: server.url, prefix: "conv-test:", logger: silentLogger });
  b = await connectRedis({ url: server.url, prefix: "conv-test:", logger: silentLogger });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await server.close();
});

describe("RedisConversationStore", () => {
  it("keeps conversations apart by key and shares each one between instances", async () => {
    const one = new RedisConversationStore({ connection: a, turns: 5, ttlMs: 60_000 });
    const two = new RedisConversationStore({ connection: b, turns: 5, ttlMs: 60_000 });
    await one.add("telegram:chat1:user1", turn("q1 by user1"));
    await two.add("telegram:chat1:user2", turn("q1 by user2"));
    await two.add("telegram:chat1:user1", turn("q2 by user1"));
    expect(questions(await one.get("telegram:chat1:user1"))).toEqual(["q1 by user1", "q2 by user1"]);
    expect(questions(await one.get("telegram:chat1:user2"))).toEqual(["q1 by user2"]);
    expect(await two.get("nobody")).toEqual([]);
    const [first] = await two.get("telegram:chat1:user1");
    expect(first?.answer).toEqual(turn("q1 by user1").answer);
    expect(await a.client.exists("conv-test:conv:telegram:chat1:user1")).toBe(1);
    await one.clear("telegram:chat1:user1");
    expect(await two.get("telegram:chat1:user1")).toEqual([]);
    expect(questions(await two.get("telegram:chat1:user2"))).toEqual(["q1 by user2"]);
  });

  it("keeps only the last `turns` turns, oldest first, stamped with the time they were added", async () => {
    const clock = { t: 50_000 };
    const store = new RedisConversationStore({ connection: a, turns: 2, ttlMs: 60_000, now: () => clock.t });
    for (const q of ["q1", "q2", "q3"]) {
      clock.t += 1;
      await store.add("trim", turn(q));
    }
    const turns = await store.get("trim");
    expect(questions(turns)).toEqual(["q2", "q3"]);
    expect(turns.map((t) => t.at)).toEqual([50_002, 50_003]);
    expect(await a.client.llen("conv-test:conv:trim")).toBe(2);
  });

  it("does not return turns older than the TTL, and the list expires after the TTL", async () => {
    const clock = { t: 10_000 };
    const store = new RedisConversationStore({ connection: a, turns: 5, ttlMs: 1_000, now: () => clock.t });
    await store.add("ttl", turn("old"));
    clock.t += 600;
    await store.add("ttl", turn("new"));
    clock.t += 400; // "old" is exactly 1000 ms old: still kept, as in ConversationMemory
    expect(questions(await store.get("ttl"))).toEqual(["old", "new"]);
    clock.t += 1;
    expect(questions(await store.get("ttl"))).toEqual(["new"]);
    const pttl = await a.client.pttl("conv-test:conv:ttl");
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(1_000);
  });

  it("an idle conversation disappears from Redis on its own", async () => {
    const store = new RedisConversationStore({ connection: a, turns: 5, ttlMs: 150 });
    await store.add("idle", turn("q"));
    expect(await store.get("idle")).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(await a.client.exists("conv-test:conv:idle")).toBe(0);
    expect(await store.get("idle")).toEqual([]);
  });

  it("remembers nothing when turns is 0", async () => {
    const store = new RedisConversationStore({ connection: a, turns: 0, ttlMs: 60_000 });
    await store.add("none", turn("q"));
    expect(await store.get("none")).toEqual([]);
    expect(await a.client.exists("conv-test:conv:none")).toBe(0);
  });

  it("skips entries that are not turns instead of failing", async () => {
    const store = new RedisConversationStore({ connection: a, turns: 5, ttlMs: 60_000 });
    await a.client.rpush("conv-test:conv:corrupt", "not json", JSON.stringify({ hello: 1 }));
    await store.add("corrupt", turn("real"));
    expect(questions(await store.get("corrupt"))).toEqual(["real"]);
  });

  it("rejects while Redis is unreachable (the failover wrapper decides what to do)", async () => {
    const c = await connectRedis({ url: server.url, prefix: "conv-test:", logger: silentLogger });
    const store = new RedisConversationStore({ connection: c, turns: 5, ttlMs: 60_000 });
    await c.close();
    await expect(store.add("k", turn("q"))).rejects.toThrow();
    await expect(store.get("k")).rejects.toThrow();
  });
});
