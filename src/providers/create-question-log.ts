/**
 * The question log the configuration asks for: PostgreSQL when DATABASE_URL is set (several
 * instances share one log; connected and migrated before the bot answers, so a wrong URL stops
 * the start with a clear message), else the SQLite file; none when QUESTION_LOG is off.
 */
import type { Logger } from "../core/logger.js";
import type { QuestionLog } from "../core/question-log.js";
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

export interface QuestionLogOptions {
  logger?: Logger;
  /** Exact strings (bot tokens, API keys) removed from questions before they are stored. */
  secrets?: readonly string[];
  /** Epoch milliseconds; injectable for retention tests. */
  now?: () => number;
}

/** Null when QUESTION_LOG is off (then nothing is written); rejects with an AppError when the log cannot be opened. */
export async function createQuestionLog(settings: QuestionLogSettings, options: QuestionLogOptions = {}): Promise<QuestionLog | null> {
  if (!settings.enabled) return null;
  const common = {
    retentionDays: settings.retentionDays,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    ...(options.now === undefined ? {} : { now: options.now }),
  };
  if (settings.databaseUrl !== null) return PostgresQuestionLog.open({ ...common, url: settings.databaseUrl });
  return new SqliteQuestionLog({ ...common, path: settings.path });
}
