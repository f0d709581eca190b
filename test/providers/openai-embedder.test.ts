import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createConfiguredEmbedder, createEmbedder, openAnswerService } from "../../src/compose.js";
import { reindex } from "../../src/ingest/reindex.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { FakeOpenAIServer } from "../fakes/openai-server.js";

const KEY = "sk-test-EMBEDKEY1234567890abcdef";
let fake: FakeOpenAIServer;
let glove: GloveEmbeddings;
let tmp: string;

const configFor = (model: string, baseUrl = fake.baseUrl) =>
  loadConfig({
    env: { EMBEDDINGS: "openai", EMBEDDINGS_BASE_URL: baseUrl, EMBEDDINGS_MODEL: model, EMBEDDINGS_API_KEY: KEY, CACHE_DIR: path.resolve(".cache") },
    cwd: process.cwd(),
  });

beforeAll(async () => {
  glove = await createEmbedder({ cacheDir: path.resolve(".cache") });
  fake = await FakeOpenAIServer.start();
  // The fake server embeds with GloVe, so retrieval through it behaves like a real model would.
  fake.embed = (text) => Array.from(glove.embedText(text));
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-embed-"));
});

afterAll(async () => {
  await fake?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("remote embeddings through the LangChain OpenAI-compatible client", () => {
  it("indexes and answers through the embeddings server, and a model change forces a full rebuild", async () => {
    const indexDir = path.join(tmp, "index");
    const { embedder } = await createConfiguredEmbedder(configFor("fake-embed-a"));
    expect(embedder.modelId).toBe("openai-compatible:fake-embed-a");
    expect(embedder.dimensions).toBe(100);

    const first = await reindex({ dataDir: path.resolve("data/articles"), indexDir, embedder });
    expect(first.model).toEqual({ id: "openai-compatible:fake-embed-a", dimensions: 100 });
    const embedCalls = fake.requests.filter((r) => r.path.endsWith("/embeddings"));
    expect(embedCalls.length).toBeGreaterThan(1);
    expect(embedCalls.every((r) => r.headers.authorization === `Bearer ${KEY}` && r.body.model === "fake-embed-a")).toBe(true);

    const service = await openAnswerService({ indexDir, embedder, rarity: glove, watch: false });
    const answer = await service.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
    expect(answer.citations[0]?.path).toBe("2025-11-04-azertac-kyrgyz-trade-unions.md");
    service.close();

    const { embedder: other } = await createConfiguredEmbedder(configFor("fake-embed-b"));
    await expect(LoadedIndex.load({ indexDir, embedder: other })).rejects.toMatchObject({ code: "MODEL_MISMATCH" });
    const second = await reindex({ dataDir: path.resolve("data/articles"), indexDir, embedder: other });
    expect(second.fullRebuild).toBe(true);
    expect(second.rebuildReason).toContain("openai-compatible:fake-embed-a");
    expect(second.rebuildReason).toContain("openai-compatible:fake-embed-b");
    expect(second.embeddedChunks).toBe(second.chunks);
  });

  it("reports an unreachable embeddings server clearly, without the key", async () => {
    const error = await createConfiguredEmbedder(configFor("fake-embed-a", "http://127.0.0.1:9/v1")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "EMBEDDINGS_UNAVAILABLE" });
    expect((error as { userMessage: string }).userMessage).toContain("http://127.0.0.1:9/v1");
    expect((error as { userMessage: string }).userMessage).not.toContain(KEY);
  });
});
