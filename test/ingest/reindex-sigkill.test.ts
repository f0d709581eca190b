/**
 * Crash safety: a re-index killed with SIGKILL at any moment leaves an index that loads and is
 * either the old state or the new one, never a mix; the next normal run takes over the stale lock,
 * cleans the leftovers and finishes the job.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnswerService } from "../../src/compose.js";
import { reindex } from "../../src/ingest/reindex.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { CORPUS_ARTICLES, KYRGYZ_ARTICLE, KYRGYZ_QUESTION, copyCorpus, writeGeneratedArticles } from "../helpers/articles.js";
import { finished, spawnCli } from "../helpers/cli.js";
import { realEmbedder } from "../helpers/embedders.js";
import { listIndexDir, readManifestFile } from "../helpers/index-dir.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("sigkill");
let embedder: GloveEmbeddings;
let dataDir: string;
let pristineDir: string;
let oldIds: string[];
let newIds: string[];

beforeAll(async () => {
  embedder = await realEmbedder();
  dataDir = await dirs.make("data");
  pristineDir = path.join(await dirs.make("pristine"), "index");
  await copyCorpus(dataDir);
  await reindex({ dataDir, indexDir: pristineDir, embedder });
  oldIds = [...CORPUS_ARTICLES].sort();
  const generated = await writeGeneratedArticles(dataDir, 300);
  newIds = [...oldIds, ...generated].sort();
}, 60_000);
afterAll(() => dirs.cleanup());

type Trigger =
  | { kind: "delay"; ms: number }
  /** Kill as soon as an entry matching `match` appears in the index folder. */
  | { kind: "entry"; match: (name: string, original: ReadonlySet<string>) => boolean }
  | { kind: "stdout" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Waits for the trigger, then SIGKILLs the child (unless it has exited already). Returns whether it fired. */
async function killWhen(child: ChildProcess, trigger: Trigger, indexDir: string, original: ReadonlySet<string>): Promise<boolean> {
  let exited = false;
  child.once("exit", () => (exited = true));
  if (trigger.kind === "delay") {
    await sleep(trigger.ms);
  } else if (trigger.kind === "stdout") {
    await new Promise<void>((resolve) => {
      child.stdout?.once("data", () => resolve());
      child.once("exit", () => resolve());
    });
  } else {
    for (;;) {
      if (exited) return false;
      let names: string[] = [];
      try {
        names = fs.readdirSync(indexDir);
      } catch {
        names = [];
      }
      if (names.some((n) => trigger.match(n, original))) break;
      await tick();
    }
  }
  if (exited) return false;
  return child.kill("SIGKILL");
}

const scenarios: Array<{ name: string; trigger: Trigger }> = [
  { name: "50 ms after start", trigger: { kind: "delay", ms: 50 } },
  { name: "200 ms after start", trigger: { kind: "delay", ms: 200 } },
  { name: "400 ms after start", trigger: { kind: "delay", ms: 400 } },
  { name: "as soon as it holds the lock", trigger: { kind: "entry", match: (n) => n === ".lock" } },
  { name: "while a .tmp-g-* generation is being written", trigger: { kind: "entry", match: (n) => n.startsWith(".tmp-g-") } },
  {
    name: "right after the new generation is renamed into place",
    trigger: { kind: "entry", match: (n, original) => n.startsWith("g-") && !original.has(n) },
  },
  { name: "after it printed its report", trigger: { kind: "stdout" } },
];

const outcomes: Array<{ name: string; killed: boolean; state: "old" | "new"; lockLeft: boolean }> = [];

describe("reindex killed with SIGKILL", () => {
  for (const { name, trigger } of scenarios) {
    it(`leaves a loadable old-or-new index when killed ${name}, and the next run recovers`, async () => {
      const indexDir = path.join(await dirs.make("index"), "index");
      await fsp.cp(pristineDir, indexDir, { recursive: true });
      const original = new Set(await fsp.readdir(indexDir));

      const child = spawnCli("reindex.ts", ["--data", dataDir, "--index", indexDir, "--json"]);
      const done = finished(child, { timeoutMs: 30_000 });
      const fired = await killWhen(child, trigger, indexDir, original);
      const result = await done;
      if (fired) expect(result.signal).toBe("SIGKILL");
      else expect(result.code, result.stderr).toBe(0);

      // Whatever the moment, the index on disk is complete: the manifest parses and its generation loads.
      const manifest = await readManifestFile(indexDir);
      const index = await LoadedIndex.load({ indexDir, embedder });
      const ids = index.articles.map((a) => a.id).sort();
      const state = JSON.stringify(ids) === JSON.stringify(oldIds) ? "old" : "new";
      if (state === "new") expect(ids).toEqual(newIds);
      expect(manifest.articles.map((a) => a.id).sort()).toEqual(ids);
      expect(index.chunks).toHaveLength(manifest.chunks);
      expect(index.lexical.size).toBe(manifest.chunks);
      for (const c of index.chunks) expect(c.text).toBe(c.article.text.slice(c.start, c.end));
      const service = await openAnswerService({ indexDir, embedder, rarity: embedder, watch: false });
      const answer = await service.ask(KYRGYZ_QUESTION);
      service.close();
      expect(answer.grounded).toBe(true);
      expect(answer.citations[0]?.path).toBe(KYRGYZ_ARTICLE);

      const before = await listIndexDir(indexDir);
      if (before.lock) {
        // Killed between creating the lock file and writing it, the lock is empty (treated as stale);
        // otherwise it names the killed process, which really was the writer.
        const raw = await fsp.readFile(path.join(indexDir, ".lock"), "utf8");
        if (raw !== "") expect((JSON.parse(raw) as { pid: number }).pid).toBe(child.pid);
      }
      outcomes.push({ name, killed: fired, state, lockLeft: before.lock });

      // The next normal run takes the stale lock over, cleans up, and reaches the new state.
      const report = await reindex({ dataDir, indexDir, embedder });
      expect(report.articles).toBe(newIds.length);
      if (state === "old") expect(report).toMatchObject({ wrote: true, removed: [] });
      if (state === "old") expect(report.added).toHaveLength(300);
      if (state === "new") expect(report).toMatchObject({ wrote: false, added: [], updated: [], removed: [] });
      const after = await listIndexDir(indexDir);
      expect(after).toMatchObject({ lock: false, manifest: true, tmpManifests: [] });
      if (report.wrote) expect(after.tmpGenerations).toEqual([]);
      expect(after.generations.length).toBeLessThanOrEqual(2);
      const recovered = await LoadedIndex.load({ indexDir, embedder });
      expect(recovered.articles.map((a) => a.id).sort()).toEqual(newIds);
    }, 45_000);
  }

  it("actually interrupted some runs mid-way (otherwise the scenarios above prove little)", () => {
    console.info(outcomes.map((o) => `${o.killed ? "killed" : "finished"} ${o.name}: ${o.state} state${o.lockLeft ? ", stale lock" : ""}`).join("\n"));
    expect(outcomes.filter((o) => o.killed && o.lockLeft).length).toBeGreaterThan(0);
  });
});
