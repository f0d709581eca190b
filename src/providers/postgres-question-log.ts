/**
 * The question log in PostgreSQL (DATABASE_URL), for several bot instances sharing one log and
 * one report: the same tables, privacy rules and retention as the SQLite file (user ids hashed
 * under a salt kept in the database, secrets redacted from questions, old rows purged at open and
 * at most hourly). An answer is never held up by the database: `answered()` hands the row to a
 * bounded in-memory buffer that writes in order, keeps the rows while PostgreSQL is away and
 * retries with back-off; inserts are idempotent, so a retried batch is never doubled.
 */
import pg from "pg";
import type { AnsweredEvent, Platform, Vote, VoteTally } from "../core/answer-log.js";
import { AppError } from "../core/errors.js";
import type { LoggedQuestion, LoggedQuestionQuery } from "../core/logged-question.js";
import type { QuestionLog } from "../core/question-log.js";
import { urlWithoutCredentials } from "../text/url-without-credentials.js";
import { codeOf, isPermanent, reasonOf } from "./postgres-errors.js";
import { loadPostgresSalt, migratePostgres, postgresSchemaVersion } from "./postgres-question-log-schema.js";
import { DAY_MS, HOUR_MS, QUESTION_COLUMNS, VOTE_NOT_SAVED, hashUserId, type QuestionLogStoreOptions, storedQuestion, toLoggedQuestion, type StoredQuestion } from "./question-log-rows.js";
import { RetryingWriteBuffer } from "./retrying-write-buffer.js";

const BATCH = 200;

export interface PostgresQuestionLogOptions extends QuestionLogStoreOptions {
  /** The DATABASE_URL; its credentials never appear in logs or errors. Read-only: the session itself is read-only too. */
  url: string;
  /** Answers kept in memory while PostgreSQL is unreachable (default 10,000); beyond it the oldest are dropped. */
  maxBuffered?: number;
  /** Back-off between write retries, doubling from `first` to `max` (default 250 ms … 30 s). */
  retryMs?: { first: number; max: number };
  /** How long `close()` keeps trying to write what is buffered (default 3 s). */
  closeDeadlineMs?: number;
  /** Connect and statement timeout (default 5 s): a query never waits longer. */
  timeoutMs?: number;
  /** Connections in the pool (default 4). */
  poolSize?: number;
}

type PgQuestionRow = Omit<StoredQuestion, "at"> & { at: string | number; up: number; down: number };

const SELECT_ROWS = `SELECT ${QUESTION_COLUMNS.map((c) => `q.${c}`).join(", ")},
       COUNT(v.value) FILTER (WHERE v.value = 1)::int AS up,
       COUNT(v.value) FILTER (WHERE v.value = -1)::int AS down
  FROM questions q LEFT JOIN votes v ON v.answer_id = q.id
 WHERE q.at >= $1 GROUP BY q.id ORDER BY q.at, q.id COLLATE "C"`; // byte order, as SQLite's

const UPSERT_VOTE = `INSERT INTO votes (answer_id, user_hash, value, at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (answer_id, user_hash) DO UPDATE SET value = excluded.value, at = excluded.at`;

const TALLY = "SELECT COUNT(*) FILTER (WHERE value = 1)::int AS up, COUNT(*) FILTER (WHERE value = -1)::int AS down FROM votes WHERE answer_id = $1";

/** The question log shared by instances; `PostgresQuestionLog.open` connects, migrates and loads the salt. */
export class PostgresQuestionLog implements QuestionLog {
  /** The database URL without credentials. */
  readonly where: string;
  private readonly buffer: RetryingWriteBuffer<StoredQuestion>;
  private readonly now: () => number;
  private readonly retentionMs: number;
  private readonly readonly: boolean;
  private lastPurge = Number.NEGATIVE_INFINITY;
  private refused = 0;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly salt: Buffer | null,
    private readonly options: PostgresQuestionLogOptions,
  ) {
    this.where = urlWithoutCredentials(options.url);
    this.now = options.now ?? Date.now;
    this.retentionMs = options.retentionDays * DAY_MS;
    this.readonly = options.readonly === true;
    const logger = options.logger;
    const max = options.maxBuffered ?? 10_000;
    this.buffer = new RetryingWriteBuffer<StoredQuestion>({
      write: (batch) => this.insert(batch),
      isPermanent,
      max,
      batchSize: Math.max(1, Math.min(BATCH, max)),
      retryMs: options.retryMs ?? { first: 250, max: 30_000 },
      events: {
        outage: (error) => logger?.warn("the question log cannot write to PostgreSQL: keeping answers in memory and retrying", { where: this.where, reason: this.reason(error), maxBuffered: max }),
        full: (limit) => logger?.warn("the question log's buffer is full: dropping the oldest answers until PostgreSQL is back", { where: this.where, maxBuffered: limit }),
        recovered: ({ written, dropped }) =>
          dropped > 0
            ? logger?.warn(`the question log reaches PostgreSQL again; ${dropped} answer(s) were dropped during the outage`, { where: this.where, written, dropped })
            : logger?.info("the question log reaches PostgreSQL again; the buffered answers are written", { where: this.where, written }),
        rejected: (error) => logger?.warn("PostgreSQL refused an answer for the question log; it was dropped", { where: this.where, code: codeOf(error) ?? "unknown" }),
      },
    });
  }

  /** Connects, applies the migrations (not when read-only), loads the salt and purges old rows; rejects with an AppError naming the URL without credentials. */
  static async open(options: PostgresQuestionLogOptions): Promise<PostgresQuestionLog> {
    const where = urlWithoutCredentials(options.url);
    const readonly = options.readonly === true;
    const reason = (error: unknown) => reasonOf(error, options.url);
    const timeout = options.timeoutMs ?? 5000;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: timeout,
      idleTimeoutMillis: 30_000,
      statement_timeout: timeout,
      query_timeout: timeout + 1000,
      keepAlive: true,
      allowExitOnIdle: true,
      application_name: "dossier-question-log",
      ...(readonly ? { options: "-c default_transaction_read_only=on" } : {}),
    });
    // An idle connection that breaks (PostgreSQL restarted) is dropped by the pool; never a crash.
    pool.on("error", (error) => options.logger?.debug("question log: a PostgreSQL connection closed", { where, reason: reason(error) }));
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new AppError("INTERNAL", `Cannot reach PostgreSQL at ${where} (DATABASE_URL): ${reason(error)}`, { cause: error });
    }
    const ignore = () => undefined;
    client.on("error", ignore);
    const openFailure = (error: unknown) => new AppError("INTERNAL", `Cannot open the question log in PostgreSQL at ${where} (DATABASE_URL): ${reason(error)}`, { cause: error });
    let salt: Buffer | null;
    try {
      if (readonly) await postgresSchemaVersion(client);
      else await migratePostgres(client, options.now ?? Date.now);
      salt = await loadPostgresSalt(client, !readonly);
      client.removeListener("error", ignore);
      client.release();
    } catch (error) {
      client.removeListener("error", ignore);
      client.release(true);
      await pool.end().catch(() => undefined);
      throw openFailure(error);
    }
    const log = new PostgresQuestionLog(pool, salt, options);
    if (!readonly) {
      try {
        await log.purge();
      } catch (error) {
        await pool.end().catch(() => undefined);
        throw openFailure(error);
      }
    }
    return log;
  }

  /** Answers not yet written (buffered while PostgreSQL is unreachable, or in flight). */
  get pending(): number {
    return this.buffer.pending;
  }

  /** Failed write attempts, plus answers refused outright (log closed or read-only). */
  get failures(): number {
    return this.buffer.failures + this.refused;
  }

  /** Answers lost for good: dropped from the full buffer, refused by the database, or unwritten at close. */
  get dropped(): number {
    return this.buffer.dropped;
  }

  /** Hands the answer to the write buffer; never throws, never waits for the database. */
  answered(event: AnsweredEvent): void {
    try {
      this.writable();
      this.buffer.push(forPostgres(storedQuestion(event, { salt: this.requireSalt(), secrets: this.options.secrets ?? [] })));
    } catch (error) {
      this.refused += 1;
      this.options.logger?.warn("the question log could not record an answer", { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Writes what is buffered now; true when nothing is left (for tests and shutdown). */
  flush(): Promise<boolean> {
    return this.buffer.flush();
  }

  /** One vote per user and answer (a second replaces the first); null when the answer is not in the log. */
  async vote(vote: Vote): Promise<VoteTally | null> {
    try {
      this.writable();
      const mine = (row: StoredQuestion) => row.id === vote.answerId;
      if (this.buffer.holds(mine)) await this.buffer.flush();
      if (this.buffer.holds(mine)) throw new Error("the answer is not written yet");
      const userHash = this.hashUser(vote.platform, vote.userId);
      return await this.transaction(async (client) => {
        const found = await client.query("SELECT 1 FROM questions WHERE id = $1 FOR KEY SHARE", [vote.answerId]);
        if (found.rowCount === 0) return null;
        await client.query(UPSERT_VOTE, [vote.answerId, userHash, vote.value, Math.round(vote.at)]);
        const tally = await client.query<VoteTally>(TALLY, [vote.answerId]);
        return { up: tally.rows[0]?.up ?? 0, down: tally.rows[0]?.down ?? 0 };
      });
    } catch (error) {
      throw new AppError("INTERNAL", VOTE_NOT_SAVED, { cause: error });
    }
  }

  /** Logged questions (oldest first) with their vote counts, for the report; this instance's buffered answers are written first. */
  async rows(query: LoggedQuestionQuery = {}): Promise<LoggedQuestion[]> {
    if (!this.readonly && this.buffer.pending > 0) await this.buffer.flush();
    try {
      const result = await this.pool.query<PgQuestionRow>(SELECT_ROWS, [Math.floor(query.since ?? Number.MIN_SAFE_INTEGER)]);
      return result.rows.map((r) => toLoggedQuestion({ ...r, at: Number(r.at), up: Number(r.up), down: Number(r.down) }));
    } catch (error) {
      throw new AppError("INTERNAL", `Cannot read the question log in PostgreSQL at ${this.where}: ${this.reason(error)}`, { cause: error });
    }
  }

  /** The stored form of a platform user id: HMAC-SHA256 under the database's salt (the same in every instance). */
  hashUser(platform: Platform, userId: string): string {
    return hashUserId(this.requireSalt(), platform, userId);
  }

  /** Deletes questions (and their votes) older than the retention period; returns how many questions went. */
  async purge(now: number = this.now()): Promise<number> {
    this.writable();
    return this.deleteOld(now);
  }

  private async deleteOld(now: number): Promise<number> {
    const cutoff = Math.floor(now - this.retentionMs);
    const removed = await this.transaction(async (client) => {
      await client.query("DELETE FROM votes WHERE answer_id IN (SELECT id FROM questions WHERE at < $1)", [cutoff]);
      return (await client.query("DELETE FROM questions WHERE at < $1", [cutoff])).rowCount ?? 0;
    });
    this.lastPurge = now;
    return removed;
  }

  /** Tries to write the buffer within the close deadline (what is left is counted as dropped and logged), then ends the pool. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    if (!this.readonly && this.buffer.pending > 0) {
      await this.buffer.flushBefore(Date.now() + (this.options.closeDeadlineMs ?? 3000));
    }
    const lost = this.buffer.discard();
    if (lost > 0) this.options.logger?.warn(`the question log could not write ${lost} answer(s) to PostgreSQL before closing`, { where: this.where, lost });
    await this.pool.end().catch(() => undefined);
  }

  /** One batch, in order: purges first when the last purge is an hour old; `ON CONFLICT DO NOTHING` makes a retry harmless. */
  private async insert(batch: readonly StoredQuestion[]): Promise<void> {
    const now = this.now();
    if (now - this.lastPurge >= HOUR_MS) await this.deleteOld(now);
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${QUESTION_COLUMNS.map((c) => `$${values.push(row[c])}`).join(", ")})`);
    await this.pool.query(`INSERT INTO questions (${QUESTION_COLUMNS.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT (id) DO NOTHING`, values);
  }

  private async transaction<R>(work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    // A checked-out client has no pool listener: a connection lost between queries must not crash the process.
    const onError = (error: Error) => this.options.logger?.debug("question log: a PostgreSQL connection closed", { where: this.where, reason: this.reason(error) });
    client.on("error", onError);
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw error;
    } finally {
      client.removeListener("error", onError);
      client.release(broken);
    }
  }

  private writable(): void {
    if (this.readonly) throw new AppError("INTERNAL", "The question log was opened read-only.");
    if (this.closing !== null) throw new AppError("INTERNAL", "The question log is closed.");
  }

  private requireSalt(): Buffer {
    if (this.salt === null) throw new AppError("INTERNAL", "The question log has no salt yet.");
    return this.salt;
  }

  private reason(error: unknown): string {
    return reasonOf(error, this.options.url);
  }
}

/** PostgreSQL refuses NUL characters in text, and milliseconds go into BIGINT columns. */
function forPostgres(row: StoredQuestion): StoredQuestion {
  const clean = (s: string) => s.split("\u0000").join("");
  return { ...row, at: Math.round(row.at), question: clean(row.question), language: row.language === null ? null : clean(row.language) };
}
