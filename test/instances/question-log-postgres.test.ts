/**
 * `npm start` with DATABASE_URL: two instances (real processes, here the terminal chat) write their
 * questions to one PostgreSQL question log, and `npm run report` reads both; PostgreSQL unreachable
 * at start ends the start with a clear message naming the URL without its password, and exits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GapReport } from "../../src/report/build-report.js";
import { childEnv, finished, runCli } from "../helpers/cli.js";
import { startPostgresServer, type PostgresServer } from "../helpers/postgres-server.js";
import { freePort } from "../helpers/redis-server.js";
import { REPO_ROOT, tempDirs } from "../helpers/temp-dirs.js";
import { spawn } from "node:child_process";
import { sharedIndex } from "./cluster.js";

const dirs = tempDirs("instances-pg");
let corpus: { dataDir: string; indexDir: string };
let server: PostgresServer;
let url: string;

beforeAll(async () => {
  corpus = await sharedIndex(dirs);
  server = await startPostgresServer();
  url = await server.createDatabase("shared_log");
}, 120_000);
afterAll(async () => {
  await server?.close();
  await dirs.cleanup();
});

/** `npm start` in terminal mode (no bot tokens): answers its stdin, then exits. */
const chat = (env: Record<string, string>, input: string) =>
  finished(
    spawn(process.execPath, ["--import", "tsx", "--import", "./test/setup/no-network.ts", "src/main.ts"], {
      cwd: REPO_ROOT,
      env: childEnv({ DATA_DIR: corpus.dataDir, INDEX_DIR: corpus.indexDir, ...env }),
      stdio: ["pipe", "pipe", "pipe"],
    }),
    { input, timeoutMs: 90_000 },
  );

describe("npm start with DATABASE_URL", () => {
  it("two instances log into one PostgreSQL database, and the report reads both", async () => {
    const [a, b] = await Promise.all([
      chat({ DATABASE_URL: url, INSTANCE_ID: "a" }, "Who chairs the Federation of Trade Unions of Kyrgyzstan?\n"),
      chat({ DATABASE_URL: url, INSTANCE_ID: "b" }, "Where was the International Labour Conference held?\nwho is the mayor of baku\n"),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const report = await runCli("report.ts", ["--json"], { env: { DATABASE_URL: url }, timeoutMs: 60_000 });
    expect(report.code).toBe(0);
    const parsed = JSON.parse(report.stdout) as GapReport;
    expect(parsed.totals).toMatchObject({ questions: 3, grounded: 2, notCovered: 1 });
    expect(parsed.mostCited.length).toBe(2);
  }, 180_000);

  it("PostgreSQL unreachable at start: exit 2 with the URL without its password, and no hang", async () => {
    const port = await freePort();
    const started = performance.now();
    const result = await chat({ DATABASE_URL: `postgres://bot:hunter2secret@127.0.0.1:${port}/dossier` }, "hello\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot reach PostgreSQL at postgres://127.0.0.1:${port}/dossier (DATABASE_URL)`);
    expect(result.stderr + result.stdout).not.toContain("hunter2secret");
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it("Redis unreachable at start: exit 2 with the URL without its password", async () => {
    const port = await freePort();
    const result = await chat({ REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}` }, "hello\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot reach Redis at redis://127.0.0.1:${port} (REDIS_URL)`);
    expect(result.stderr + result.stdout).not.toContain("hunter2secret");
  }, 90_000);
});
