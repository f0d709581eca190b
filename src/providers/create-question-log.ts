/**
 * The question log the configuration asks for: PostgreSQL when DATABASE_URL is set (several
 * instances share one log; connected and migrated before the bot answers, so a wrong URL stops
 * the start with a clear message), else the SQLite file; none when QUESTION_LOG is off.
 */
import type { QuestionLog } from "../core/question-log.js";
import type { QuestionLogStoreOptions } from "./question-log-rows.js";
import { PostgresQuestionLog } from "./postgres-question-log.js";
import { SqliteQuestionLog } from "./sqlite-question-log.js";

/** `{ ...config.questionLog, databaseUrl: config.shared.databaseUrl }` from src/config.ts fits. */
export interface QuestionLogSettings {
  enabled: boolean;
  /** The SQLite file, used when `databaseUrl` is null. */
  path: string;
  retentionDays: number;
  /** DATABASE_URL, or null for the SQLite file. */
  databaseUrl: string | null;
}

export type QuestionLogOptions = Omit<QuestionLogStoreOptions, "retentionDays">;

/** Null when QUESTION_LOG is off (then nothing is written); rejects with an AppError when the log cannot be opened. */
export async function createQuestionLog(settings: QuestionLogSettings, options: QuestionLogOptions = {}): Promise<QuestionLog | null> {
  return settings.enabled ? openQuestionLog(settings, options) : null;
}

/** PostgreSQL when `databaseUrl` is set, else the SQLite file (with `readonly`, for the report). */
export async function openQuestionLog(settings: Omit<QuestionLogSettings, "enabled">, options: QuestionLogOptions = {}): Promise<QuestionLog> {
  const common = { ...options, retentionDays: settings.retentionDays };
  if (settings.databaseUrl !== null) return PostgresQuestionLog.open({ ...common, url: settings.databaseUrl });
  return new SqliteQuestionLog({ ...common, path: settings.path });
}
