/**
 * The `npm run reindex` contract: exit 0 when every file was indexed, 1 when some were skipped (the
 * rest indexed), 2 on a fatal error with the previous index left exactly as it was; `--json` prints
 * the report; DATA_DIR / INDEX_DIR are honoured.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReindexReport } from "../../src/ingest/reindex.js";
import { CORPUS_ARTICLES, copyCorpus, generatedArticle, writeArticle } from "../helpers/articles.js";
import { runCli, runNpxTsx } from "../helpers/cli.js";
import { listIndexDir, readManifestFile } from "../helpers/index-dir.js";
import { snapshotTree, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("reindex-cli");
let dataDir: string;
let indexDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  env = { DATA_DIR: dataDir, INDEX_DIR: indexDir };
});
afterAll(() => dirs.cleanup());

function parseReport(stdout: string): ReindexReport {
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1); // --json prints exactly one JSON document and nothing else
  return JSON.parse(lines[0] ?? "") as ReindexReport;
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe("reindex CLI", () => {
  it("exit 0 and a JSON report with every counter (`npx tsx`, directories from DATA_DIR/INDEX_DIR)", async () => {
    const result = await runNpxTsx("reindex.ts", ["--json"], { env });
    expect(result.code, result.stderr).toBe(0);
    const report = parseReport(result.stdout);
    expect(report).toMatchObject({ dryRun: false, fullRebuild: true, wrote: true, updated: [], removed: [], unchanged: [], skipped: [], merged: [] });
    expect([...report.added].sort()).toEqual([...CORPUS_ARTICLES].sort());
    for (const key of ["articles", "chunks", "embeddedChunks", "elapsedMs"] as const) expect(typeof report[key]).toBe("number");
    expect(report.articles).toBe(2);
    expect(report.model.dimensions).toBe(100);
    expect((await readManifestFile(indexDir)).chunks).toBe(report.chunks);
  });

  it("exit 0 with a readable summary when nothing changed", async () => {
    const result = await runCli("reindex.ts", ["--data", dataDir, "--index", indexDir], { env: {} });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/up to date/i);
    expect(result.stdout).toMatch(/added 0, updated 0, removed 0, unchanged 2, skipped 0/);
  });

  it("exit 1 when some files are skipped: the rest is indexed and each skip is listed with its reason", async () => {
    await fs.writeFile(path.join(dataDir, "empty.md"), "");
    await fs.writeFile(path.join(dataDir, "binary.txt"), Uint8Array.from([0x00, 0x01, 0x02, 0x41, 0x00]));
    await writeArticle(dataDir, "gen-1.md", generatedArticle(1));
    const result = await runCli("reindex.ts", [], { env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/added 1, updated 0, removed 0, unchanged 2, skipped 2/);
    expect(result.stdout).toContain("+ gen-1.md");
    expect(result.stdout).toMatch(/skipped binary\.txt: binary file/);
    expect(result.stdout).toMatch(/skipped empty\.md: empty article/);
    expect((await readManifestFile(indexDir)).articles.map((a) => a.id)).toContain("gen-1.md");
  });

  it("a dry run with --json reports the plan (exit 1 still flags the skipped files) and writes nothing", async () => {
    await writeArticle(dataDir, "gen-2.md", generatedArticle(2));
    const before = await snapshotTree(indexDir);
    const result = await runCli("reindex.ts", ["--dry-run", "--json"], { env });
    expect(result.code, result.stderr).toBe(1);
    const report = parseReport(result.stdout);
    expect(report).toMatchObject({ dryRun: true, wrote: false, added: ["gen-2.md"], embeddedChunks: 0 });
    expect(report.skipped.map((s) => s.path)).toEqual(["binary.txt", "empty.md"]);
    expect(await snapshotTree(indexDir)).toEqual(before);
  });

  it("exit 2 on an unknown option, with the usage and no stack trace; nothing is touched", async () => {
    const before = await snapshotTree(indexDir);
    const result = await runCli("reindex.ts", ["--bogus"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option --bogus");
    expect(result.stderr).toContain("Usage:");
    expectNoStackTrace(result.stderr);
    expect(result.stdout).toBe("");
    expect(await snapshotTree(indexDir)).toEqual(before);
  });

  it("exit 2 while another live process holds the lock; the previous index is left exactly as it was", async () => {
    const lockFile = path.join(indexDir, ".lock");
    const lock = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
    await fs.writeFile(lockFile, lock);
    try {
      const before = await snapshotTree(indexDir);
      const result = await runCli("reindex.ts", ["--json"], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Another re-index is running (pid ${process.pid}`);
      expectNoStackTrace(result.stderr);
      expect(await snapshotTree(indexDir)).toEqual(before);
      expect(await fs.readFile(lockFile, "utf8")).toBe(lock);
    } finally {
      await fs.rm(lockFile, { force: true });
    }
    expect((await listIndexDir(indexDir)).lock).toBe(false);
  });
});
