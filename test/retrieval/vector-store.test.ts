import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder } from "../../src/compose.js";
import { reindex } from "../../src/ingest/reindex.js";
import { retrieve } from "../../src/retrieval/hybrid-retriever.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { cosine, floatRows } from "../helpers/float-rows.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";

let tmp: string;
let embedder: GloveEmbeddings;
let index: LoadedIndex;

beforeAll(async () => {
  embedder = await createEmbedder({ cacheDir: path.resolve(".cache") });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-store-"));
  await reindex({ dataDir: path.resolve("data/articles"), indexDir: tmp, embedder });
  index = await LoadedIndex.load({ indexDir: tmp, embedder });
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe("the persisted vector store", () => {
  it("is a plain hnswlib-node cosine index whose neighbours are the exact nearest chunks", async () => {
    const rowOf = await floatRows(tmp, index);
    const graph = new hnswlib.HierarchicalNSW("cosine", embedder.dimensions);
    await graph.readIndex(path.join(tmp, index.manifest.generation, "hnsw.index"));
    expect(graph.getCurrentCount()).toBe(index.chunks.length);
    for (const q of ["Kyrgyz trade union chairman", "labour ministers in Geneva", "pension funds"]) {
      const vector = Array.from(embedder.embedText(q));
      const exact = index.chunks.map((c) => ({ label: c.label, similarity: cosine(rowOf(c.label), vector) })).sort((a, b) => b.similarity - a.similarity);
      const found = graph.searchKnn(vector, 3);
      expect(found.neighbors).toEqual(exact.slice(0, 3).map((e) => e.label));
      expect(1 - (found.distances[0] ?? 1)).toBeCloseTo(exact[0]?.similarity ?? 0, 5);
    }
    const hit = graph.searchKnn(Array.from(embedder.embedText("Kyrgyz trade union chairman")), 1).neighbors[0] ?? -1;
    expect(index.byLabel[hit]?.articleId).toBe("2025-11-04-azertac-kyrgyz-trade-unions.md");
  });
});

describe("the answer service's int8 directions", () => {
  it("give the float cosine within 0.005 for every chunk (used for exact search under a filter)", async () => {
    const rowOf = await floatRows(tmp, index);
    const vector = Array.from(embedder.embedText("labour cooperation between trade unions"));
    for (const c of index.chunks) {
      const direction = index.directionOf(c.label);
      expect(Math.max(...Array.from(direction, Math.abs))).toBe(127);
      expect(Math.abs(cosine(direction, vector) - cosine(rowOf(c.label), vector))).toBeLessThan(0.005);
    }
  });
});

describe("hybrid retrieval", () => {
  const cases: [string, string][] = [
    ["Who chairs the Federation of Trade Unions of Kyrgyzstan?", "2025-11-04-azertac-kyrgyz-trade-unions.md"],
    ["Dzhumadilde", "2025-11-04-azertac-kyrgyz-trade-unions.md"],
    ["Sahel Babaev", "2019-06-19-tehran-times-azerbaijan-iran-labor.md"],
    ["International Labour Conference in Geneva", "2019-06-19-tehran-times-azerbaijan-iran-labor.md"],
    ["Kurort tourism vouchers", "2025-11-04-azertac-kyrgyz-trade-unions.md"],
    ["pension funds and social security", "2019-06-19-tehran-times-azerbaijan-iran-labor.md"],
  ];
  it.each(cases)("finds the right article first for %s", async (text, article) => {
    const hits = retrieve(index, { text, vector: Array.from(embedder.embedText(text)) });
    expect(hits[0]?.chunk.articleId).toBe(article);
  });

  it("never returns the same chunk text twice", async () => {
    const text = "trade unions cooperation";
    const hits = retrieve(index, { text, vector: Array.from(embedder.embedText(text)) }, { k: 20 });
    expect(new Set(hits.map((h) => h.chunk.text)).size).toBe(hits.length);
  });
});
