/**
 * The maintainers' re-index: load every article, reuse the vectors of unchanged ones, embed the
 * rest, and publish a new index generation atomically. Incremental by content hash; a change of
 * embedding model forces a full rebuild.
 */
import { createRequire } from "node:module";
import type { Article } from "../core/types.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import type { Embedder } from "../retrieval/embedder.js";
import { LexicalIndex } from "../retrieval/lexical-index.js";
import { chunkArticle } from "./chunk-article.js";
import { pickArticleMeta } from "../core/article-meta.js";
import { encodeSpans, INDEX_FORMAT, type Manifest, type StoredArticle, type StoredChunk } from "./index-files.js";
import { acquireIndexLock } from "./index-lock.js";
import { loadArticles, type SkippedFile } from "./load-articles.js";
import { readGeneration, readManifest, type GenerationData } from "./read-index.js";
import { splitSentences, type Span } from "./split-sentences.js";
import { pruneGenerations, writeGeneration } from "./write-generation.js";

export type ReindexPhase = "load" | "embed" | "write";

export interface ReindexOptions {
  dataDir: string;
  indexDir: string;
  embedder: Embedder;
  /** Plan only: report what would change and write nothing. */
  dryRun?: boolean;
  maxBytes?: number;
  logger?: Logger;
  onProgress?: (phase: ReindexPhase, done: number, total: number) => void;
  /** Read every file even when its size and mtime are unchanged (e.g. after editing in place within the same second). */
  fullScan?: boolean;
  /** Chunks embedded per call to the embedder. */
  batchSize?: number;
}

export interface ReindexReport {
  dryRun: boolean;
  /** True when nothing could be reused (no index, or a different model/format). */
  fullRebuild: boolean;
  rebuildReason: string | null;
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
  skipped: SkippedFile[];
  merged: SkippedFile[];
  /** Whether a new generation was published. */
  wrote: boolean;
  articles: number;
  chunks: number;
  embeddedChunks: number;
  model: { id: string; dimensions: number };
  elapsedMs: number;
}

const require = createRequire(import.meta.url);
function versions(): Record<string, string> {
  const v = (name: string) => {
    try {
      return (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      return "unknown";
    }
  };
  return { dossier: v("../../package.json"), "hnswlib-node": v("hnswlib-node"), "@langchain/community": v("@langchain/community") };
}

function toStored(article: Article, spans: readonly Span[]): StoredArticle {
  return {
    id: article.id,
    path: article.path,
    hash: article.hash,
    ...pickArticleMeta(article),
    text: article.text,
    sentences: encodeSpans(spans),
  };
}

/** Runs a re-index (or plans one with `dryRun`). Throws `AppError` on fatal problems. */
export async function reindex(options: ReindexOptions): Promise<ReindexReport> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const model = { id: options.embedder.modelId, dimensions: options.embedder.dimensions };
  const lock = options.dryRun ? null : await acquireIndexLock(options.indexDir);
  try {
    const previousManifest = await readManifest(options.indexDir).catch((error: unknown) => {
      logger.warn("previous index unreadable; rebuilding from scratch", { error });
      return null;
    });
    let rebuildReason: string | null = null;
    if (previousManifest === null) rebuildReason = "no previous index";
    else if (previousManifest.model.id !== model.id || previousManifest.model.dimensions !== model.dimensions) {
      rebuildReason = `embedding model changed from ${previousManifest.model.id} (${previousManifest.model.dimensions}-d) to ${model.id} (${model.dimensions}-d)`;
    }
    let previous: GenerationData | null = null;
    if (previousManifest !== null && rebuildReason === null) {
      previous = await readGeneration(options.indexDir, previousManifest).catch((error: unknown) => {
        logger.warn("previous index generation unreadable; rebuilding from scratch", { error });
        rebuildReason = "previous index damaged";
        return null;
      });
    }

    // Files whose size and mtime match the previous run are taken from the previous index unread.
    const previousByPath = new Map<string, StoredArticle[]>();
    for (const a of previous?.articles ?? []) previousByPath.set(a.path, [...(previousByPath.get(a.path) ?? []), a]);
    const stamps = previousManifest?.files ?? {};
    const loaded = await loadArticles({
      dataDir: options.dataDir,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(previous === null || options.fullScan === true
        ? {}
        : {
            reuse: (relPath, stamp) => {
              const known = stamps[relPath];
              if (known === undefined || known.size !== stamp.size || known.mtimeMs !== stamp.mtimeMs) return undefined;
              return previousByPath.get(relPath)?.map(({ sentences: _s, ...article }) => article);
            },
          }),
    });
    options.onProgress?.("load", loaded.articles.length, loaded.articles.length);

    const oldHashes = new Map((previousManifest?.articles ?? []).map((a) => [a.id, a.hash]));
    const report: ReindexReport = {
      dryRun: options.dryRun === true,
      fullRebuild: rebuildReason !== null,
      rebuildReason,
      added: [],
      updated: [],
      removed: [],
      unchanged: [],
      skipped: loaded.skipped,
      merged: loaded.merged,
      wrote: false,
      articles: loaded.articles.length,
      chunks: 0,
      embeddedChunks: 0,
      model,
      elapsedMs: 0,
    };
    const newIds = new Set(loaded.articles.map((a) => a.id));
    for (const a of loaded.articles) {
      const old = oldHashes.get(a.id);
      if (old === undefined) report.added.push(a.id);
      else if (old !== a.hash) report.updated.push(a.id);
      else report.unchanged.push(a.id);
    }
    for (const id of oldHashes.keys()) if (!newIds.has(id)) report.removed.push(id);

    const changed = report.added.length + report.updated.length + report.removed.length > 0;
    if (options.dryRun || (!changed && rebuildReason === null)) {
      report.chunks = previousManifest?.chunks ?? 0;
      report.elapsedMs = performance.now() - started;
      return report;
    }

    // Reuse chunks and vectors of unchanged articles; chunk and embed the others.
    const dims = model.dimensions;
    const reusable = new Map<string, { chunks: StoredChunk[]; rows: number[] }>();
    if (previous !== null) {
      previous.chunks.forEach((c, row) => {
        let entry = reusable.get(c.articleId);
        if (entry === undefined) reusable.set(c.articleId, (entry = { chunks: [], rows: [] }));
        entry.chunks.push(c);
        entry.rows.push(row);
      });
    }
    const previousArticles = new Map((previous?.articles ?? []).map((a) => [a.id, a]));
    const unchanged = new Set(report.unchanged);
    const stored: StoredArticle[] = [];
    const chunks: StoredChunk[] = [];
    const sourceRow: number[] = []; // previous vector row, or -1 when it must be embedded
    const toEmbed: { index: number; text: string }[] = [];
    for (const article of loaded.articles) {
      const old = unchanged.has(article.id) ? previousArticles.get(article.id) : undefined;
      const reuse = old === undefined ? undefined : reusable.get(article.id);
      if (old !== undefined && reuse !== undefined) {
        stored.push({ ...old, path: article.path });
        reuse.chunks.forEach((c, i) => {
          chunks.push(c);
          sourceRow.push(reuse.rows[i] ?? -1);
        });
        continue;
      }
      const spans = splitSentences(article.text);
      stored.push(toStored(article, spans));
      for (const c of chunkArticle(article, spans)) {
        toEmbed.push({ index: chunks.length, text: c.text });
        chunks.push({ articleId: c.articleId, index: c.index, start: c.start, end: c.end });
        sourceRow.push(-1);
      }
    }

    const vectors = new Float32Array(chunks.length * dims);
    sourceRow.forEach((row, i) => {
      if (row >= 0 && previous !== null) vectors.set(previous.vectors.subarray(row * dims, (row + 1) * dims), i * dims);
    });
    const batchSize = options.batchSize ?? 256;
    for (let b = 0; b < toEmbed.length; b += batchSize) {
      const batch = toEmbed.slice(b, b + batchSize);
      const embedded = await options.embedder.embedDocuments(batch.map((x) => x.text));
      batch.forEach((x, i) => {
        const v = embedded[i];
        if (v === undefined || v.length !== dims) throw new Error(`embedder returned ${v?.length ?? 0} dimensions, expected ${dims}`);
        vectors.set(v, x.index * dims);
      });
      options.onProgress?.("embed", Math.min(b + batchSize, toEmbed.length), toEmbed.length);
    }
    report.embeddedChunks = toEmbed.length;
    report.chunks = chunks.length;

    const byId = new Map(stored.map((a) => [a.id, a]));
    const lexical = LexicalIndex.build(chunks.map((c) => byId.get(c.articleId)?.text.slice(c.start, c.end) ?? ""));
    const chunkCounts = new Map<string, number>();
    for (const c of chunks) chunkCounts.set(c.articleId, (chunkCounts.get(c.articleId) ?? 0) + 1);
    const manifest: Omit<Manifest, "generation" | "builtAt"> = {
      format: INDEX_FORMAT,
      model,
      versions: versions(),
      chunks: chunks.length,
      files: loaded.stamps,
      articles: stored.map((a) => ({ id: a.id, path: a.path, hash: a.hash, ...pickArticleMeta(a), chunks: chunkCounts.get(a.id) ?? 0 })),
    };
    options.onProgress?.("write", 0, 1);
    const written = await writeGeneration({ indexDir: options.indexDir, embedder: options.embedder, articles: stored, chunks, vectors, lexical, manifest });
    options.onProgress?.("write", 1, 1);
    await pruneGenerations(options.indexDir, [written.generation, previousManifest?.generation ?? ""]).catch((error: unknown) =>
      logger.warn("could not remove old index generations", { error }),
    );
    report.wrote = true;
    report.elapsedMs = performance.now() - started;
    return report;
  } finally {
    await lock?.release();
  }
}
