/**
 * `npm run report` over a question log in PostgreSQL (DATABASE_URL), against a real private server:
 * the same seeded week gives exactly the report the SQLite file gives (text and JSON), the report
 * only reads (no migration, no retention purge), and an unreachable or empty database exits 2 with
 * a message that names the URL without its credentials.
 */
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GapReport } from "../../src/report/build-report.js";
import { runCli } from "../helpers/cli.js";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server.js";
import { SEED_TOTALS, seedPostgresQuestionLog, seedQuestionLog } from "../helpers/question-log.js";
import { freePort } from "../helpers/redis-server.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("report-pg");
let server: PostgresServer;
let url: string;
let file: string;

beforeAll(async () => {
  server = await startPostgresServer();
  url = await server.createDatabase("report_log");
  file = path.join(await dirs.make("log"), "questions.sqlite");
  await Promise.all([seedPostgresQuestionLog(url), seedQuestionLog(file)]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await dirs.cleanup();
}, 30_000);

async function snapshot(): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts = await client.query("SELECT (SELECT COUNT(*) FROM questions)::int AS questions, (SELECT COUNT(*) FROM votes)::int AS votes, (SELECT COUNT(*) FROM schema_version)::int AS versions, (SELECT COUNT(*) FROM meta)::int AS meta");
    return counts.rows[0];
  } finally {
    await client.end();
  }
}

const withoutTime = (json: string) => ({ ...(JSON.parse(json) as GapReport), generatedAt: "-" });

describe("report CLI over PostgreSQL", () => {
  it("prints exactly the report the SQLite file gives for the same rows, and leaves the database as it was", async () => {
    const before = await snapshot();
    // QUESTION_LOG_DAYS=1: a writer would purge the whole seeded week; the report must not.
    const env = { DATABASE_URL: url, QUESTION_LOG_DAYS: "1" };
    const [pgText, sqliteText, pgJson, sqliteJson] = await Promise.all([
      runCli("report.ts", [], { env, timeoutMs: 60_000 }),
      runCli("report.ts", [], { env: { QUESTION_LOG_PATH: file }, timeoutMs: 60_000 }),
      runCli("report.ts", ["--json", "--since", "2025-11-05"], { env, timeoutMs: 60_000 }),
      runCli("report.ts", ["--json", "--since", "2025-11-05"], { env: { QUESTION_LOG_PATH: file }, timeoutMs: 60_000 }),
    ]);
    for (const r of [pgText, sqliteText, pgJson, sqliteJson]) expect(r.code, r.stderr).toBe(0);
    expect(pgText.stdout).toContain(`${SEED_TOTALS.questions} question(s) from ${SEED_TOTALS.askers} asker(s)`);
    expect(pgText.stdout).toMatch(/4× minimum wage, 3 asker\(s\)/);
    expect(pgText.stdout).toBe(sqliteText.stdout);
    expect(withoutTime(pgJson.stdout)).toEqual(withoutTime(sqliteJson.stdout));
    expect(withoutTime(pgJson.stdout).since).toBe("2025-11-05");
    expect(await snapshot()).toEqual(before);
  }, 70_000);

  it("--log PATH reads that SQLite file even when DATABASE_URL is set", async () => {
    const result = await runCli("report.ts", ["--log", file, "--json"], { env: { DATABASE_URL: `postgres://127.0.0.1:${await freePort()}/nowhere` }, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as GapReport).totals.questions).toBe(SEED_TOTALS.questions);
  }, 70_000);

  it("exits 2 with the URL without credentials when PostgreSQL is unreachable, and when the database holds no log", async () => {
    const port = await freePort();
    const empty = await server.createDatabase("report_empty");
    const [down, none] = await Promise.all([
      runCli("report.ts", [], { env: { DATABASE_URL: `postgres://reporter:s3cret-pw@127.0.0.1:${port}/dossier` }, timeoutMs: 60_000 }),
      runCli("report.ts", [], { env: { DATABASE_URL: empty }, timeoutMs: 60_000 }),
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain(`Cannot reach PostgreSQL at postgres://127.0.0.1:${port}/dossier (DATABASE_URL): ECONNREFUSED`);
    expect(down.stderr).not.toMatch(/s3cret|reporter/);
    expect(down.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("not a question log");
    const client = new pg.Client({ connectionString: empty });
    await client.connect();
    const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    await client.end();
    expect(tables.rows).toEqual([]); // read-only: nothing created
  }, 70_000);
});
