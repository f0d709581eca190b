/**
 * `npm start` wires the maintainers' loop: the terminal chat's questions land in the question log
 * (readable by `npm run report`), QUESTION_LOG=off writes nothing, and HTTP_PORT serves
 * /healthz, /readyz and /metrics while the bot runs.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reindex } from "../src/ingest/reindex.js";
import { copyCorpus } from "./helpers/articles.js";
import { childEnv, finished } from "./helpers/cli.js";
import { realEmbedder } from "./helpers/embedders.js";
import { REPO_ROOT, tempDirs } from "./helpers/temp-dirs.js";
import { SqliteQuestionLog } from "../src/providers/sqlite-question-log.js";

const dirs = tempDirs("main-loop");
let dataDir: string;
let indexDir: string;

beforeAll(async () => {
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  await reindex({ dataDir, indexDir, embedder: await realEmbedder() });
}, 60_000);
afterAll(() => dirs.cleanup());

const start = (env: Record<string, string>) =>
  spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: REPO_ROOT, env: childEnv({ DATA_DIR: dataDir, INDEX_DIR: indexDir, ...env }), stdio: ["pipe", "pipe", "pipe"] });

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("npm start and the question log", () => {
  it("logs the terminal chat's questions with their outcome, and nothing with QUESTION_LOG=off", async () => {
    const logDir = await dirs.make("log");
    const on = path.join(logDir, "on.sqlite");
    const off = path.join(logDir, "off.sqlite");
    const input = "Who chairs the Federation of Trade Unions of Kyrgyzstan?\nwho is the mayor of baku\n";
    const a = await finished(start({ QUESTION_LOG_PATH: on }), { input, timeoutMs: 60_000 });
    expect(a.code).toBe(0);
    const b = await finished(start({ QUESTION_LOG_PATH: off, QUESTION_LOG: "off" }), { input, timeoutMs: 60_000 });
    expect(b.code).toBe(0);
    expect(fs.existsSync(off)).toBe(false);
    const log = new SqliteQuestionLog({ path: on, retentionDays: 90, readonly: true });
    const rows = await log.rows({});
    await log.close();
    expect(rows.map((r) => [r.platform, r.grounded, r.reason ?? null])).toEqual([
      ["terminal", true, null],
      ["terminal", false, "not_covered"],
    ]);
    expect(rows[0]?.citedPaths).toEqual(["2025-11-04-azertac-kyrgyz-trade-unions.md"]);
  }, 120_000);
});

describe("npm start and HTTP_PORT", () => {
  it("serves /healthz, /readyz and /metrics while the chat runs", async () => {
    const port = await freePort();
    const child = start({ HTTP_PORT: String(port), QUESTION_LOG: "off" });
    // stdin stays open: the chat runs until it is closed.
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      let ready: Response | null = null;
      for (let i = 0; i < 200 && (ready === null || ready.status !== 200); i++) {
        ready = await fetch(`${base}/readyz`).catch(() => null);
        if (ready?.status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready?.status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/^# TYPE dossier_questions_total counter$/m);
      expect(metrics).toMatch(/^dossier_index_articles 2$/m);
    } finally {
      child.stdin?.end();
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
