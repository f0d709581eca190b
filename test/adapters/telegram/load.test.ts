import { afterEach, describe, expect, it } from "vitest";
import { privateChat, startHarness, type Harness } from "../../fakes/telegram-harness.js";
import type { FakeUser } from "../../fakes/telegram-bot-api.js";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe("Telegram adapter: load", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("answers 200 questions sent at once by 50 users: none lost, none duplicated, each user's in order", async () => {
    h = await startHarness({ rateLimit: { max: 10, windowMs: 60_000 } });
    const users: FakeUser[] = Array.from({ length: 50 }, (_, i) => ({ id: 5000 + i, first_name: `User ${i}` }));
    const asked: { chatId: number; messageId: number; question: string }[] = [];
    for (let round = 0; round < 4; round++) {
      for (const user of users) {
        const question = `Question ${round} from user ${user.id}: who signed the memorandum?`;
        const messageId = h.api.sendUserMessage({ chat: privateChat(user), from: user, text: question });
        asked.push({ chatId: user.id, messageId, question });
      }
    }
    await h.api.waitFor(() => h!.api.sent.length >= 200, "200 answers", 25_000);
    expect(h.api.sent).toHaveLength(200);

    const latencies: number[] = [];
    for (const q of asked) {
      const replies = h.api.repliesTo(q.chatId, q.messageId);
      expect(replies, q.question).toHaveLength(1);
      expect(replies[0]!.text).toContain(`Answer to: ${q.question}`);
      latencies.push(replies[0]!.at - h.api.pushedAt.get(`${q.chatId}:${q.messageId}`)!);
    }
    for (const user of users) {
      const own = h.service.asked.filter((a) => a.context?.conversationId === `telegram:${user.id}:${user.id}`);
      expect(own.map((a) => a.question)).toEqual([0, 1, 2, 3].map((r) => `Question ${r} from user ${user.id}: who signed the memorandum?`));
    }

    latencies.sort((a, b) => a - b);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    console.log(
      `[telegram load, fake answer service] 200 questions / 50 users: update pushed → sendMessage received ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
        `max ${latencies.at(-1)!.toFixed(1)} ms; RSS after ${rssMb.toFixed(0)} MB (vitest worker incl. fake server)`,
    );
  });

  it("measures the latency of one question at a time (idle bot), 200 times", async () => {
    h = await startHarness();
    const user: FakeUser = { id: 9000, first_name: "Solo" };
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const { messageId, replies } = await h.ask(privateChat(user), user, `Sequential question ${i}?`);
      latencies.push(replies[0]!.at - h.api.pushedAt.get(`${user.id}:${messageId}`)!);
    }
    expect(h.api.sent).toHaveLength(200);
    latencies.sort((a, b) => a - b);
    console.log(
      `[telegram sequential, fake answer service] 200 questions one at a time: update pushed → sendMessage received ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms; ` +
        `RSS after ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
    );
  });
});
