/**
 * The question log's read side: one answered question as stored, with its votes. The stores
 * (SQLite now, PostgreSQL later) return it and the content-gap report reads it, so neither depends
 * on the other.
 */
import type { Platform, VoteTally } from "./answer-log.js";
import type { RefusalReason } from "./types.js";

export interface LoggedQuestion {
  /** The answer's id. */
  id: string;
  /** Epoch milliseconds. */
  at: number;
  platform: Platform;
  /** HMAC of the asker's platform id under the log's own salt; never the raw id. Null when unknown. */
  userHash: string | null;
  chat: "private" | "group" | null;
  question: string;
  language: string | null;
  grounded: boolean;
  reason: RefusalReason | null;
  /** Paths of the cited articles, in citation order, without repeats. */
  citedPaths: string[];
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
  llmFallback: boolean;
  votes: VoteTally;
}

export interface LoggedQuestionQuery {
  /** Only questions asked at or after this epoch millisecond. */
  since?: number;
}
