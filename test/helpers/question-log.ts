/**
 * A question log seeded with a known week of traffic, for the report's tests: answered questions
 * citing the two seed articles, unanswered ones on a few topics (minimum wage, the ITUC, bus
 * drivers' strikes, pensions), refusals out of scope and in other languages, LLM fallbacks and
 * votes. The expected figures are spelled out next to the data.
 */
import type { AnsweredEvent, Platform, Vote } from "../../src/core/answer-log.js";
import type { Answer, RefusalReason } from "../../src/core/types.js";
import type { QuestionLog } from "../../src/core/question-log.js";
import { PostgresQuestionLog } from "../../src/providers/postgres-question-log.js";
import { SqliteQuestionLog } from "../../src/providers/sqlite-question-log.js";

export const SEED_START = Date.parse("2025-11-03T09:00:00Z");
const DAY = 86_400_000;
const SEED_NOW = SEED_START + 7 * DAY;
export const KYRGYZ = "2025-11-04-azertac-kyrgyz-trade-unions.md";
export const TEHRAN = "2025-10-28-tehran-times-unions.md";

interface Seed {
  day: number;
  platform: Platform;
  user: string | null;
  question: string;
  cites?: string[];
  reason?: RefusalReason;
  fallback?: boolean;
}

/** Unanswered (not covered) questions and the label of the topic each belongs to. */
export const GAP_SEEDS: readonly (Seed & { topic: string })[] = [
  { topic: "minimum wage", day: 0, platform: "telegram", user: "t1", question: "What is the minimum wage in Azerbaijan?", reason: "not_covered" },
  { topic: "minimum wage", day: 1, platform: "telegram", user: "t2", question: "minimum wage in Kyrgyzstan", reason: "not_covered" },
  { topic: "minimum wage", day: 2, platform: "discord", user: "d1", question: "Did they discuss the minimum wage?", reason: "not_covered" },
  { topic: "minimum wage", day: 4, platform: "telegram", user: "t1", question: "What's the minimum wage?", reason: "not_covered" },
  { topic: "ITUC", day: 1, platform: "discord", user: "d2", question: "Who heads the ITUC?", reason: "not_covered" },
  { topic: "ITUC", day: 3, platform: "telegram", user: "t3", question: "Who is the ITUC chair?", reason: "not_covered" },
  { topic: "ITUC", day: 5, platform: "cli", user: null, question: "How many members does the ITUC have?", reason: "not_covered" },
  { topic: "bus drivers strike", day: 2, platform: "telegram", user: "t2", question: "Were there strikes by bus drivers in Tehran?", reason: "not_covered" },
  { topic: "bus drivers strike", day: 6, platform: "discord", user: "d1", question: "Did bus drivers strike?", reason: "not_covered" },
  { topic: "president Azerbaijan", day: 3, platform: "terminal", user: null, question: "Who is the president of Azerbaijan?", reason: "not_covered" },
  { topic: "pensions", day: 6, platform: "telegram", user: "t4", question: "What about pensions?", reason: "not_covered" },
];

const OTHER_SEEDS: readonly Seed[] = [
  { day: 0, platform: "telegram", user: "t1", question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?", cites: [KYRGYZ] },
  { day: 0, platform: "discord", user: "d1", question: "What did the Azerbaijan and Kyrgyzstan unions agree?", cites: [KYRGYZ] },
  { day: 1, platform: "telegram", user: "t2", question: "When did the Azerbaijan delegation visit Tehran?", cites: [TEHRAN, KYRGYZ], fallback: true },
  { day: 2, platform: "terminal", user: null, question: "What did the Iranian unions discuss?", cites: [TEHRAN] },
  { day: 4, platform: "telegram", user: "t3", question: "Which unions met in Baku?", cites: [KYRGYZ] },
  { day: 6, platform: "telegram", user: "t4", question: "What is the memorandum about?", cites: [KYRGYZ] },
  { day: 1, platform: "telegram", user: "t5", question: "Write me a poem", reason: "out_of_scope" },
  { day: 3, platform: "discord", user: "d2", question: "What's the weather in Baku?", reason: "out_of_scope" },
  { day: 5, platform: "telegram", user: "t6", question: "Кто возглавляет профсоюзы?", reason: "unsupported_language", fallback: true },
];

/** 20 questions over 7 days (2025-11-03 … 2025-11-09), every day with some. */
export const SEED_TOTALS = {
  questions: 20,
  grounded: 6,
  refused: 14,
  notCovered: 11,
  outOfScope: 2,
  unsupportedLanguage: 1,
  llmFallbacks: 2,
  askers: 8,
};

/** Votes: the "When did the Azerbaijan delegation …" answer gets -3 +1 (t2 changes their vote), one gap answer -1, "Who chairs …" +2. */
export const SEED_VOTES: readonly { question: string; user: string; value: 1 | -1 }[] = [
  { question: "When did the Azerbaijan delegation visit Tehran?", user: "t1", value: -1 },
  { question: "When did the Azerbaijan delegation visit Tehran?", user: "t2", value: 1 },
  { question: "When did the Azerbaijan delegation visit Tehran?", user: "t2", value: -1 }, // changes t2's vote
  { question: "When did the Azerbaijan delegation visit Tehran?", user: "t3", value: -1 },
  { question: "When did the Azerbaijan delegation visit Tehran?", user: "t4", value: 1 },
  { question: "Who is the ITUC chair?", user: "t3", value: -1 },
  { question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?", user: "t1", value: 1 },
  { question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?", user: "d1", value: 1 },
];

function toEvent(seed: Seed, index: number): AnsweredEvent {
  const grounded = seed.reason === undefined;
  const answer: Answer = {
    question: seed.question,
    answer: grounded ? "An answer [1]." : "The articles do not say.",
    grounded,
    citations: (seed.cites ?? []).map((path, i) => ({ n: i + 1, title: path, source: "AZERTAC", date: "2025-11-04", url: null, path, quote: "a quote" })),
    ...(seed.reason === undefined ? {} : { reason: seed.reason }),
    id: `seed-${index}`,
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
  };
  return {
    id: `seed-${index}`,
    at: SEED_START + seed.day * DAY + index * 60_000,
    platform: seed.platform,
    userId: seed.user,
    chat: seed.user === null ? null : "private",
    question: seed.question,
    answer,
    llmFallback: seed.fallback === true,
  };
}

/** Writes the seed week into an open log (answers, then votes); returns the events written. */
export async function writeSeed(log: QuestionLog & { readonly failures: number }): Promise<AnsweredEvent[]> {
  const events = [...GAP_SEEDS, ...OTHER_SEEDS].map(toEvent);
  for (const e of events) await log.answered(e);
  for (const v of SEED_VOTES) {
    const target = events.find((e) => e.question === v.question);
    if (target === undefined) throw new Error(`no seeded question "${v.question}"`);
    const vote: Vote = { answerId: target.id, platform: target.platform, userId: v.user, value: v.value, at: target.at + 1000 };
    await log.vote(vote);
  }
  if (log.failures > 0) throw new Error("seeding the question log failed");
  return events;
}

/** Writes the seed week into a new SQLite log at `file`; returns the events written. */
export async function seedQuestionLog(file: string): Promise<AnsweredEvent[]> {
  const log = new SqliteQuestionLog({ path: file, retentionDays: 36_500, now: () => SEED_NOW });
  try {
    return await writeSeed(log);
  } finally {
    await log.close();
  }
}

/** Writes the seed week into the (empty) PostgreSQL database at `url`, creating the log's tables; returns the events written. */
export async function seedPostgresQuestionLog(url: string): Promise<AnsweredEvent[]> {
  const log = await PostgresQuestionLog.open({ url, retentionDays: 36_500, now: () => SEED_NOW });
  try {
    const events = await writeSeed(log);
    if (!(await log.flush())) throw new Error("seeding the PostgreSQL question log failed");
    return events;
  } finally {
    await log.close();
  }
}
