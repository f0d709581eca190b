/** Files that cannot be read as articles are skipped (or merged) with a reason; the rest is indexed. */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reindex } from "../../src/ingest/reindex.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { CORPUS_ARTICLES, copyCorpus, writeArticle, generatedArticle } from "../helpers/articles.js";
import { BAD_FILES, DUPLICATE_FILE, SMALL_MAX_BYTES, writeBadFiles } from "../helpers/bad-files.js";
import { realEmbedder } from "../helpers/embedders.js";
import { listIndexDir } from "../helpers/index-dir.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("badfiles");
let embedder: GloveEmbeddings;
let dataDir: string;
let indexDir: string;

beforeAll(async () => {
  embedder = await realEmbedder();
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  await writeArticle(dataDir, "sub/good.md", generatedArticle(7));
  await writeBadFiles(dataDir);
}, 60_000);
afterAll(() => dirs.cleanup());

describe("reindex with bad files in the data folder", () => {
  it("skips each bad file with a one-line reason naming it, merges the duplicate, and indexes the rest", async () => {
    const report = await reindex({ dataDir, indexDir, embedder, maxBytes: SMALL_MAX_BYTES });
    const good = [...CORPUS_ARTICLES, "sub/good.md"].sort();
    expect([...report.added].sort()).toEqual(good);
    expect(report.articles).toBe(good.length);
    expect(report.wrote).toBe(true);

    expect(report.skipped.map((s) => s.path).sort()).toEqual(BAD_FILES.map((b) => b.path).sort());
    for (const bad of BAD_FILES) {
      const entry = report.skipped.find((s) => s.path === bad.path);
      expect(entry?.reason, bad.path).toMatch(bad.reason);
      expect(entry?.reason, bad.path).not.toMatch(/\n/);
      expect(entry?.reason.length ?? 0, bad.path).toBeLessThan(200);
    }
    expect(report.merged).toHaveLength(1);
    expect(report.merged[0]?.path).toBe(DUPLICATE_FILE.path);
    expect(report.merged[0]?.reason).toMatch(DUPLICATE_FILE.reason);

    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.articles.map((a) => a.id).sort()).toEqual(good);
    expect((await listIndexDir(indexDir)).generations).toHaveLength(1);
  });

  it("keeps reporting the skipped files on the next run, without rewriting the index", async () => {
    const report = await reindex({ dataDir, indexDir, embedder, maxBytes: SMALL_MAX_BYTES });
    expect(report.wrote).toBe(false);
    expect(report.skipped.map((s) => s.path).sort()).toEqual(BAD_FILES.map((b) => b.path).sort());
    expect(report.merged.map((m) => m.path)).toEqual([DUPLICATE_FILE.path]);
    expect(report.unchanged).toHaveLength(3);
  });

  it("indexes the big file once the size limit allows it (the limit is the only reason it was skipped)", async () => {
    const report = await reindex({ dataDir, indexDir, embedder });
    expect(report.added).toEqual(["huge.txt"]);
    expect(report.skipped.map((s) => s.path)).not.toContain("huge.txt");
  });
});
