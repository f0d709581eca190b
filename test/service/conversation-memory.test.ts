import { describe, expect, it } from "vitest";
import type { Answer, Turn } from "../../src/core/types.js";
import { ConversationMemory, type ConversationMemoryOptions } from "../../src/service/conversation-memory.js";

function turn(question: string): Omit<Turn, "at"> {
  const answer: Answer = { question, answer: `answer to ${question}`, grounded: false, citations: [], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  return { question, answer };
}

function memory(options: Omit<ConversationMemoryOptions, "now">) {
  const clock = { t: 10_000 };
  return { clock, memory: new ConversationMemory({ ...options, now: () => clock.t }) };
}

const questions = (turns: Turn[]) => turns.map((t) => t.question);

describe("ConversationMemory", () => {
  it("keeps the last `turns` turns, oldest first, stamped with the time they were added", async () => {
    const { memory: m, clock } = memory({ turns: 2, ttlMs: 60_000 });
    await m.add("k", turn("q1"));
    clock.t += 1;
    await m.add("k", turn("q2"));
    clock.t += 1;
    await m.add("k", turn("q3"));
    const turns = await m.get("k");
    expect(questions(turns)).toEqual(["q2", "q3"]);
    expect(turns.map((t) => t.at)).toEqual([10_001, 10_002]);
    expect(turns[1]?.answer.answer).toBe("answer to q3");
  });

  it("expires each turn on its own after the TTL", async () => {
    const { memory: m, clock } = memory({ turns: 5, ttlMs: 1_000 });
    await m.add("k", turn("old"));
    clock.t += 600;
    await m.add("k", turn("new"));
    clock.t += 400; // "old" is exactly 1000 ms old: still kept
    expect(questions(await m.get("k"))).toEqual(["old", "new"]);
    clock.t += 1;
    expect(questions(await m.get("k"))).toEqual(["new"]);
    clock.t += 600;
    expect(await m.get("k")).toEqual([]);
    expect(m.size).toBe(0);
  });

  it("does not bring expired turns back when adding", async () => {
    const { memory: m, clock } = memory({ turns: 5, ttlMs: 1_000 });
    await m.add("k", turn("old"));
    clock.t += 5_000;
    await m.add("k", turn("new"));
    expect(questions(await m.get("k"))).toEqual(["new"]);
  });

  it("evicts the least recently used conversation beyond maxConversations", async () => {
    const { memory: m } = memory({ turns: 3, ttlMs: 60_000, maxConversations: 2 });
    await m.add("a", turn("qa"));
    await m.add("b", turn("qb"));
    await m.get("a"); // "b" is now the least recently used
    await m.add("c", turn("qc"));
    expect(m.size).toBe(2);
    expect(await m.get("b")).toEqual([]);
    expect(questions(await m.get("a"))).toEqual(["qa"]);
    expect(questions(await m.get("c"))).toEqual(["qc"]);
  });

  it("stores nothing with turns: 0", async () => {
    const { memory: m } = memory({ turns: 0, ttlMs: 60_000 });
    await m.add("k", turn("q"));
    expect(await m.get("k")).toEqual([]);
    expect(m.size).toBe(0);
  });

  it("clears one conversation only", async () => {
    const { memory: m } = memory({ turns: 3, ttlMs: 60_000 });
    await m.add("a", turn("qa"));
    await m.add("b", turn("qb"));
    await m.clear("a");
    expect(await m.get("a")).toEqual([]);
    expect(questions(await m.get("b"))).toEqual(["qb"]);
    await m.clear("missing");
    expect(m.size).toBe(1);
  });

  it("never shares turns between keys", async () => {
    const { memory: m } = memory({ turns: 3, ttlMs: 60_000 });
    await m.add("telegram:chat:alice", turn("alice asks"));
    await m.add("telegram:chat:bob", turn("bob asks"));
    expect(questions(await m.get("telegram:chat:alice"))).toEqual(["alice asks"]);
    expect(questions(await m.get("telegram:chat:bob"))).toEqual(["bob asks"]);
    expect(await m.get("telegram:chat:carol")).toEqual([]);
  });

  it("hands out copies: changing the returned list changes nothing stored", async () => {
    const { memory: m } = memory({ turns: 3, ttlMs: 60_000 });
    await m.add("k", turn("q1"));
    const got = await m.get("k");
    got.push({ ...turn("intruder"), at: 0 });
    got.length = 0;
    expect(questions(await m.get("k"))).toEqual(["q1"]);
  });
});
