import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder } from "../../src/compose.js";
import { reindex } from "../../src/ingest/reindex.js";
import { retrieve } from "../../src/retrieval/hybrid-retriever.js";
import { LoadedIndex } from "../../src/retrieval/loaded-index.js";
import type { GloveEmbeddings } from "../../src/retrieval/glove-embeddings.js";

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
  it("is a LangChain HNSWLib store that LangChain itself loads and searches", async () => {
    const store = await HNSWLib.load(path.join(tmp, index.manifest.generation, "hnsw"), embedder);
    const hits = await store.similaritySearch("Kyrgyz trade union chairman", 1);
    expect(hits[0]?.metadata.articleId).toBe("2025-11-04-azertac-kyrgyz-trade-unions.md");
    const vector = await embedder.embedQuery("Kyrgyz trade union chairman");
    const direct = index.hnsw?.searchKnn(vector, 1).neighbors[0];
    expect(index.chunks[direct ?? -1]?.articleId).toBe(hits[0]?.metadata.articleId);
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
    const hits = retrieve(index, { text, vector: await embedder.embedQuery(text) });
    expect(hits[0]?.chunk.articleId).toBe(article);
  });

  it("never returns the same chunk text twice", async () => {
    const text = "trade unions cooperation";
    const hits = retrieve(index, { text, vector: await embedder.embedQuery(text) }, { k: 20 });
    expect(new Set(hits.map((h) => h.chunk.text)).size).toBe(hits.length);
  });
});
