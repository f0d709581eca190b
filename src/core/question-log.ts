/**
 * The question log as the bot and the report see it, whatever keeps it (SQLite on one machine,
 * PostgreSQL when several instances share it): it observes every answer, keeps votes, and gives
 * the logged questions back to the content-gap report.
 */
import type { AnswerObserver, FeedbackStore } from "./answer-log.js";
import type { LoggedQuestion, LoggedQuestionQuery } from "./logged-question.js";

export interface QuestionLog extends AnswerObserver, FeedbackStore {
  /** Where the log is kept, for logs and the report (a file path, or a database URL without its password). */
  readonly where: string;
  /** Logged questions, oldest first, with their vote counts. */
  rows(query?: LoggedQuestionQuery): Promise<LoggedQuestion[]>;
  /** Answers waiting to be written (buffered while the store is unreachable); absent when the store never buffers. */
  readonly pending?: number;
  /** Answers lost for good (buffer overflow, refused rows); absent when the store never buffers. */
  readonly dropped?: number;
  /** Writes what is still buffered (when the store was unreachable) as far as it can, then closes. */
  close(): Promise<void>;
}
