/**
 * The on-disk layout of an index. Everything except `manifest.json` lives in a generation folder
 * (`g-…`) that is written completely before `manifest.json` is atomically replaced to point at it,
 * so a crash at any moment leaves the previous manifest and its generation intact.
 *
 *   <indexDir>/manifest.json        what is indexed (article metadata, in ordinal order) and which generation holds it
 *   <indexDir>/g-<id>/store.bin     article texts (UTF-8), sentence spans, chunk table by label
 *   <indexDir>/g-<id>/vectors.f32   chunk embeddings by label (reused by incremental runs)
 *   <indexDir>/g-<id>/lexical.bin   BM25 index; document = label
 *   <indexDir>/g-<id>/hnsw.index    hnswlib-node graph (cosine); point = label
 *
 * A label is a chunk's permanent number: a re-index appends new chunks and leaves holes where
 * removed articles' chunks were, so the HNSW graph and BM25 index are updated, not rebuilt; holes
 * are squeezed out (a "compaction", still without re-embedding) once they pass a fifth of labels.
 */
import path from "node:path";
import type { ArticleMeta } from "../core/types.js";

/** Bump when the layout or the keys change (3: Porter2 stems), so older indexes are rebuilt, never misread. */
export const INDEX_FORMAT = "dossier-index/3";

export interface ManifestArticle extends ArticleMeta {
  id: string;
  path: string;
  hash: string;
  chunks: number;
}

export interface Manifest {
  format: typeof INDEX_FORMAT;
  generation: string;
  builtAt: string;
  model: { id: string; dimensions: number };
  versions: Record<string, string>;
  /** In ordinal order: article i of the store is `articles[i]`. */
  articles: ManifestArticle[];
  /** Chunks indexed (holes not counted). */
  chunks: number;
  /** Chunk labels in use, holes included. */
  labels: number;
  /** Size and mtime of each fully indexed file: unchanged files are not read again next time. */
  files?: Record<string, { size: number; mtimeMs: number }>;
}

export const manifestPath = (indexDir: string) => path.join(indexDir, "manifest.json");
export const generationDir = (indexDir: string, generation: string) => path.join(indexDir, generation);

export const files = {
  store: "store.bin",
  vectors: "vectors.f32",
  lexical: "lexical.bin",
  hnsw: "hnsw.index",
} as const;
