/**
 * Retrieval under source/date filters: only allowed articles come back, from both lists, whether
 * the dense side scans exactly (selective filter) or walks the graph with a filter (broad one).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, writeArticles } from "../../src/bench/generate-corpus.js";
import type { RetrievalFilter } from "../../src/core/types.js";
import { reindex } from "../../src/ingest/reindex.js";
import { passesDateFilter } from "../../src/retrieval/date-intent.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { retrieve } from "../../src/retrieval/hybrid-retriever.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { realEmbedder } from "../helpers/embedders.js";
import { cosine, floatRows } from "../helpers/float-rows.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("filtered");
let embedder: GloveEmbeddings;
let index: LoadedIndex;
let indexDir: string;
const corpus = generateCorpus({ articles: 150, seed: 5 });
const QUESTIONS = corpus.questions.slice(0, 12).map((q) => q.question);

beforeAll(async () => {
  embedder = await realEmbedder();
  const dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await writeArticles(dataDir, corpus.articles);
  await reindex({ dataDir, indexDir, embedder });
  index = await LoadedIndex.load({ indexDir, embedder });
}, 60_000);
afterAll(() => dirs.cleanup());

function passes(filter: RetrievalFilter, article: { source: string; date: string | null }): boolean {
  const sources = filter.sources ?? [];
  return (sources.length === 0 || sources.some((s) => s.toLowerCase() === article.source.toLowerCase())) && passesDateFilter(article.date, filter);
}

describe("filtered retrieval", () => {
  const sourceOf = () => index.articles[0]?.source ?? "";
  const dates = () => index.articles.map((a) => a.date ?? "").sort();
  const cases: [string, () => RetrievalFilter][] = [
    ["one outlet (selective: exact scan)", () => ({ sources: [sourceOf().toUpperCase()] })],
    ["a recent date range (broad: filtered graph walk)", () => ({ dateFrom: dates()[Math.floor(dates().length * 0.3)] ?? "" })],
    ["outlet and dates together", () => ({ sources: [sourceOf()], dateTo: dates()[Math.floor(dates().length * 0.8)] ?? "" })],
  ];

  it.each(cases)("%s: every hit passes, and the dense side finds the exact nearest allowed chunks", async (_name, make) => {
    const rowOf = await floatRows(indexDir, index);
    const filter = make();
    const allowedChunks = index.chunks.filter((c) => passes(filter, c.article));
    expect(allowedChunks.length).toBeGreaterThan(0);
    expect(allowedChunks.length).toBeLessThan(index.chunks.length);
    for (const q of QUESTIONS) {
      const vector = Array.from(embedder.embedText(q));
      const hits = retrieve(index, { text: q, vector }, { filter, k: 40, depth: 40 });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(passes(filter, h.chunk.article)).toBe(true);
      // The dense side alone (no query words, so no lexical hits to outrank it in the fusion) finds
      // the best allowed chunk. (The exact scan works on int8 directions: equal to the float cosine
      // within ~1e-3.)
      const dense = retrieve(index, { text: "", vector }, { filter, k: 40, depth: 40 });
      const best = Math.max(...allowedChunks.map((c) => cosine(rowOf(c.label), vector)));
      expect(Math.abs(Math.max(...dense.map((h) => h.similarity)) - best)).toBeLessThan(5e-3);
    }
  });

  it("a filter nothing passes returns nothing", async () => {
    const q = QUESTIONS[0] ?? "";
    const hits = retrieve(index, { text: q, vector: Array.from(embedder.embedText(q)) }, { filter: { sources: ["No Such Outlet"] } });
    expect(hits).toEqual([]);
  });
});
