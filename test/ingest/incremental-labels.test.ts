/**
 * Incremental re-indexing by label: removed articles leave holes, new chunks get new labels, the
 * BM25 index and the HNSW graph are updated rather than rebuilt, and past a fifth of holes the
 * labels are compacted. After every step the index must retrieve exactly what a fresh full build
 * of the same files retrieves.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeArticles, type GeneratedArticle } from "../../src/bench/generate-corpus.js";
import { files } from "../../src/index/index-files.js";
import { reindex, type ReindexReport } from "../../src/ingest/reindex.js";
import type { Logger } from "../../src/core/logger.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { CountingEmbedder, realEmbedder } from "../helpers/embedders.js";
import { floatRows } from "../helpers/float-rows.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("labels");
let embedder: GloveEmbeddings;
let counting: CountingEmbedder;
let dataDir: string;
let indexDir: string;
const corpus = generateCorpus({ articles: 60, seed: 11, heldOut: 6 });
const QUESTIONS = corpus.questions.slice(0, 25).map((q) => q.question);

beforeAll(async () => {
  embedder = await realEmbedder();
  counting = new CountingEmbedder(embedder);
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await writeArticles(dataDir, corpus.articles);
}, 60_000);
afterAll(() => dirs.cleanup());

const run = (logger?: Logger): Promise<ReindexReport> => {
  counting.reset();
  return reindex({ dataDir, indexDir, embedder: counting, ...(logger === undefined ? {} : { logger }) });
};

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What an index retrieves for the questions, independent of label numbers. */
async function retrievalOf(index: LoadedIndex) {
  const out = [];
  for (const q of QUESTIONS) {
    const vector = Array.from(embedder.embedText(q));
    const lexical = index.lexical.search(q, 15).map((h) => ({ score: round(h.score), chunk: `${index.byLabel[h.doc]?.articleId}@${index.byLabel[h.doc]?.start}` }));
    const dense = index.hnsw?.searchKnn(vector, 10) ?? { neighbors: [], distances: [] };
    const cutoff = lexical.at(-1)?.score ?? 0;
    out.push({
      lexicalScores: lexical.map((h) => h.score),
      // Hits above the last score: ties at the cut may be broken differently by label number.
      lexicalChunks: lexical.filter((h) => h.score > cutoff).map((h) => h.chunk).sort(),
      dense: dense.neighbors.map((label, i) => `${index.byLabel[label]?.articleId}@${index.byLabel[label]?.start} ${round(dense.distances[i] ?? 0)}`).sort(),
    });
  }
  return out;
}

/** The same files indexed from scratch, for comparison. */
async function freshBuild(): Promise<LoadedIndex> {
  const dir = path.join(await dirs.make("fresh"), "index");
  await reindex({ dataDir, indexDir: dir, embedder });
  return LoadedIndex.load({ indexDir: dir, embedder });
}

async function removeArticles(articles: readonly GeneratedArticle[]): Promise<void> {
  await Promise.all(articles.map((a) => fs.rm(path.join(dataDir, a.path))));
}

describe("incremental re-index by label", () => {
  it("first build: labels are dense", async () => {
    const report = await run();
    expect(report.fullRebuild).toBe(true);
    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.manifest.labels).toBe(index.manifest.chunks);
    expect(index.byLabel.every((c) => c !== undefined)).toBe(true);
    expect(index.hnsw?.getCurrentCount()).toBe(index.manifest.labels);
  });

  it("removing a few and adding a few leaves holes, keeps labels, embeds only the new chunks and retrieves like a fresh build", async () => {
    const before = await LoadedIndex.load({ indexDir, embedder });
    const removed = corpus.articles.slice(0, 3);
    await removeArticles(removed);
    await writeArticles(dataDir, corpus.heldOut.slice(0, 2));
    const report = await run();
    expect(report).toMatchObject({ fullRebuild: false, compacted: false, wrote: true });
    expect(report.removed).toHaveLength(3);
    expect(report.added).toHaveLength(2);

    const after = await LoadedIndex.load({ indexDir, embedder });
    const [rowBefore, rowAfter] = [await floatRows(indexDir, before), await floatRows(indexDir, after)];
    const newIds = new Set(report.added);
    const newChunks = after.chunks.filter((c) => newIds.has(c.articleId));
    expect(report.embeddedChunks).toBe(newChunks.length);
    expect(counting.embeddedTexts).toEqual(newChunks.map((c) => c.text));
    // Kept chunks keep their labels and vectors; removed ones are holes; new ones come after the old labels.
    for (const c of before.chunks) {
      const now = after.byLabel[c.label];
      if (removed.some((a) => a.path === c.articleId)) expect(now).toBeUndefined();
      else {
        expect(now?.articleId).toBe(c.articleId);
        expect(now?.text).toBe(c.text);
        expect(Array.from(rowAfter(c.label))).toEqual(Array.from(rowBefore(c.label)));
      }
    }
    expect(Math.min(...newChunks.map((c) => c.label))).toBe(before.manifest.labels);
    expect(after.manifest.labels).toBeGreaterThan(after.manifest.chunks);
    expect(after.hnsw?.getCurrentCount()).toBe(after.manifest.labels);
    expect(after.lexical.live).toBe(after.manifest.chunks);

    // Holes never come back from either list.
    for (const q of QUESTIONS) {
      for (const h of after.lexical.search(q, 50)) expect(after.byLabel[h.doc]).toBeDefined();
      for (const label of after.hnsw?.searchKnn(Array.from(embedder.embedText(q)), 50).neighbors ?? []) expect(after.byLabel[label]).toBeDefined();
    }
    expect(await retrievalOf(after)).toEqual(await retrievalOf(await freshBuild()));
  });

  it("past a fifth of holes, labels are compacted without embedding anything again", async () => {
    await removeArticles(corpus.articles.slice(3, 18));
    const report = await run();
    expect(report).toMatchObject({ fullRebuild: false, compacted: true, wrote: true, embeddedChunks: 0 });
    expect(counting.calls).toEqual([]);
    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.manifest.labels).toBe(index.manifest.chunks);
    expect(index.byLabel.every((c) => c !== undefined)).toBe(true);
    expect(index.hnsw?.getCurrentCount()).toBe(index.manifest.labels);
    expect(await retrievalOf(index)).toEqual(await retrievalOf(await freshBuild()));
  });

  it("a damaged previous graph is rebuilt from the stored vectors (with a warning), never re-embedded", async () => {
    const current = await LoadedIndex.load({ indexDir, embedder });
    await fs.writeFile(path.join(indexDir, current.manifest.generation, files.hnsw), "not a graph");
    await writeArticles(dataDir, corpus.heldOut.slice(2, 3));
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (message) => void warnings.push(message), error() {} };
    const report = await run(logger);
    expect(report.wrote).toBe(true);
    expect(report.added).toHaveLength(1);
    expect(counting.embeddedTexts.length).toBe(report.embeddedChunks);
    expect(warnings.some((w) => /graph/.test(w))).toBe(true);
    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(await retrievalOf(index)).toEqual(await retrievalOf(await freshBuild()));
  });
});
