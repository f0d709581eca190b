/**
 * Writes a complete index generation beside the live one and then swaps the manifest atomically
 * (write temp, fsync, rename). Readers see either the old index or the new one, never a mix, and
 * a crash at any point leaves the previous index loadable.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type hnswlib from "hnswlib-node";
import type { LexicalIndex } from "./lexical-index.js";
import type { ArticleStoreWriter } from "./article-store.js";
import { files, generationDir, manifestPath, type Manifest } from "./index-files.js";
import { writeParts } from "./section-file.js";

export interface GenerationInput {
  indexDir: string;
  store: ArticleStoreWriter;
  /** Rows by label. */
  vectors: Float32Array;
  lexical: LexicalIndex;
  /** Null for an empty index. */
  graph: hnswlib.HierarchicalNSW | null;
  manifest: Omit<Manifest, "generation" | "builtAt">;
}

export function newGenerationId(): string {
  return `g-${new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 17)}-${randomBytes(3).toString("hex")}`;
}

/** Writes a file and fsyncs it, so the manifest never points at data still in the page cache. */
async function writeFileSynced(file: string, parts: readonly Uint8Array[] | string): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    if (typeof parts === "string") await handle.writeFile(parts);
    else await writeParts(handle, parts);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the generation, swaps the manifest, prunes old generations; returns the new manifest. */
export async function writeGeneration(input: GenerationInput): Promise<Manifest> {
  const generation = newGenerationId();
  const finalDir = generationDir(input.indexDir, generation);
  const tmpDir = path.join(input.indexDir, `.tmp-${generation}`);
  await fs.mkdir(tmpDir, { recursive: true });

  const graphFile = path.join(tmpDir, files.hnsw);
  await Promise.all([
    writeFileSynced(path.join(tmpDir, files.store), input.store.encode()),
    writeFileSynced(path.join(tmpDir, files.vectors), [new Uint8Array(input.vectors.buffer, input.vectors.byteOffset, input.vectors.byteLength)]),
    writeFileSynced(path.join(tmpDir, files.lexical), input.lexical.encode()),
    input.graph === null ? Promise.resolve() : input.graph.writeIndex(graphFile).then(() => syncFile(graphFile)),
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
