/**
 * What happens to answers after they are given: every answer is reported to observers (the
 * question log, metrics), and users' 👍 / 👎 votes on an answer are stored. Small interfaces so the
 * SQLite log, a PostgreSQL one, or Prometheus counters plug in without the service knowing which.
 */
import type { Answer } from "./types.js";

export type Platform = "telegram" | "discord" | "terminal" | "cli";

/** One answered question, as the service reports it once the answer is final. */
export interface AnsweredEvent {
  /** The answer's id (also `Answer.id`): votes refer to it. */
  id: string;
  /** Epoch milliseconds. */
  at: number;
  platform: Platform;
  /** The asker's platform user id, raw: observers that store it must hash it (the question log does). */
  userId: string | null;
  /** Private chat, group, or unknown. */
  chat: "private" | "group" | null;
  /** The question as asked. */
  question: string;
  answer: Answer;
  /** True when LLM mode fell back to the extractive answer for this question. */
  llmFallback: boolean;
}

/** Told about every answer. Must not throw or block: the service ignores (and logs) failures. */
export interface AnswerObserver {
  answered(event: AnsweredEvent): void | Promise<void>;
}

export type VoteValue = 1 | -1;

export interface Vote {
  answerId: string;
  platform: Platform;
  /** Raw platform user id (hashed by the store): one vote per user and answer; a second vote replaces the first. */
  userId: string;
  value: VoteValue;
  at: number;
}

export interface VoteTally {
  up: number;
  down: number;
}

/** Where votes are kept. `vote` returns the answer's tally after the vote, or null when the answer is unknown (too old, or logging is off). */
export interface FeedbackStore {
  vote(vote: Vote): Promise<VoteTally | null>;
}
