/**
 * The SQLite question log on a real temp file: answers are recorded with hashed user ids (the raw
 * id is nowhere in the file), votes are one per user and answer, retention deletes old rows, the
 * salt survives a restart, and a failing database never throws at the service.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { AnsweredEvent } from "../../src/core/answer-log.js";
import { QUESTION_LOG_SCHEMA_VERSION } from "../../src/providers/question-log-migrations.js";
import { createQuestionLog } from "../../src/providers/create-question-log.js";
import { SqliteQuestionLog } from "../../src/providers/sqlite-question-log.js";
import { DAY, RAW_USER, T0, loggedAnswer, loggedEvent } from "../helpers/logged-answers.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("question-log");
const open: SqliteQuestionLog[] = [];
afterEach(async () => {
  for (const log of open.splice(0)) await log.close();
});
afterAll(() => dirs.cleanup());


const answer = loggedAnswer;

const event = (id: string, overrides: Partial<AnsweredEvent> = {}): AnsweredEvent => loggedEvent(id, overrides);

async function openLog(options: { file?: string; now?: () => number; retentionDays?: number } = {}) {
  const file = options.file ?? path.join(await dirs.make("db"), "nested", "questions.sqlite");
  const log = new SqliteQuestionLog({ path: file, retentionDays: options.retentionDays ?? 90, now: options.now ?? (() => T0) });
  open.push(log);
  return { log, file };
}

describe("SqliteQuestionLog", () => {
  it("records an answer with its outcome, cited paths and timings, and a hashed user id", async () => {
    const { log } = await openLog();
    log.answered(event("a1", { llmFallback: true }));
    const { language: _language, ...refusal } = answer({ grounded: false, reason: "out_of_scope", citations: [] });
    log.answered(event("a2", { userId: null, chat: null, platform: "cli", question: "Weather?", answer: refusal }));
    const rows = await log.rows();
    expect(rows).toHaveLength(2);
    const [a1, a2] = rows;
    expect(a1).toMatchObject({ id: "a1", at: T0, platform: "telegram", chat: "private", grounded: true, reason: null, language: "en", llmFallback: true, retrieveMs: 1.5, answerMs: 0.5, totalMs: 2.25, votes: { up: 0, down: 0 } });
    expect(a1?.citedPaths).toEqual(["kyrgyz.md", "tehran.md"]);
    expect(a1?.userHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a1?.userHash).toBe(log.hashUser("telegram", RAW_USER));
    expect(a1?.userHash).not.toBe(log.hashUser("discord", RAW_USER));
    expect(a2).toMatchObject({ id: "a2", userHash: null, chat: null, grounded: false, reason: "out_of_scope", citedPaths: [], language: null });
    expect(log.failures).toBe(0);
  });

  it("never writes the raw user id or a token-shaped string to the file", async () => {
    const { log, file } = await openLog();
    const token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";
    log.answered(event("a1", { question: `my token is ${token}, who chairs the union?` }));
    await log.vote({ answerId: "a1", platform: "telegram", userId: RAW_USER, value: 1, at: T0 });
    const bytes = () => [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("latin1")).join("");
    expect(bytes()).not.toContain(RAW_USER);
    expect(bytes()).not.toContain(token);
    expect((await log.rows())[0]?.question).toContain("[redacted]");
    await log.close();
    expect(bytes()).not.toContain(RAW_USER);
    expect(bytes()).toContain("who chairs the union");
  });

  it("keeps one vote per user and answer: a second vote replaces the first", async () => {
    const { log } = await openLog();
    log.answered(event("a1"));
    const vote = (userId: string, value: 1 | -1) => log.vote({ answerId: "a1", platform: "discord", userId, value, at: T0 + 1000 });
    expect(await vote("u1", 1)).toEqual({ up: 1, down: 0 });
    expect(await vote("u2", 1)).toEqual({ up: 2, down: 0 });
    expect(await vote("u3", -1)).toEqual({ up: 2, down: 1 });
    expect(await vote("u1", 1)).toEqual({ up: 2, down: 1 });
    expect(await vote("u1", -1)).toEqual({ up: 1, down: 2 });
    expect((await log.rows())[0]?.votes).toEqual({ up: 1, down: 2 });
  });

  it("returns null for a vote on an unknown answer and stores nothing", async () => {
    const { log, file } = await openLog();
    expect(await log.vote({ answerId: "nope", platform: "telegram", userId: "u1", value: 1, at: T0 })).toBeNull();
    await log.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM votes").get()).toEqual({ n: 0 });
    db.close();
  });

  it("deletes questions and their votes older than the retention period, at open and at most hourly on insert", async () => {
    let now = T0;
    const { log, file } = await openLog({ now: () => now, retentionDays: 30 });
    log.answered(event("old", { at: T0 - 29 * DAY }));
    log.answered(event("new", { at: T0 }));
    await log.vote({ answerId: "old", platform: "telegram", userId: "u1", value: -1, at: T0 });
    expect((await log.rows()).map((r) => r.id)).toEqual(["old", "new"]);

    now = T0 + 2 * DAY; // "old" is 31 days old now, and the last purge ran two days ago: it goes on this insert.
    log.answered(event("later", { at: now }));
    expect((await log.rows()).map((r) => r.id)).toEqual(["new", "later"]);

    // Within the hour no second purge runs on insert.
    log.answered(event("stale", { at: now - 40 * DAY }));
    now += 30 * 60_000;
    log.answered(event("x", { at: now }));
    expect((await log.rows()).map((r) => r.id)).toContain("stale");
    now += 31 * 60_000;
    log.answered(event("y", { at: now }));
    expect((await log.rows()).map((r) => r.id)).not.toContain("stale");
    await log.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT COUNT(*) AS n FROM votes").get()).toEqual({ n: 0 });
    db.close();

    // At open: 100 days later everything is gone.
    const { log: reopened } = await openLog({ file, now: () => T0 + 100 * DAY, retentionDays: 30 });
    expect(await reopened.rows()).toEqual([]);
  });

  it("keeps the salt across restarts: the same user hashes the same", async () => {
    const { log, file } = await openLog();
    log.answered(event("a1"));
    const hash = log.hashUser("telegram", RAW_USER);
    await log.close();
    const { log: again } = await openLog({ file });
    expect(again.hashUser("telegram", RAW_USER)).toBe(hash);
    expect((await again.rows())[0]?.userHash).toBe(hash);
    // A vote after the restart is the same user's vote (replaces, not adds).
    await again.vote({ answerId: "a1", platform: "telegram", userId: RAW_USER, value: 1, at: T0 });
    expect(await again.vote({ answerId: "a1", platform: "telegram", userId: RAW_USER, value: -1, at: T0 })).toEqual({ up: 0, down: 1 });
    // A different database has its own salt.
    const { log: other } = await openLog();
    expect(other.hashUser("telegram", RAW_USER)).not.toBe(hash);
  });

  it("records the schema version in schema_version and opens an existing log without re-running migrations", async () => {
    const { log, file } = await openLog();
    await log.close();
    const { log: again } = await openLog({ file });
    await again.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT version FROM schema_version").all()).toEqual([{ version: QUESTION_LOG_SCHEMA_VERSION }]);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("counts failures instead of throwing when the database is closed; a vote then rejects", async () => {
    const { log } = await openLog();
    await log.close();
    expect(() => log.answered(event("a1"))).not.toThrow();
    log.answered(event("a2"));
    expect(log.failures).toBe(2);
    await expect(log.vote({ answerId: "a1", platform: "telegram", userId: "u", value: 1, at: T0 })).rejects.toMatchObject({ code: "INTERNAL" });
    await log.close(); // idempotent
  });

  it("opens read-only for the report: no file is created, writes are counted as failures", async () => {
    const dir = await dirs.make("ro");
    const missing = path.join(dir, "missing.sqlite");
    expect(() => new SqliteQuestionLog({ path: missing, retentionDays: 90, readonly: true })).toThrow(/Cannot open the question log/);
    expect(fs.existsSync(missing)).toBe(false);

    const { log, file } = await openLog({ now: () => T0 });
    log.answered(event("a1", { at: T0 - 200 * DAY }));
    await log.close();
    const ro = new SqliteQuestionLog({ path: file, retentionDays: 90, readonly: true, now: () => T0 });
    open.push(ro);
    // Read-only does not apply retention.
    expect((await ro.rows()).map((r) => r.id)).toEqual(["a1"]);
    expect(await ro.rows({ since: T0 - 100 * DAY })).toEqual([]);
    ro.answered(event("a2"));
    expect(ro.failures).toBe(1);
  });

  it("refuses a file that is not a question log", async () => {
    const file = path.join(await dirs.make("bad"), "other.sqlite");
    const db = new Database(file);
    db.exec("CREATE TABLE t (x INTEGER)");
    db.close();
    expect(() => new SqliteQuestionLog({ path: file, retentionDays: 90, readonly: true })).toThrow(/not a question log/);
  });

  it("createQuestionLog returns null when the log is off and the SQLite log when on without DATABASE_URL", async () => {
    const file = path.join(await dirs.make("factory"), "q.sqlite");
    expect(await createQuestionLog({ enabled: false, path: file, retentionDays: 90, databaseUrl: null })).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    const log = await createQuestionLog({ enabled: true, path: file, retentionDays: 90, databaseUrl: null }, { now: () => T0 });
    expect(log).toBeInstanceOf(SqliteQuestionLog);
    expect(log?.where).toBe(file);
    log?.answered(event("a1"));
    expect(await log?.rows()).toHaveLength(1);
    await log?.close();
  });
});
