/**
 * The question log over a SQLite file (better-sqlite3, WAL, so the report can read while the bot
 * writes): every answered question with its outcome and timings, and users' votes — the material
 * of the content-gap report. Privacy by construction: platform user ids are stored only as
 * HMAC-SHA256 under a random salt kept in the file (the same user hashes the same across restarts,
 * the raw id is never written), known token shapes and configured secrets are redacted from
 * questions, and rows older than the retention period are deleted.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { AnsweredEvent, Platform, Vote, VoteTally } from "../core/answer-log.js";
import { AppError } from "../core/errors.js";
import type { LoggedQuestion, LoggedQuestionQuery } from "../core/logged-question.js";
import type { QuestionLog } from "../core/question-log.js";
import { QUESTION_LOG_SCHEMA_VERSION, SCHEMA_VERSION_TABLE, newerSchemaMessage, pendingMigrations, statementsFor } from "./question-log-migrations.js";
import { DAY_MS, HOUR_MS, SALT_KEY, VOTE_NOT_SAVED, hashUserId, type QuestionLogStoreOptions, newSalt, storedQuestion, toLoggedQuestion, type StoredQuestion } from "./question-log-rows.js";

export interface SqliteQuestionLogOptions extends QuestionLogStoreOptions {
  /** The SQLite file; its folder is created when missing (read-only: it must exist). */
  path: string;
}

type QuestionRow = StoredQuestion & { up: number; down: number };

interface WriteStatements {
  insert: Database.Statement;
  exists: Database.Statement<[string], { id: string }>;
  upsertVote: Database.Statement;
  tally: Database.Statement<[string], { up: number | null; down: number | null }>;
  purgeVotes: Database.Statement<[number]>;
  purgeQuestions: Database.Statement<[number]>;
}

/** The question log in one SQLite file (one machine); `createQuestionLog` picks it when DATABASE_URL is unset. */
export class SqliteQuestionLog implements QuestionLog {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly salt: Buffer | null;
  private readonly write: WriteStatements | null;
  private readonly selectRows: Database.Statement<[number], QuestionRow>;
  private lastPurge = Number.NEGATIVE_INFINITY;
  private failureCount = 0;

  constructor(private readonly options: SqliteQuestionLogOptions) {
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionDays * DAY_MS;
    const readonly = options.readonly === true;
    try {
      if (!readonly) fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
      this.db = new Database(options.path, readonly ? { readonly: true, fileMustExist: true } : {});
    } catch (error) {
      throw openError(options.path, error);
    }
    try {
      this.db.pragma("busy_timeout = 5000");
      if (!readonly) {
        this.db.pragma("journal_mode = WAL");
        this.db.pragma("foreign_keys = ON");
        this.migrate();
      } else this.checkVersion();
      this.salt = this.loadSalt(!readonly);
      this.selectRows = this.db.prepare<[number], QuestionRow>(
        `SELECT q.*, COALESCE(SUM(CASE WHEN v.value = 1 THEN 1 ELSE 0 END), 0) AS up,
                COALESCE(SUM(CASE WHEN v.value = -1 THEN 1 ELSE 0 END), 0) AS down
           FROM questions q LEFT JOIN votes v ON v.answer_id = q.id
          WHERE q.at >= ? GROUP BY q.id ORDER BY q.at, q.id`,
      );
      this.write = readonly ? null : this.prepareWrites();
      if (!readonly) this.purge();
    } catch (error) {
      this.db.close();
      throw openError(options.path, error);
    }
  }

  /** The file path. */
  get where(): string {
    return this.options.path;
  }

  /** How many answers could not be recorded since the log was opened. */
  get failures(): number {
    return this.failureCount;
  }

  /** Records one answer, synchronously; never throws (a failure is counted and logged without the question). */
  answered(event: AnsweredEvent): void {
    try {
      const write = this.writable();
      const now = this.now();
      if (now - this.lastPurge >= HOUR_MS) this.purge(now);
      write.insert.run(storedQuestion(event, { salt: this.requireSalt(), secrets: this.options.secrets ?? [] }));
    } catch (error) {
      this.failureCount += 1;
      this.options.logger?.warn("the question log could not record an answer", { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** One vote per user and answer (a second replaces the first); null when the answer is not in the log. */
  async vote(vote: Vote): Promise<VoteTally | null> {
    try {
      const write = this.writable();
      return this.db.transaction((): VoteTally | null => {
        if (write.exists.get(vote.answerId) === undefined) return null;
        write.upsertVote.run({ answer_id: vote.answerId, user_hash: this.hashUser(vote.platform, vote.userId), value: vote.value, at: vote.at });
        const t = write.tally.get(vote.answerId);
        return { up: t?.up ?? 0, down: t?.down ?? 0 };
      })();
    } catch (error) {
      throw new AppError("INTERNAL", VOTE_NOT_SAVED, { cause: error });
    }
  }

  /** Logged questions (oldest first) with their vote counts, for the report. */
  async rows(query: LoggedQuestionQuery = {}): Promise<LoggedQuestion[]> {
    return this.selectRows.all(query.since ?? Number.MIN_SAFE_INTEGER).map(toLoggedQuestion);
  }

  /**
   * The stored form of a platform user id: HMAC-SHA256 under this log's salt, hex. The platform is
   * part of the key (a Telegram and a Discord user with the same number are different people).
   */
  hashUser(platform: Platform, userId: string): string {
    return hashUserId(this.requireSalt(), platform, userId);
  }

  /** Deletes questions (and their votes) older than the retention period; returns how many questions went. */
  purge(now: number = this.now()): number {
    const write = this.writable();
    const cutoff = now - this.retentionMs;
    const removed = this.db.transaction(() => {
      write.purgeVotes.run(cutoff);
      return write.purgeQuestions.run(cutoff).changes;
    })();
    this.lastPurge = now;
    return removed;
  }

  /** Closes the file (idempotent). Nothing is buffered: every write is synchronous. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private requireSalt(): Buffer {
    if (this.salt === null) throw new AppError("INTERNAL", "The question log has no salt yet.");
    return this.salt;
  }

  private writable(): WriteStatements {
    if (this.write === null) throw new AppError("INTERNAL", "The question log was opened read-only.");
    if (!this.db.open) throw new AppError("INTERNAL", "The question log is closed.");
    return this.write;
  }

  private migrate(): void {
    this.db.exec(SCHEMA_VERSION_TABLE);
    const current = this.checkVersion();
    for (const m of pendingMigrations(current)) {
      this.db.transaction(() => {
        for (const sql of statementsFor(m, "sqlite")) this.db.exec(sql);
        this.db.prepare("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)").run(m.version, m.description, this.now());
      })();
    }
  }

  /** The schema version of the file; refuses a file that is not a question log or is newer than this code. */
  private checkVersion(): number {
    const table = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
    if (table === undefined) throw new Error("not a question log (no schema_version table)");
    const row = this.db.prepare<[], { v: number | null }>("SELECT MAX(version) AS v FROM schema_version").get();
    const version = row?.v ?? 0;
    if (version > QUESTION_LOG_SCHEMA_VERSION) throw new Error(newerSchemaMessage(version));
    return version;
  }

  /** The per-database salt, created once (a racing second writer keeps the first salt). */
  private loadSalt(create: boolean): Buffer | null {
    const read = () => this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?").get(SALT_KEY)?.value;
    let value = read();
    if (value === undefined && create) {
      this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING").run(SALT_KEY, newSalt());
      value = read();
    }
    return value === undefined ? null : Buffer.from(value, "hex");
  }

  private prepareWrites(): WriteStatements {
    return {
      insert: this.db.prepare(
        `INSERT INTO questions (id, at, platform, user_hash, chat, question, language, grounded, reason, cited_paths, retrieve_ms, answer_ms, total_ms, llm_fallback)
         VALUES (@id, @at, @platform, @user_hash, @chat, @question, @language, @grounded, @reason, @cited_paths, @retrieve_ms, @answer_ms, @total_ms, @llm_fallback)
         ON CONFLICT (id) DO NOTHING`,
      ),
      exists: this.db.prepare<[string], { id: string }>("SELECT id FROM questions WHERE id = ?"),
      upsertVote: this.db.prepare(
        `INSERT INTO votes (answer_id, user_hash, value, at) VALUES (@answer_id, @user_hash, @value, @at)
         ON CONFLICT (answer_id, user_hash) DO UPDATE SET value = excluded.value, at = excluded.at`,
      ),
      tally: this.db.prepare<[string], { up: number | null; down: number | null }>(
        "SELECT SUM(CASE WHEN value = 1 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN value = -1 THEN 1 ELSE 0 END) AS down FROM votes WHERE answer_id = ?",
      ),
      purgeVotes: this.db.prepare<[number]>("DELETE FROM votes WHERE answer_id IN (SELECT id FROM questions WHERE at < ?)"),
      purgeQuestions: this.db.prepare<[number]>("DELETE FROM questions WHERE at < ?"),
    };
  }
}

function openError(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError("INTERNAL", `Cannot open the question log ${file}: ${reason}`, { cause: error });
}
