/**
 * `npx tsx test/fakes/telegram-latency.ts` — the issue #3 measurement with the REAL answer service on
 * the bundled index (data/articles, indexed into a temp folder): 200 questions from 50 users sent at
 * once through the fake Bot API to the unmodified telegraf client, then 200 one at a time. Prints
 * p50/p95 of "update reaches the fake server → sendMessage arrives there" and the process's RSS.
 */
import "../setup/no-network.js";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startTelegramAdapter } from "../../src/adapters/telegram/telegram-adapter.js";
import { createEmbedder, openAnswerService } from "../../src/compose.js";
import { silentLogger } from "../../src/core/logger.js";
import { reindex } from "../../src/ingest/reindex.js";
import { FakeTelegramBotApi, type FakeUser } from "./telegram-bot-api.js";
import { telegramConfig, TEST_TOKEN, telegramAdmission } from "./telegram-harness.js";

const QUESTIONS = [
  "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
  "Where was the International Labour Conference held?",
  "What did Babaev say about people with disabilities?",
  "Which memorandums of understanding are mentioned?",
  "What training will the Kyrgyz representatives take part in?",
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const mb = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-tg-latency-"));
const embedder = await createEmbedder({ cacheDir: path.resolve(".cache"), logger: silentLogger });
await reindex({ dataDir: path.resolve("data/articles"), indexDir: tmp, embedder });
const service = await openAnswerService({ indexDir: tmp, embedder, rarity: embedder, watch: false });
const api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
const adapter = await startTelegramAdapter({
  config: telegramConfig(api.apiRoot),
  service,
  logger: silentLogger,
  admission: telegramAdmission({ rateLimit: { max: 1000, windowMs: 60_000 } }),
});
console.log(`RSS after start: ${mb()} MB; corpus: ${service.corpus().articles.length} articles`);

const latencyOf = (chatId: number, messageId: number) => {
  const reply = api.repliesTo(chatId, messageId)[0];
  const pushed = api.pushedAt.get(`${chatId}:${messageId}`);
  if (reply === undefined || pushed === undefined) throw new Error(`no reply to ${chatId}:${messageId}`);
  return reply.at - pushed;
};
const report = (label: string, xs: number[]) => {
  xs.sort((a, b) => a - b);
  console.log(`${label}: p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${xs.at(-1)?.toFixed(1)} ms; RSS ${mb()} MB`);
};

// Burst: 200 questions from 50 users at once.
const users: FakeUser[] = Array.from({ length: 50 }, (_, i) => ({ id: 7000 + i, first_name: `U${i}` }));
const burst: [number, number][] = [];
for (let round = 0; round < 4; round++) {
  for (const [i, user] of users.entries()) {
    const id = api.sendUserMessage({ chat: { id: user.id, type: "private" }, from: user, text: QUESTIONS[(i + round) % QUESTIONS.length]! });
    burst.push([user.id, id]);
  }
}
await api.waitFor(() => api.sent.length >= 200, "200 answers", 120_000);
const unique = new Set(api.sent.map((m) => `${m.chatId}:${m.replyTo}`));
console.log(`burst: ${api.sent.length} messages sent, ${unique.size} distinct questions answered`);
report("burst, 200 questions / 50 users at once", burst.map(([c, m]) => latencyOf(c, m)));

// One at a time.
const solo: FakeUser = { id: 9999, first_name: "Solo" };
const sequential: number[] = [];
for (let i = 0; i < 200; i++) {
  const id = api.sendUserMessage({ chat: { id: solo.id, type: "private" }, from: solo, text: QUESTIONS[i % QUESTIONS.length]! });
  await api.waitFor(() => api.repliesTo(solo.id, id).length > 0, "sequential answer");
  sequential.push(latencyOf(solo.id, id));
}
report("sequential, 200 questions one at a time", sequential);
console.log(`sample answer:\n${api.sent.at(-1)?.text}`);

await adapter.stop("done");
await api.close();
await fs.rm(tmp, { recursive: true, force: true });
