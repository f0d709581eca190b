/**
 * The stored form of a logged question, shared by the SQLite and PostgreSQL question logs so both
 * keep exactly the same columns with the same meaning: the user id hashed under the log's salt,
 * secrets redacted from the question, cited paths as a JSON list; and the way back to the
 * `LoggedQuestion` the report reads.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { AnsweredEvent, Platform } from "../core/answer-log.js";
import type { LoggedQuestion } from "../core/logged-question.js";
import type { Logger } from "../core/logger.js";
import type { RefusalReason } from "../core/types.js";
import { redact } from "../text/redact-secrets.js";

/** What both stores are opened with (each adds where it keeps the log). */
export interface QuestionLogStoreOptions {
  /** Questions (and their votes) older than this many days are deleted at open and, at most hourly, on insert. */
  retentionDays: number;
  /** Epoch milliseconds; injectable for retention tests. */
  now?: () => number;
  /** Only read (the report): no schema change, no deletion. */
  readonly?: boolean;
  /** Told (without the question or user) when answers cannot be written. */
  logger?: Logger;
  /** Exact strings (bot tokens, API keys) removed from questions before they are stored. */
  secrets?: readonly string[];
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The `meta` key of the per-database salt of user hashes. */
export const SALT_KEY = "user_hash_salt";

/** What a vote that could not be stored tells the user (both stores). */
export const VOTE_NOT_SAVED = "Sorry, your vote could not be saved. Please try again later.";

const REASONS: readonly RefusalReason[] = ["not_covered", "out_of_scope", "unsupported_language"];

/** One row of `questions`, as written. */
export interface StoredQuestion {
  id: string;
  at: number;
  platform: string;
  user_hash: string | null;
  chat: string | null;
  question: string;
  language: string | null;
  grounded: number;
  reason: string | null;
  cited_paths: string;
  retrieve_ms: number;
  answer_ms: number;
  total_ms: number;
  llm_fallback: number;
}

/** The columns of `questions` in insert order. */
export const QUESTION_COLUMNS = [
  "id",
  "at",
  "platform",
  "user_hash",
  "chat",
  "question",
  "language",
  "grounded",
  "reason",
  "cited_paths",
  "retrieve_ms",
  "answer_ms",
  "total_ms",
  "llm_fallback",
] as const satisfies readonly (keyof StoredQuestion)[];

/** A new random salt, hex (32 bytes). */
export function newSalt(): string {
  return randomBytes(32).toString("hex");
}

/**
 * The stored form of a platform user id: HMAC-SHA256 under the log's salt, hex. The platform is
 * part of the key (a Telegram and a Discord user with the same number are different people).
 */
export function hashUserId(salt: Buffer, platform: Platform, userId: string): string {
  return createHmac("sha256", salt).update(`${platform}\u0000${userId}`).digest("hex");
}

/** The row to write for an answer: the user id hashed, secrets and token shapes redacted from the question. */
export function storedQuestion(event: AnsweredEvent, options: { salt: Buffer; secrets: readonly string[] }): StoredQuestion {
  const { answer } = event;
  return {
    id: event.id,
    at: event.at,
    platform: event.platform,
    user_hash: event.userId === null ? null : hashUserId(options.salt, event.platform, event.userId),
    chat: event.chat,
    question: redact(event.question, options.secrets),
    language: answer.language ?? null,
    grounded: answer.grounded ? 1 : 0,
    reason: answer.grounded ? null : (answer.reason ?? null),
    cited_paths: JSON.stringify([...new Set(answer.citations.map((c) => c.path))]),
    retrieve_ms: answer.timings.retrieveMs,
    answer_ms: answer.timings.answerMs,
    total_ms: answer.timings.totalMs,
    llm_fallback: event.llmFallback ? 1 : 0,
  };
}

/** A stored row with its vote counts, back in the shape the report reads. */
export function toLoggedQuestion(row: StoredQuestion & { up: number; down: number }): LoggedQuestion {
  return {
    id: row.id,
    at: row.at,
    platform: row.platform as Platform,
    userHash: row.user_hash,
    chat: row.chat === "private" || row.chat === "group" ? row.chat : null,
    question: row.question,
    language: row.language,
    grounded: row.grounded === 1,
    reason: REASONS.find((r) => r === row.reason) ?? null,
    citedPaths: parsePaths(row.cited_paths),
    retrieveMs: row.retrieve_ms,
    answerMs: row.answer_ms,
    totalMs: row.total_ms,
    llmFallback: row.llm_fallback === 1,
    votes: { up: row.up, down: row.down },
  };
}

function parsePaths(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}
