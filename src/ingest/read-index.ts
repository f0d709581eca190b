/**
 * Reads what a previous re-index wrote: the manifest and the generation it points at. Used by the
 * answer service to load, and by re-index to reuse unchanged articles' vectors.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";
import {
  files,
  generationDir,
  INDEX_FORMAT,
  manifestPath,
  type Manifest,
  type StoredArticle,
  type StoredChunk,
} from "./index-files.js";

/** The manifest, or null when no index has been built yet. */
export async function readManifest(indexDir: string): Promise<Manifest | null> {
  let raw: string;
  try {
    raw = await fs.readFile(manifestPath(indexDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const manifest = JSON.parse(raw) as Manifest;
    if (manifest.format !== INDEX_FORMAT || typeof manifest.generation !== "string") throw new Error("unknown format");
    return manifest;
  } catch (error) {
    throw new AppError("INDEX_CORRUPT", `The index manifest in ${indexDir} is unreadable; run \`npm run reindex\`.`, {
      cause: error,
    });
  }
}

export interface GenerationData {
  articles: StoredArticle[];
  chunks: StoredChunk[];
  vectors: Float32Array;
}

/** Articles, chunks and vectors of the manifest's generation. */
export async function readGeneration(indexDir: string, manifest: Manifest): Promise<GenerationData> {
  const dir = generationDir(indexDir, manifest.generation);
  try {
    const [articles, chunks, vectorBytes] = await Promise.all([
      fs.readFile(path.join(dir, files.articles), "utf8").then((s) => JSON.parse(s) as StoredArticle[]),
      fs.readFile(path.join(dir, files.chunks), "utf8").then((s) => JSON.parse(s) as StoredChunk[]),
      fs.readFile(path.join(dir, files.vectors)),
    ]);
    const vectors = new Float32Array(
      vectorBytes.buffer.slice(vectorBytes.byteOffset, vectorBytes.byteOffset + vectorBytes.byteLength),
    );
    if (vectors.length !== chunks.length * manifest.model.dimensions) throw new Error("vector count mismatch");
    return { articles, chunks, vectors };
  } catch (error) {
    throw new AppError("INDEX_CORRUPT", `The index in ${indexDir} is incomplete or damaged; run \`npm run reindex\`.`, {
      cause: error,
    });
  }
}
