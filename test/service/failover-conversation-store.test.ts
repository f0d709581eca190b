/**
 * Conversation memory over a real Redis that is stopped and started again while it is used:
 * follow-ups keep working (this process kept every turn it saw), the outage is logged once, and
 * Redis is used again once it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Turn } from "../../src/core/types.js";
import { connectRedis } from "../../src/providers/redis-connection.js";
import { RedisConversationStore } from "../../src/providers/redis-conversation-store.js";
import { ConversationMemory } from "../../src/service/conversation-memory.js";
import { FailoverConversationStore } from "../../src/service/failover-conversation-store.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { recording, until } from "../helpers/recording.js";

function turn(question: string): Omit<Turn, "at"> {
  const answer: Answer = { question, answer: `answer to ${question}`, grounded: false, citations: [], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  return { question, answer };
}

const questions = (turns: Turn[]) => turns.map((t) => t.question);

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.close();
});

describe("FailoverConversationStore", () => {
  it("keeps the conversation going through a Redis restart: one warning, then Redis again", async () => {
    const { logger, lines } = recording();
    const connection = await connectRedis({ url: server.url, prefix: "failover-test:", logger });
    const other = await connectRedis({ url: server.url, prefix: "failover-test:", logger: recording().logger });
    try {
      const options = { turns: 4, ttlMs: 60_000 };
      const store = new FailoverConversationStore({
        primary: new RedisConversationStore({ connection, ...options }),
        fallback: new ConversationMemory(options),
        isUp: () => connection.up,
        logger,
        what: "conversation memory",
      });
      const otherInstance = new RedisConversationStore({ connection: other, ...options });
      await store.add("chat:user", turn("q1"));
      expect(questions(await otherInstance.get("chat:user"))).toEqual(["q1"]); // shared

      await server.stop();
      await until(() => !connection.up);
      expect(questions(await store.get("chat:user"))).toEqual(["q1"]); // this process remembered it too
      await store.add("chat:user", turn("q2"));
      expect(questions(await store.get("chat:user"))).toEqual(["q1", "q2"]);
      await store.clear("someone-else");

      await server.start();
      await until(() => connection.up && other.up);
      await store.add("chat:user", turn("q3"));
      expect(questions(await otherInstance.get("chat:user"))).toEqual(["q3"]); // Redis again (it restarted empty)
      expect(questions(await store.get("chat:user"))).toEqual(["q3"]);

      expect(lines.filter((l) => l.startsWith("warn"))).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
    } finally {
      await connection.close();
      await other.close();
    }
  });

  it("falls back when Redis fails although the connection looked up, warning once for many calls", async () => {
    const { logger, lines } = recording();
    const connection = await connectRedis({ url: server.url, prefix: "failover-test:", logger: recording().logger });
    try {
      const options = { turns: 4, ttlMs: 60_000 };
      const store = new FailoverConversationStore({
        primary: new RedisConversationStore({ connection, ...options }),
        fallback: new ConversationMemory(options),
        isUp: () => true,
        logger,
        what: "conversation memory",
      });
      await server.stop();
      for (const q of ["a", "b", "c"]) await store.add("k", turn(q));
      expect(questions(await store.get("k"))).toEqual(["a", "b", "c"]);
      expect(lines.filter((l) => l.startsWith("warn"))).toEqual([
        expect.stringMatching(/^warn Redis failed \(.+\); using this process's conversation memory until it is back$/),
      ]);
      await server.start();
      await until(() => connection.up);
      await store.add("k", turn("d"));
      expect(questions(await store.get("k"))).toEqual(["d"]);
      expect(lines.filter((l) => l.startsWith("info"))).toEqual(["info Redis answers again; using the shared conversation memory again"]);
    } finally {
      await connection.close();
    }
  });
});
