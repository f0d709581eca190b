/**
 * The re-index pipeline end to end with the real GloVe embeddings: first build, the incremental
 * runs (unchanged, updated, added, removed), a change of embedding model, dry runs, a fatal error,
 * and what the answer service sees after each.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnswerService } from "../../src/compose.js";
import { AppError } from "../../src/core/errors.js";
import { reindex, type ReindexReport } from "../../src/ingest/reindex.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { readVectors } from "../../src/index/read-index.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import {
  ABSENT_QUESTION,
  CORPUS_ARTICLES,
  KYRGYZ_ARTICLE,
  KYRGYZ_QUESTION,
  TEHRAN_ARTICLE,
  copyCorpus,
  generatedArticle,
  normalizeWhitespace,
  writeArticle,
} from "../helpers/articles.js";
import { CountingEmbedder, realEmbedder } from "../helpers/embedders.js";
import { floatRows } from "../helpers/float-rows.js";
import { listIndexDir, readManifestFile } from "../helpers/index-dir.js";
import { exists, snapshotTree, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("reindex");
let embedder: GloveEmbeddings;
let counting: CountingEmbedder;
let dataDir: string;
let indexDir: string;

beforeAll(async () => {
  embedder = await realEmbedder();
  counting = new CountingEmbedder(embedder);
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  for (const n of [1, 2, 3]) await writeArticle(dataDir, `gen-${n}.md`, generatedArticle(n));
}, 60_000);
afterAll(() => dirs.cleanup());

const run = (extra: { embedder?: CountingEmbedder; dryRun?: boolean; indexDir?: string } = {}): Promise<ReindexReport> => {
  const e = extra.embedder ?? counting;
  e.reset();
  return reindex({
    dataDir,
    indexDir: extra.indexDir ?? indexDir,
    embedder: e,
    ...(extra.dryRun === undefined ? {} : { dryRun: extra.dryRun }),
  });
};

async function ask(question: string) {
  const service = await openAnswerService({ indexDir, embedder, rarity: embedder, watch: false });
  try {
    return await service.ask(question);
  } finally {
    service.close();
  }
}

/** Chunk texts of one article in the loaded index. */
async function chunkTexts(articleId: string): Promise<string[]> {
  const index = await LoadedIndex.load({ indexDir, embedder });
  return index.chunks.filter((c) => c.articleId === articleId).map((c) => c.text);
}

const ALL = [...CORPUS_ARTICLES, "gen-1.md", "gen-2.md", "gen-3.md"].sort();

describe("reindex (incremental, real embeddings)", () => {
  it("first build: adds every article, embeds every chunk, and the index answers with exact quotes", async () => {
    const report = await run();
    expect(report).toMatchObject({
      dryRun: false,
      fullRebuild: true,
      rebuildReason: "no previous index",
      updated: [],
      removed: [],
      unchanged: [],
      skipped: [],
      merged: [],
      wrote: true,
      articles: 5,
      model: { id: embedder.modelId, dimensions: embedder.dimensions },
    });
    expect([...report.added].sort()).toEqual(ALL);
    expect(report.chunks).toBeGreaterThan(5);
    expect(report.embeddedChunks).toBe(report.chunks);
    expect(counting.embeddedTexts).toHaveLength(report.chunks);
    expect(report.elapsedMs).toBeGreaterThan(0);

    const listing = await listIndexDir(indexDir);
    expect(listing).toMatchObject({ manifest: true, lock: false, tmpGenerations: [], tmpManifests: [] });
    expect(listing.generations).toHaveLength(1);
    const manifest = await readManifestFile(indexDir);
    expect(manifest.generation).toBe(listing.generations[0]);
    expect(manifest.chunks).toBe(report.chunks);
    expect(manifest.articles.map((a) => a.id).sort()).toEqual(ALL);
    expect(manifest.articles.reduce((n, a) => n + a.chunks, 0)).toBe(report.chunks);

    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.chunks).toHaveLength(report.chunks);
    expect(index.lexical.size).toBe(report.chunks);
    expect(await readVectors(indexDir, index.manifest)).toHaveLength(index.manifest.labels * embedder.dimensions);
    expect(index.directions).toHaveLength(index.manifest.labels * embedder.dimensions);
    expect(index.manifest.labels).toBe(report.chunks); // a fresh build has no holes
    for (const c of index.chunks) expect(c.text).toBe(c.article.text.slice(c.start, c.end));
    // The embedder saw exactly the chunk texts (same order as stored).
    expect(counting.embeddedTexts).toEqual(index.chunks.map((c) => c.text));

    const answer = await ask(KYRGYZ_QUESTION);
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain("Jumadilde");
    expect(answer.citations.map((c) => c.path)).toContain(KYRGYZ_ARTICLE);
    const kyrgyz = index.articleById.get(KYRGYZ_ARTICLE);
    for (const c of answer.citations) {
      const text = index.articleById.get(c.path)?.text ?? "";
      expect(normalizeWhitespace(text)).toContain(normalizeWhitespace(c.quote));
    }
    expect(kyrgyz?.source).toBe("AZERTAC");
  });

  it("second run with nothing changed: unchanged, writes nothing, never calls the embedder", async () => {
    const before = await snapshotTree(indexDir);
    const report = await run();
    expect(report).toMatchObject({ fullRebuild: false, rebuildReason: null, added: [], updated: [], removed: [], wrote: false, embeddedChunks: 0 });
    expect([...report.unchanged].sort()).toEqual(ALL);
    expect(report.chunks).toBe((await readManifestFile(indexDir)).chunks);
    expect(counting.calls).toEqual([]);
    expect(await snapshotTree(indexDir)).toEqual(before);
  });

  it("an edited article is 'updated': only its chunks are embedded, the others' vectors are reused as they were", async () => {
    const before = await LoadedIndex.load({ indexDir, embedder });
    const edited = generatedArticle(2);
    edited.body += "\n\nIn a late addition, the council elected Zorbak Quillfeather as its new treasurer.";
    await writeArticle(dataDir, "gen-2.md", edited);

    const report = await run();
    expect(report).toMatchObject({ fullRebuild: false, added: [], updated: ["gen-2.md"], removed: [], wrote: true });
    expect([...report.unchanged].sort()).toEqual(ALL.filter((id) => id !== "gen-2.md"));
    const newChunks = await chunkTexts("gen-2.md");
    expect(report.embeddedChunks).toBe(newChunks.length);
    expect(counting.embeddedTexts).toEqual(newChunks);
    expect(newChunks.join(" ")).toContain("Zorbak Quillfeather");

    const after = await LoadedIndex.load({ indexDir, embedder });
    expect(after.manifest.generation).not.toBe(before.manifest.generation);
    const [rowBefore, rowAfter] = [await floatRows(indexDir, before), await floatRows(indexDir, after)];
    for (const id of [KYRGYZ_ARTICLE, TEHRAN_ARTICLE, "gen-1.md", "gen-3.md"]) {
      const rows = (index: LoadedIndex, rowOf: (label: number) => Float32Array) =>
        index.chunks.flatMap((c) => (c.articleId === id ? [Array.from(rowOf(c.label))] : []));
      expect(rows(after, rowAfter)).toEqual(rows(before, rowBefore));
    }
    const answer = await ask("Who was elected treasurer of the council?");
    expect(answer.grounded).toBe(true);
    expect(answer.citations[0]?.path).toBe("gen-2.md");
  });

  it("a new article is 'added' and only its chunks are embedded", async () => {
    await writeArticle(dataDir, "nested/gen-4.md", generatedArticle(4));
    const report = await run();
    expect(report).toMatchObject({ added: ["nested/gen-4.md"], updated: [], removed: [], wrote: true, articles: 6 });
    const chunks = await chunkTexts("nested/gen-4.md");
    expect(chunks.length).toBeGreaterThan(0);
    expect(report.embeddedChunks).toBe(chunks.length);
    expect(counting.embeddedTexts).toEqual(chunks);
  });

  it("a deleted article is 'removed', nothing is embedded, and it disappears from answers", async () => {
    await fs.rm(path.join(dataDir, KYRGYZ_ARTICLE));
    const report = await run();
    expect(report).toMatchObject({ added: [], updated: [], removed: [KYRGYZ_ARTICLE], wrote: true, articles: 5, embeddedChunks: 0 });
    expect(counting.calls).toEqual([]);

    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.articleById.has(KYRGYZ_ARTICLE)).toBe(false);
    expect(index.manifest.articles.some((a) => a.path === KYRGYZ_ARTICLE)).toBe(false);
    expect(index.chunks.some((c) => c.text.includes("Jumadilde"))).toBe(false);
    const answer = await ask(KYRGYZ_QUESTION);
    expect(answer.grounded).toBe(false);
    expect(answer.citations).toEqual([]);
  });

  it("records file stamps from the very first build, so the next run can skip unchanged files", async () => {
    const freshIndex = path.join(await dirs.make("stamps"), "index");
    await reindex({ dataDir, indexDir: freshIndex, embedder });
    const manifest = await readManifestFile(freshIndex);
    expect(Object.keys(manifest.files ?? {}).sort()).toEqual(manifest.articles.map((a) => a.path).sort());
  });

  it("does not read files whose size and modification time are unchanged, unless asked for a full scan", async () => {
    const file = path.join(dataDir, "stamp-check.md");
    await writeArticle(dataDir, "stamp-check.md", { title: "Stamp check", date: "2024-02-02", body: "The bakers union met in Tartu to discuss night shifts." });
    const added = await reindex({ dataDir, indexDir, embedder: counting });
    expect(added.added).toContain("stamp-check.md");

    // Same size, same mtime, different words: an unread file cannot tell, so it counts as unchanged.
    const before = await fs.stat(file);
    const text = await fs.readFile(file, "utf8");
    await fs.writeFile(file, text.replace("bakers", "makers"));
    await fs.utimes(file, before.atimeMs / 1000, before.mtimeMs / 1000);
    const quick = await reindex({ dataDir, indexDir, embedder: counting });
    expect(quick.unchanged).toContain("stamp-check.md");
    expect(quick.wrote).toBe(false);

    const full = await reindex({ dataDir, indexDir, embedder: counting, fullScan: true });
    expect(full.updated).toEqual(["stamp-check.md"]);

    // A normal edit changes the mtime and is picked up without a full scan.
    await fs.writeFile(file, text.replace("night shifts", "weekend shifts"));
    const edited = await reindex({ dataDir, indexDir, embedder: counting });
    expect(edited.updated).toEqual(["stamp-check.md"]);
    await fs.rm(file);
    await reindex({ dataDir, indexDir, embedder: counting });
  });

  it("keeps at most two generations (current and previous) and no leftovers", async () => {
    const listing = await listIndexDir(indexDir);
    const manifest = await readManifestFile(indexDir);
    expect(listing.generations.length).toBeLessThanOrEqual(2);
    expect(listing.generations).toContain(manifest.generation);
    expect(listing).toMatchObject({ lock: false, tmpGenerations: [], tmpManifests: [] });
  });

  it("a different embedding model forces a full rebuild that re-embeds everything", async () => {
    const other = new CountingEmbedder(embedder, { modelId: "glove-test-variant/v2" });
    const report = await run({ embedder: other });
    expect(report.fullRebuild).toBe(true);
    expect(report.rebuildReason).toContain(embedder.modelId);
    expect(report.rebuildReason).toContain("glove-test-variant/v2");
    expect(report.wrote).toBe(true);
    expect(report.embeddedChunks).toBe(report.chunks);
    expect(other.embeddedTexts).toHaveLength(report.chunks);
    expect((await readManifestFile(indexDir)).model.id).toBe("glove-test-variant/v2");

    // Vectors from two models are never mixed: the old model cannot load this index.
    const error = await LoadedIndex.load({ indexDir, embedder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("MODEL_MISMATCH");

    // And back to the default model: another full rebuild.
    const back = await run();
    expect(back).toMatchObject({ fullRebuild: true, wrote: true });
    expect(back.embeddedChunks).toBe(back.chunks);
    expect((await LoadedIndex.load({ indexDir, embedder })).manifest.model.id).toBe(embedder.modelId);
  });

  it("a dry run reports the plan but writes nothing and never embeds", async () => {
    const edited = generatedArticle(3);
    edited.title = "Council 3 renamed";
    await writeArticle(dataDir, "gen-3.md", edited);
    await writeArticle(dataDir, "gen-5.md", generatedArticle(5));
    await fs.rm(path.join(dataDir, "gen-1.md"));
    const before = await snapshotTree(indexDir);

    const plan = await run({ dryRun: true });
    expect(plan).toMatchObject({ dryRun: true, wrote: false, fullRebuild: false, added: ["gen-5.md"], updated: ["gen-3.md"], removed: ["gen-1.md"], embeddedChunks: 0 });
    expect(counting.calls).toEqual([]);
    expect(await snapshotTree(indexDir)).toEqual(before);

    // The real run then does exactly what was planned, down to the chunk count.
    const report = await run();
    expect(report).toMatchObject({ added: plan.added, updated: plan.updated, removed: plan.removed, unchanged: plan.unchanged, wrote: true });
    expect(report.chunks).toBe(plan.chunks);
  });

  it("a dry run on a fresh folder creates nothing at all", async () => {
    const parent = await dirs.make("fresh");
    const fresh = path.join(parent, "index");
    const report = await run({ dryRun: true, indexDir: fresh });
    expect(report).toMatchObject({ dryRun: true, wrote: false, fullRebuild: true, rebuildReason: "no previous index", embeddedChunks: 0 });
    expect(report.added).toHaveLength(report.articles);
    expect(counting.calls).toEqual([]);
    expect(await exists(fresh)).toBe(false);
    expect(await fs.readdir(parent)).toEqual([]);
    // It counts the chunks the build will make (chunked, not embedded), not the 0 of the missing index.
    const built = await run({ indexDir: path.join(await dirs.make("fresh-built"), "index") });
    expect(report.chunks).toBe(built.chunks);
    expect(report.chunks).toBeGreaterThan(report.articles);
  });

  it("a fatal error while embedding leaves the previous index exactly as it was, and unlocked", async () => {
    await writeArticle(dataDir, "gen-6.md", generatedArticle(6));
    const before = await snapshotTree(indexDir);
    const failing = new CountingEmbedder(embedder, { failAfterCalls: 0 });
    await expect(
      reindex({ dataDir, indexDir, embedder: failing }),
    ).rejects.toThrow(/fell over/);
    expect(await snapshotTree(indexDir)).toEqual(before);
    expect((await listIndexDir(indexDir)).lock).toBe(false);
    // The next good run picks up the pending change.
    const report = await run();
    expect(report.added).toEqual(["gen-6.md"]);
  });

  it("a missing data folder is a fatal CONFIG_INVALID error that leaves the index alone", async () => {
    const before = await snapshotTree(indexDir);
    const error = await reindex({ dataDir: path.join(dataDir, "nope"), indexDir, embedder: counting }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFIG_INVALID");
    expect(await snapshotTree(indexDir)).toEqual(before);
  });

  it("a damaged manifest is rebuilt from scratch instead of failing", async () => {
    await fs.writeFile(path.join(indexDir, "manifest.json"), "{ not json");
    const report = await run();
    expect(report).toMatchObject({ fullRebuild: true, wrote: true });
    expect(report.rebuildReason).not.toBeNull();
    expect(report.embeddedChunks).toBe(report.chunks);
    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.articles.length).toBe(report.articles);
    expect((await listIndexDir(indexDir)).generations.length).toBeLessThanOrEqual(2);
  });

  it("a damaged generation (vectors missing) is rebuilt from scratch", async () => {
    const manifest = await readManifestFile(indexDir);
    await fs.rm(path.join(indexDir, manifest.generation, "vectors.f32"));
    const report = await run();
    expect(report).toMatchObject({ fullRebuild: true, rebuildReason: "previous index damaged", wrote: true });
    expect(report.embeddedChunks).toBe(report.chunks);
    expect((await ask(ABSENT_QUESTION)).grounded).toBe(false);
  });
});
