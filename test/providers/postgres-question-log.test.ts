/**
 * The PostgreSQL question log against a real, private PostgreSQL (initdb in a temp folder, one
 * fresh database per test): the same rows as the SQLite log for the same answers, hashed user ids
 * and redacted questions, one vote per user and answer, retention, migrations that are idempotent
 * and safe when instances start at once, instances that share one log and one salt, and an outage
 * in the middle of a run — answers are buffered (bounded), none is lost or doubled after the
 * restart, votes fail politely, and the credentials of DATABASE_URL never show.
 */
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnsweredEvent } from "../../src/core/answer-log.js";
import type { Logger } from "../../src/core/logger.js";
import type { Answer } from "../../src/core/types.js";
import { createQuestionLog } from "../../src/providers/create-question-log.js";
import { PostgresQuestionLog, type PostgresQuestionLogOptions } from "../../src/providers/postgres-question-log.js";
import { QUESTION_LOG_SCHEMA_VERSION, statementsFor } from "../../src/providers/question-log-migrations.js";
import { SqliteQuestionLog } from "../../src/providers/sqlite-question-log.js";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server.js";
import { freePort } from "../helpers/redis-server.js";
import { DAY, RAW_USER, T0, loggedAnswer, loggedEvent } from "../helpers/logged-answers.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const FAST = { retryMs: { first: 50, max: 200 }, closeDeadlineMs: 1000, timeoutMs: 2000 } as const;

let server: PostgresServer;
let databases = 0;
const open: { close(): Promise<void> }[] = [];
const dirs = tempDirs("pg-question-log");

beforeAll(async () => {
  server = await startPostgresServer();
}, 60_000);
afterEach(async () => {
  await server.start().catch(() => undefined); // a test that stopped it may have failed before restarting
  for (const log of open.splice(0)) await log.close();
}, 30_000);
afterAll(async () => {
  await server?.close();
  await dirs.cleanup();
}, 30_000);

/** A fresh, empty database for one test. */
async function freshDatabase(): Promise<string> {
  databases += 1;
  return server.createDatabase(`qlog_${process.pid}_${databases}`);
}

async function openLog(url: string, options: Partial<PostgresQuestionLogOptions> = {}): Promise<PostgresQuestionLog> {
  const log = await PostgresQuestionLog.open({ url, retentionDays: 90, now: () => T0, ...FAST, ...options });
  open.push(log);
  return log;
}

async function sql<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** As the SQLite tests', with a time that is not exact in binary: DOUBLE PRECISION must keep it. */
function answer(overrides: Partial<Answer> = {}): Answer {
  return loggedAnswer({ timings: { retrieveMs: 1.5, answerMs: 0.1 + 0.2, totalMs: 2.25 }, ...overrides });
}

const event = (id: string, overrides: Partial<AnsweredEvent> = {}): AnsweredEvent => loggedEvent(id, overrides, answer());

function recordingLogger(): { logger: Logger; lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, ...(fields === undefined ? {} : { fields }) });
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}

describe("PostgresQuestionLog", () => {
  it("stores the same rows as the SQLite log for the same answers (outcome, cited paths, timings, hashed user, votes)", async () => {
    const url = await freshDatabase();
    const log = await openLog(url);
    const sqlite = new SqliteQuestionLog({ path: path.join(await dirs.make("same"), "q.sqlite"), retentionDays: 90, now: () => T0 });
    open.push(sqlite);
    const { language: _language, ...refusal } = answer({ grounded: false, reason: "out_of_scope", citations: [] });
    const events = [
      event("a1", { llmFallback: true }),
      event("a2", { userId: null, chat: null, platform: "cli", question: "Weather?", answer: refusal }),
      event("B-same-time", { at: T0 + 5 }),
      event("a-same-time", { at: T0 + 5, chat: "group", platform: "discord" }),
    ];
    for (const store of [log, sqlite]) {
      for (const e of events) store.answered(e);
      expect(await store.vote({ answerId: "a1", platform: "discord", userId: "u1", value: -1, at: T0 })).toEqual({ up: 0, down: 1 });
    }
    const rows = await log.rows();
    const withoutHash = (r: { userHash: string | null }) => ({ ...r, userHash: r.userHash === null ? null : "hash" });
    expect(rows.map(withoutHash)).toEqual((await sqlite.rows()).map(withoutHash));
    expect(rows.map((r) => r.id)).toEqual(["a1", "a2", "B-same-time", "a-same-time"]);
    expect(rows[0]).toMatchObject({ id: "a1", at: T0, platform: "telegram", chat: "private", grounded: true, reason: null, language: "en", llmFallback: true, retrieveMs: 1.5, answerMs: 0.1 + 0.2, totalMs: 2.25, votes: { up: 0, down: 1 } });
    expect(rows[0]?.citedPaths).toEqual(["kyrgyz.md", "tehran.md"]);
    expect(rows[0]?.userHash).toBe(log.hashUser("telegram", RAW_USER));
    expect(rows[0]?.userHash).not.toBe(log.hashUser("discord", RAW_USER));
    expect(rows[1]).toMatchObject({ userHash: null, chat: null, grounded: false, reason: "out_of_scope", citedPaths: [], language: null });
    expect(await log.rows({ since: T0 + 1 })).toHaveLength(2);
    expect(log.where).toBe(url.replace("postgres@", ""));
    expect(log.failures).toBe(0);
  });

  it("keeps one vote per user and answer (a second replaces the first) and returns null for an unknown answer", async () => {
    const url = await freshDatabase();
    const log = await openLog(url);
    log.answered(event("a1"));
    const vote = (userId: string, value: 1 | -1) => log.vote({ answerId: "a1", platform: "discord", userId, value, at: T0 + 1000 });
    expect(await vote("u1", 1)).toEqual({ up: 1, down: 0 });
    expect(await vote("u2", 1)).toEqual({ up: 2, down: 0 });
    expect(await vote("u3", -1)).toEqual({ up: 2, down: 1 });
    expect(await vote("u1", 1)).toEqual({ up: 2, down: 1 });
    expect(await vote("u1", -1)).toEqual({ up: 1, down: 2 });
    expect((await log.rows())[0]?.votes).toEqual({ up: 1, down: 2 });
    expect(await log.vote({ answerId: "nope", platform: "telegram", userId: "u1", value: 1, at: T0 })).toBeNull();
    expect(await sql(url, "SELECT COUNT(*)::int AS n FROM votes")).toEqual([{ n: 3 }]);
  });

  it("never stores a raw user id, a configured secret or a token-shaped string; NUL characters are dropped, not fatal", async () => {
    const url = await freshDatabase();
    const log = await openLog(url, { secrets: ["my-api-key-1234"] });
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";
    log.answered(event("a1", { question: `my token is ${token} and my-api-key-1234, who chairs the union?\u0000` }));
    await log.vote({ answerId: "a1", platform: "telegram", userId: RAW_USER, value: 1, at: T0 });
    const dump = (await sql<{ t: string }>(url, "SELECT (SELECT string_agg(q::text, ' ') FROM questions q) || (SELECT string_agg(v::text, ' ') FROM votes v) AS t"))[0]?.t ?? "";
    expect(dump).toContain("who chairs the union");
    expect(dump).not.toContain(RAW_USER);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain("my-api-key-1234");
    expect((await log.rows())[0]?.question).toBe("my token is [redacted] and [redacted], who chairs the union?");
  });

  it("deletes questions and their votes older than the retention period, at open and at most hourly on insert", async () => {
    const url = await freshDatabase();
    let now = T0;
    const log = await openLog(url, { now: () => now, retentionDays: 30 });
    log.answered(event("old", { at: T0 - 29 * DAY }));
    log.answered(event("new", { at: T0 }));
    await log.vote({ answerId: "old", platform: "telegram", userId: "u1", value: -1, at: T0 });
    expect((await log.rows()).map((r) => r.id)).toEqual(["old", "new"]);

    now = T0 + 2 * DAY; // "old" is 31 days old now, and the last purge ran two days ago: it goes on this insert.
    log.answered(event("later", { at: now }));
    expect((await log.rows()).map((r) => r.id)).toEqual(["new", "later"]);
    expect(await sql(url, "SELECT COUNT(*)::int AS n FROM votes")).toEqual([{ n: 0 }]);

    log.answered(event("stale", { at: now - 40 * DAY }));
    now += 30 * 60_000;
    log.answered(event("x", { at: now }));
    expect((await log.rows()).map((r) => r.id)).toContain("stale"); // within the hour: no second purge
    now += 31 * 60_000;
    log.answered(event("y", { at: now }));
    expect((await log.rows()).map((r) => r.id)).not.toContain("stale");

    const reopened = await openLog(url, { now: () => T0 + 100 * DAY, retentionDays: 30 });
    expect(await reopened.rows()).toEqual([]);
  });

  it("migrates once: re-opening changes nothing, and two instances opening an empty database at once both succeed with one salt", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([openLog(url), openLog(url)]);
    expect(a?.hashUser("telegram", RAW_USER)).toBe(b?.hashUser("telegram", RAW_USER));
    await openLog(url);
    const versions = await sql<{ version: number }>(url, "SELECT version FROM schema_version ORDER BY version");
    expect(versions).toEqual(Array.from({ length: QUESTION_LOG_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })));
    expect(await sql(url, "SELECT COUNT(*)::int AS n FROM meta")).toEqual([{ n: 1 }]);
    const columns = await sql<{ column_name: string; data_type: string }>(url, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'questions' AND column_name IN ('at', 'total_ms')");
    expect(new Map(columns.map((c) => [c.column_name, c.data_type]))).toEqual(new Map([["at", "bigint"], ["total_ms", "double precision"]]));
  });

  it("shares one log between instances: each sees the other's rows, hashes users alike, and votes on the other's answers", async () => {
    const url = await freshDatabase();
    const a = await openLog(url);
    const b = await openLog(url);
    a.answered(event("from-a"));
    b.answered(event("from-b", { at: T0 + 1 }));
    expect(await a.flush()).toBe(true);
    expect((await b.rows()).map((r) => r.id)).toEqual(["from-a", "from-b"]);
    expect((await a.rows()).map((r) => r.userHash)).toEqual([a.hashUser("telegram", RAW_USER), b.hashUser("telegram", RAW_USER)]);
    expect(await b.vote({ answerId: "from-a", platform: "telegram", userId: RAW_USER, value: 1, at: T0 })).toEqual({ up: 1, down: 0 });
    expect(await a.vote({ answerId: "from-a", platform: "telegram", userId: RAW_USER, value: -1, at: T0 })).toEqual({ up: 0, down: 1 });
  });

  it("keeps answering through an outage: answers are buffered, votes fail politely, and after the restart every answer is written once", async () => {
    const url = await freshDatabase();
    const { logger, lines } = recordingLogger();
    const log = await openLog(url, { logger });
    log.answered(event("before"));
    expect(await log.flush()).toBe(true);

    await server.stop();
    for (let i = 0; i < 30; i++) expect(() => log.answered(event(`during-${i}`, { at: T0 + i }))).not.toThrow();
    await vi.waitFor(() => expect(log.failures).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    expect(log.pending).toBe(30);
    await expect(log.vote({ answerId: "before", platform: "telegram", userId: "u1", value: 1, at: T0 })).rejects.toMatchObject({
      code: "INTERNAL",
      userMessage: "Sorry, your vote could not be saved. Please try again later.",
    });
    await expect(log.rows()).rejects.toMatchObject({ code: "INTERNAL" });
    expect(lines.filter((l) => l.level === "warn" && l.message.includes("cannot write to PostgreSQL"))).toHaveLength(1);

    await server.start();
    await vi.waitFor(() => expect(log.pending).toBe(0), { timeout: 10_000, interval: 50 }); // the back-off retry, not a flush
    const ids = (await sql<{ id: string }>(url, "SELECT id FROM questions ORDER BY at, id")).map((r) => r.id);
    expect(ids).toEqual(["before", ...Array.from({ length: 30 }, (_, i) => `during-${i}`)]);
    expect(log.dropped).toBe(0);
    expect(lines.some((l) => l.message.includes("reaches PostgreSQL again"))).toBe(true);
    expect(await log.vote({ answerId: "during-3", platform: "telegram", userId: "u1", value: 1, at: T0 })).toEqual({ up: 1, down: 0 });
    expect(JSON.stringify(lines)).not.toContain(RAW_USER);
  }, 30_000);

  it("bounds the buffer: beyond it the oldest answers are dropped and counted, with one warning per outage", async () => {
    const url = await freshDatabase();
    const { logger, lines } = recordingLogger();
    const log = await openLog(url, { logger, maxBuffered: 5 });
    await server.stop();
    for (let i = 0; i < 8; i++) log.answered(event(`e${i}`, { at: T0 + i }));
    await vi.waitFor(() => expect(log.failures).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    expect(log.pending).toBe(5);
    expect(log.dropped).toBe(3);
    expect(lines.filter((l) => l.message.includes("buffer is full"))).toHaveLength(1);
    await server.start();
    expect(await log.flush()).toBe(true);
    expect((await log.rows()).map((r) => r.id)).toEqual(["e3", "e4", "e5", "e6", "e7"]);
    expect(lines.find((l) => l.message.includes("reaches PostgreSQL again"))).toMatchObject({ level: "warn", fields: { dropped: 3, written: 5 } });
  }, 30_000);

  it("drops a row PostgreSQL refuses for good and writes the others", async () => {
    const { logger, lines } = recordingLogger();
    const log = await openLog(await freshDatabase(), { logger });
    log.answered(event("ok-1", { at: T0 }));
    log.answered(event("bad", { at: Number.NaN }));
    log.answered(event("ok-2", { at: T0 + 1 }));
    expect(await log.flush()).toBe(true);
    expect((await log.rows()).map((r) => r.id)).toEqual(["ok-1", "ok-2"]);
    expect(log.dropped).toBe(1);
    expect(lines.some((l) => l.message.includes("refused an answer"))).toBe(true);
  });

  it("close() writes what is buffered when it can, and gives up after its deadline when it cannot", async () => {
    const url = await freshDatabase();
    const log = await openLog(url);
    await server.stop();
    log.answered(event("kept"));
    await server.start();
    await log.close();
    expect(await sql(url, "SELECT id FROM questions")).toEqual([{ id: "kept" }]);
    expect(log.dropped).toBe(0);
    const failures = log.failures;
    expect(() => log.answered(event("after-close"))).not.toThrow();
    expect(log.failures).toBe(failures + 1);

    const down = await openLog(url, { closeDeadlineMs: 300 });
    await server.stop();
    down.answered(event("lost"));
    const started = Date.now();
    await down.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(down.dropped).toBe(1);
  }, 30_000);

  it("rejects a closed port with a message naming the URL without its credentials", async () => {
    const port = await freePort();
    const url = `postgres://dossier:s3cret-pass@127.0.0.1:${port}/dossier`;
    const failure = PostgresQuestionLog.open({ url, retentionDays: 90 });
    await expect(failure).rejects.toMatchObject({ code: "INTERNAL", message: `Cannot reach PostgreSQL at postgres://127.0.0.1:${port}/dossier (DATABASE_URL): ECONNREFUSED` });
    const viaFactory = createQuestionLog({ enabled: true, path: "unused.sqlite", retentionDays: 90, databaseUrl: url });
    await expect(viaFactory).rejects.toThrow(/^Cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:\d+\/dossier \(DATABASE_URL\)/);
    await viaFactory.catch((error: Error) => expect(`${error.message} ${(error as { userMessage?: string }).userMessage ?? ""}`).not.toMatch(/s3cret|dossier:/));
  });

  it("createQuestionLog picks PostgreSQL when DATABASE_URL is set", async () => {
    const log = await createQuestionLog({ enabled: true, path: "unused.sqlite", retentionDays: 90, databaseUrl: await freshDatabase() }, { now: () => T0 });
    if (log !== null) open.push(log);
    expect(log).toBeInstanceOf(PostgresQuestionLog);
    log?.answered(event("a1"));
    expect((await log?.rows())?.map((r) => r.id)).toEqual(["a1"]);
  });

  it("refuses a database written by a newer schema, and (read-only) one without a log; read-only never writes", async () => {
    const url = await freshDatabase();
    await expect(PostgresQuestionLog.open({ url, retentionDays: 90, readonly: true })).rejects.toThrow(/not a question log/);
    expect(await sql(url, "SELECT to_regclass('schema_version')::text AS t")).toEqual([{ t: null }]);

    const writer = await openLog(url);
    writer.answered(event("ancient", { at: T0 - 400 * DAY }));
    expect(await writer.flush()).toBe(true);
    const reader = await openLog(url, { readonly: true });
    expect((await reader.rows()).map((r) => r.id)).toEqual(["ancient"]); // read-only applies no retention
    reader.answered(event("nope"));
    expect(reader.failures).toBe(1);
    await expect(reader.vote({ answerId: "ancient", platform: "telegram", userId: "u", value: 1, at: T0 })).rejects.toMatchObject({ code: "INTERNAL" });

    await sql(url, "INSERT INTO schema_version (version, description, applied_at) VALUES ($1, 'from the future', 0)", [QUESTION_LOG_SCHEMA_VERSION + 1]);
    for (const readonly of [false, true]) {
      await expect(PostgresQuestionLog.open({ url, retentionDays: 90, readonly })).rejects.toThrow(`written by a newer dossier (schema ${QUESTION_LOG_SCHEMA_VERSION + 1}, this one knows ${QUESTION_LOG_SCHEMA_VERSION})`);
    }
  });

  it("one migration list serves both dialects: shared statements, or one list per dialect", () => {
    const shared = { version: 1, description: "x", statements: ["CREATE TABLE t (x BIGINT)"] };
    const split = { version: 2, description: "y", statements: { sqlite: ["ALTER TABLE t ADD y REAL"], postgres: ["ALTER TABLE t ADD y DOUBLE PRECISION"] } };
    expect(statementsFor(shared, "postgres")).toEqual(statementsFor(shared, "sqlite"));
    expect(statementsFor(split, "postgres")).toEqual(["ALTER TABLE t ADD y DOUBLE PRECISION"]);
    expect(statementsFor(split, "sqlite")).toEqual(["ALTER TABLE t ADD y REAL"]);
  });
});
