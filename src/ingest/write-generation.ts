/**
 * Writes a complete index generation beside the live one and then swaps the manifest atomically
 * (write temp, fsync, rename). Readers see either the old index or the new one, never a mix, and
 * a crash at any point leaves the previous index loadable.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "../retrieval/embedder.js";
import type { LexicalIndex } from "../retrieval/lexical-index.js";
import { files, generationDir, manifestPath, type Manifest, type StoredArticle, type StoredChunk } from "./index-files.js";

export interface GenerationInput {
  indexDir: string;
  embedder: Embedder;
  articles: StoredArticle[];
  chunks: StoredChunk[];
  vectors: Float32Array;
  lexical: LexicalIndex;
  manifest: Omit<Manifest, "generation" | "builtAt">;
}

export function newGenerationId(): string {
  return `g-${new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 17)}-${randomBytes(3).toString("hex")}`;
}

async function writeFileSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Builds the HNSW store for all chunk vectors. */
export async function buildVectorStore(input: Pick<GenerationInput, "embedder" | "articles" | "chunks" | "vectors">) {
  // Imported on demand: loading LangChain's vector store costs ~0.6 s, which `ask` need not pay.
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const { Document } = await import("@langchain/core/documents");
  const dims = input.embedder.dimensions;
  const store = new HNSWLib(input.embedder, { space: "cosine", numDimensions: dims });
  if (input.chunks.length === 0) return store;
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const vectors: number[][] = [];
  const docs: InstanceType<typeof Document>[] = [];
  input.chunks.forEach((chunk, i) => {
    vectors.push(Array.from(input.vectors.subarray(i * dims, (i + 1) * dims)));
    const text = byId.get(chunk.articleId)?.text.slice(chunk.start, chunk.end) ?? "";
    docs.push(new Document({ pageContent: text, metadata: { chunk: i, articleId: chunk.articleId } }));
  });
  await store.addVectors(vectors, docs);
  return store;
}

/** Writes the generation, swaps the manifest, prunes old generations; returns the new manifest. */
export async function writeGeneration(input: GenerationInput): Promise<Manifest> {
  const generation = newGenerationId();
  const finalDir = generationDir(input.indexDir, generation);
  const tmpDir = path.join(input.indexDir, `.tmp-${generation}`);
  await fs.mkdir(tmpDir, { recursive: true });

  const store = await buildVectorStore(input);
  await Promise.all([
    writeFileSynced(path.join(tmpDir, files.articles), JSON.stringify(input.articles)),
    writeFileSynced(path.join(tmpDir, files.chunks), JSON.stringify(input.chunks)),
    writeFileSynced(
      path.join(tmpDir, files.vectors),
      new Uint8Array(input.vectors.buffer, input.vectors.byteOffset, input.vectors.byteLength),
    ),
    writeFileSynced(path.join(tmpDir, files.lexical), JSON.stringify(input.lexical.toJSON())),
    input.chunks.length > 0 ? store.save(path.join(tmpDir, files.hnsw)) : fs.mkdir(path.join(tmpDir, files.hnsw)),
  ]);
  await fs.rename(tmpDir, finalDir);

  const manifest: Manifest = { ...input.manifest, generation, builtAt: new Date().toISOString() };
  const tmpManifest = `${manifestPath(input.indexDir)}.tmp-${process.pid}`;
  await writeFileSynced(tmpManifest, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.rename(tmpManifest, manifestPath(input.indexDir));
  return manifest;
}

/**
 * Removes generations other than the current and the previous one (kept so a reader that read the
 * old manifest a moment ago can still load it), and leftovers of interrupted runs.
 */
export async function pruneGenerations(indexDir: string, keep: readonly string[]): Promise<void> {
  const entries = await fs.readdir(indexDir, { withFileTypes: true });
  await Promise.all(
    entries
      .filter((e) => {
        if (e.name.startsWith(".tmp-g-") || e.name.startsWith("manifest.json.tmp-")) return true;
        return e.isDirectory() && e.name.startsWith("g-") && !keep.includes(e.name);
      })
      .map((e) => fs.rm(path.join(indexDir, e.name), { recursive: true, force: true })),
  );
}
