/**
 * The on-disk layout of an index. Everything except `manifest.json` lives in a generation folder
 * (`g-…`) that is written completely before `manifest.json` is atomically replaced to point at it,
 * so a crash at any moment leaves the previous manifest and its generation intact.
 *
 *   <indexDir>/manifest.json        what is indexed and which generation holds it
 *   <indexDir>/g-<id>/articles.json article texts, metadata and sentence spans
 *   <indexDir>/g-<id>/chunks.json   chunk offsets; chunk i is HNSW label i and lexical doc i
 *   <indexDir>/g-<id>/vectors.f32   chunk embeddings (reused by incremental runs)
 *   <indexDir>/g-<id>/lexical.json  BM25 index
 *   <indexDir>/g-<id>/hnsw/         LangChain HNSWLib store
 */
import path from "node:path";
import type { ArticleMeta } from "../core/types.js";
import type { Span } from "./split-sentences.js";

export const INDEX_FORMAT = "dossier-index/1";

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
  articles: ManifestArticle[];
  chunks: number;
  /** Size and mtime of each fully indexed file: unchanged files are not read again next time. */
  files?: Record<string, { size: number; mtimeMs: number }>;
}

/** An article as stored in a generation: metadata, exact text and flat sentence spans. */
export interface StoredArticle extends ArticleMeta {
  id: string;
  path: string;
  hash: string;
  text: string;
  /** [start0, end0, start1, end1, …] character offsets of sentences in `text`. */
  sentences: number[];
}

export interface StoredChunk {
  articleId: string;
  index: number;
  start: number;
  end: number;
}

export const manifestPath = (indexDir: string) => path.join(indexDir, "manifest.json");
export const generationDir = (indexDir: string, generation: string) => path.join(indexDir, generation);

export const files = {
  articles: "articles.json",
  chunks: "chunks.json",
  vectors: "vectors.f32",
  lexical: "lexical.json",
  hnsw: "hnsw",
} as const;

/** Sentence spans as stored: a flat `[start0, end0, start1, end1, …]` list, compact in JSON. */
export function encodeSpans(spans: readonly Span[]): number[] {
  return spans.flatMap((s) => [s.start, s.end]);
}

export function decodeSpans(flat: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) spans.push({ start: flat[i] ?? 0, end: flat[i + 1] ?? 0 });
  return spans;
}
