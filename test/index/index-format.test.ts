/**
 * An index written by an older dossier (format dossier-index/1: JSON files, LangChain docstore) is
 * never misread: the service says to re-index, and re-index rebuilds it and says why.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { INDEX_FORMAT } from "../../src/index/index-files.js";
import { reindex } from "../../src/ingest/reindex.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { copyCorpus } from "../helpers/articles.js";
import { realEmbedder } from "../helpers/embedders.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("format");
afterAll(() => dirs.cleanup());

describe("an index in an older format", () => {
  it("is refused by the service with a clear message and rebuilt by re-index", async () => {
    const embedder = await realEmbedder();
    const dataDir = await dirs.make("data");
    await copyCorpus(dataDir);
    const indexDir = path.join(await dirs.make("index"), "index");
    await fs.mkdir(path.join(indexDir, "g-old"), { recursive: true });
    const old = { format: "dossier-index/1", generation: "g-old", builtAt: "2026-01-01T00:00:00Z", model: { id: embedder.modelId, dimensions: embedder.dimensions }, versions: {}, articles: [], chunks: 0 };
    await fs.writeFile(path.join(indexDir, "manifest.json"), JSON.stringify(old));

    const error = await LoadedIndex.load({ indexDir, embedder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INDEX_CORRUPT");
    expect((error as AppError).userMessage).toMatch(/older version of dossier \(dossier-index\/1\).*npm run reindex/);

    const report = await reindex({ dataDir, indexDir, embedder });
    expect(report).toMatchObject({ fullRebuild: true, wrote: true, rebuildReason: `index format changed from dossier-index/1 to ${INDEX_FORMAT}` });
    expect(report.embeddedChunks).toBe(report.chunks);
    const index = await LoadedIndex.load({ indexDir, embedder });
    expect(index.manifest.format).toBe(INDEX_FORMAT);
    expect(index.chunks.length).toBe(report.chunks);
  });
});
