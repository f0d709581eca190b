/**
 * The maintainers' re-index: load every article, reuse the vectors of unchanged ones, embed the
 * rest, and publish a new index generation atomically. Incremental by content hash; a change of
 * embedding model forces a full rebuild.
 */
import path from "node:path";
import type { Article } from "../core/types.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import type { Embedder } from "../core/embedder.js";
import type { LockService } from "../core/lock-service.js";
import { LexicalIndex } from "../index/lexical-index.js";
import { ArticleRecord, pickArticleMeta } from "../index/article-record.js";
import { ArticleStoreWriter, type ArticleStore, type ChunkColumns } from "../index/article-store.js";
import { chunkArticle } from "./chunk-article.js";
import { buildGraph, updateGraph } from "../index/hnsw-graph.js";
import { files, generationDir, INDEX_FORMAT, type Manifest, type ManifestArticle } from "../index/index-files.js";
import { acquireIndexLock, type IndexLock } from "../index/index-lock.js";
import { loadArticles, type KnownArticle, type SkippedFile } from "./load-articles.js";
import { readLexical, readManifestState, readStore, readVectors } from "../index/read-index.js";
import { splitSentences } from "../text/split-sentences.js";
import { pruneGenerations, writeGeneration } from "../index/write-generation.js";
import { indexVersions } from "./index-versions.js";
import { plannedChunks } from "./planned-chunks.js";
import { assertStillHeld, takeWriterLease } from "./writer-lease.js";
import { distinctPaths, emptyFolderWarning, filesOf, undatedFiles, type FileEntry, type UndatedFile } from "./report-files.js";

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
  /** Leases shared by every instance (Redis): one writer at a time across machines, beside the lock file. */
  writerLock?: LockService;
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
  /** The same changes counted in files (a JSON file with three articles is one file), for summaries. */
  files: ReportFiles;
  /** Indexed files whose articles have no date (a warning, not a skip), each with what to add. */
  undated: UndatedFile[];
  /** Problems with the run as a whole, one line each (e.g. an empty data folder). */
  warnings: string[];
  /** Whether a new generation was published. */
  wrote: boolean;
  /** Whether removed articles' holes were squeezed out of the labels (graph rebuilt from stored vectors). */
  compacted: boolean;
  articles: number;
  /** Chunks of the articles found (in a dry run: the chunks the real run will produce, counted by chunking without embedding). */
  chunks: number;
  embeddedChunks: number;
  model: { id: string; dimensions: number };
  elapsedMs: number;
}

export interface ReportFiles {
  added: FileEntry[];
  updated: FileEntry[];
  removed: FileEntry[];
  unchanged: number;
  skipped: number;
  merged: number;
}

/** An article of the previous index, taken over without reading its file; the text is decoded only if asked for. */
class PreviousArticle extends ArticleRecord implements Article {
  constructor(
    meta: ManifestArticle,
    private readonly store: ArticleStore,
    private readonly ordinal: number,
  ) {
    super(meta);
  }

  get text(): string {
    return this.store.text(this.ordinal);
  }
}

/** What a re-index carries over from the previous generation. */
interface Previous {
  manifest: Manifest;
  store: ArticleStore;
  /** Null in a dry run (not needed to plan). */
  vectors: Float32Array | null;
  lexical: LexicalIndex | null;
}

/** Holes (removed chunks) beyond this share of labels trigger a compaction. */
const COMPACT_HOLE_SHARE = 0.2;


/** Reads the previous generation (the store only for a dry run); null with a reason when it cannot be used. */
async function readPrevious(
  options: ReindexOptions,
  logger: Logger,
  model: { id: string; dimensions: number },
): Promise<{ previous: Previous | null; manifest: Manifest | null; rebuildReason: string | null }> {
  const state = await readManifestState(options.indexDir).catch((error: unknown) => {
    logger.warn("previous index unreadable; rebuilding from scratch", { error });
    return { kind: "damaged" } as const;
  });
  if (state.kind === "missing") return { previous: null, manifest: null, rebuildReason: "no previous index" };
  if (state.kind === "damaged") return { previous: null, manifest: null, rebuildReason: "previous index damaged" };
  if (state.kind === "outdated") return { previous: null, manifest: null, rebuildReason: `index format changed from ${state.format} to ${INDEX_FORMAT}` };
  const manifest = state.manifest;
  if (manifest.model.id !== model.id || manifest.model.dimensions !== model.dimensions) {
    return {
      previous: null,
      manifest,
      rebuildReason: `embedding model changed from ${manifest.model.id} (${manifest.model.dimensions}-d) to ${model.id} (${model.dimensions}-d)`,
    };
  }
  try {
    const store = await readStore(options.indexDir, manifest);
    const [vectors, lexical] = options.dryRun ? [null, null] : await Promise.all([readVectors(options.indexDir, manifest), readLexical(options.indexDir, manifest)]);
    return { previous: { manifest, store, vectors, lexical }, manifest, rebuildReason: null };
  } catch (error) {
    logger.warn("previous index generation unreadable; rebuilding from scratch", { error });
    return { previous: null, manifest, rebuildReason: "previous index damaged" };
  }
}

/** Runs a re-index (or plans one with `dryRun`). Throws `AppError` on fatal problems. */
export async function reindex(options: ReindexOptions): Promise<ReindexReport> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const model = { id: options.embedder.modelId, dimensions: options.embedder.dimensions };
  const lease = options.dryRun ? null : await takeWriterLease(options.writerLock, "index-writer");
  let lock: IndexLock | null = null;
  try {
    lock = options.dryRun ? null : await acquireIndexLock(options.indexDir, { guarded: lease !== null });
    const { previous, manifest: previousManifest, rebuildReason } = await readPrevious(options, logger, model);

    // Files whose size and mtime match the previous run are taken from the previous index unread.
    const ordinalsByPath = new Map<string, number[]>();
    previous?.manifest.articles.forEach((a, ordinal) => ordinalsByPath.set(a.path, [...(ordinalsByPath.get(a.path) ?? []), ordinal]));
    const stamps = previous?.manifest.files ?? {};
    const loaded = await loadArticles({
      dataDir: options.dataDir,
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(previous === null || options.fullScan === true
        ? {}
        : {
            reuse: (relPath, stamp): KnownArticle[] | undefined => {
              const known = stamps[relPath];
              if (known === undefined || known.size !== stamp.size || known.mtimeMs !== stamp.mtimeMs) return undefined;
              return ordinalsByPath.get(relPath)?.map((o) => ({
                article: new PreviousArticle(previous.manifest.articles[o] as ManifestArticle, previous.store, o),
                duplicateKey: previous.store.duplicateKey(o),
              }));
            },
          }),
    });
    options.onProgress?.("load", loaded.articles.length, loaded.articles.length);

    const oldHashes = new Map((previousManifest?.articles ?? []).map((a) => [a.id, a.hash]));
    const pathById = new Map([...(previousManifest?.articles ?? []), ...loaded.articles].map((a) => [a.id, a.path]));
    const pathOf = (id: string) => pathById.get(id) ?? id;
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
      files: { added: [], updated: [], removed: [], unchanged: 0, skipped: distinctPaths(loaded.skipped), merged: distinctPaths(loaded.merged) },
      undated: undatedFiles(loaded.articles),
      warnings: [],
      wrote: false,
      compacted: false,
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
    report.files.added = filesOf(report.added, pathOf);
    report.files.updated = filesOf(report.updated, pathOf);
    report.files.removed = filesOf(report.removed, pathOf);
    report.files.unchanged = filesOf(report.unchanged, pathOf).length;

    // An empty folder (often a wrong --data or an unsynced mount) never wipes an index that has articles.
    const keptArticles = loaded.articles.length === 0 ? (previousManifest?.articles.length ?? 0) : 0;
    const empty = emptyFolderWarning(options.dataDir, loaded, keptArticles);
    if (empty !== null) report.warnings.push(empty);
    if (keptArticles > 0) {
      report.removed = [];
      report.files.removed = [];
    }

    const changed = report.added.length + report.updated.length + report.removed.length > 0;
    if (options.dryRun || (!changed && rebuildReason === null) || keptArticles > 0) {
      // Chunks of the articles found: what the real run indexes (nothing, for an empty folder).
      if (options.dryRun) report.chunks = plannedChunks(loaded.articles, previous?.manifest.articles ?? []);
      else report.chunks = keptArticles > 0 ? 0 : (previousManifest?.chunks ?? 0);
      report.elapsedMs = performance.now() - started;
      return report;
    }

    const built = await buildGeneration(options, previous, loaded.articles, loaded.duplicateKeys);
    report.embeddedChunks = built.embedded;
    report.chunks = built.manifest.chunks;
    report.compacted = built.compacted;
    options.onProgress?.("write", 0, 1);
    assertStillHeld(lease, "index-writer");
    const written = await writeGeneration({
      indexDir: options.indexDir,
      store: built.store,
      vectors: built.vectors,
      lexical: built.lexical,
      graph: await built.graph(),
      manifest: { ...built.manifest, files: loaded.stamps },
    });
    options.onProgress?.("write", 1, 1);
    await pruneGenerations(options.indexDir, [written.generation, previousManifest?.generation ?? ""]).catch((error: unknown) =>
      logger.warn("could not remove old index generations", { error }),
    );
    report.wrote = true;
    report.elapsedMs = performance.now() - started;
    return report;
  } finally {
    await lock?.release();
    await lease?.release();
  }
}

/**
 * Lays out the new generation: unchanged articles keep their bytes, chunks, labels and vectors;
 * changed and new articles are split, chunked and embedded into new labels after the old ones.
 * The lexical index is updated from the previous one and the graph from the previous graph,
 * unless holes pass `COMPACT_HOLE_SHARE`, when labels are renumbered densely (still without
 * embedding anything again).
 */
async function buildGeneration(options: ReindexOptions, previous: Previous | null, articles: readonly Article[], duplicateKeys: readonly string[]) {
  const dims = options.embedder.dimensions;
  const prevStore = previous?.store ?? null;
  const prevOrdinalById = new Map((previous?.manifest.articles ?? []).map((a, i) => [a.id, i]));
  const prevHashes = previous?.manifest.articles.map((a) => a.hash) ?? [];
  const keptOrdinal = new Int32Array(prevStore?.articleCount ?? 0).fill(-1); // previous ordinal → new ordinal
  const store = new ArticleStoreWriter();
  const manifestArticles: ManifestArticle[] = [];
  const fresh: { ordinal: number; article: Article; text: string; start: number; end: number; index: number }[] = [];
  articles.forEach((article, ordinal) => {
    const prev = prevOrdinalById.get(article.id);
    const meta = { id: article.id, path: article.path, hash: article.hash, ...pickArticleMeta(article) };
    if (prevStore !== null && prev !== undefined && prevHashes[prev] === article.hash) {
      store.copyArticle(prevStore, prev);
      keptOrdinal[prev] = ordinal;
      manifestArticles.push({ ...meta, chunks: previous?.manifest.articles[prev]?.chunks ?? 0 });
      return;
    }
    const spans = splitSentences(article.text);
    store.addArticle(article.text, spans, duplicateKeys[ordinal] ?? "");
    const chunks = chunkArticle(article, spans);
    for (const c of chunks) fresh.push({ ordinal, article, text: c.text, start: c.start, end: c.end, index: c.index });
    manifestArticles.push({ ...meta, chunks: chunks.length });
  });

  // Labels: kept chunks stay where they were (or are packed densely when compacting); new ones follow.
  const prevLabels = prevStore?.labelCount ?? 0;
  const remap = new Int32Array(prevLabels).fill(-1);
  const removed: number[] = [];
  let kept = 0;
  for (let label = 0; label < prevLabels; label++) {
    const prevArticle = prevStore?.chunkArticle[label] ?? -1;
    if (prevArticle < 0) continue;
    if ((keptOrdinal[prevArticle] ?? -1) >= 0) {
      remap[label] = label;
      kept++;
    } else removed.push(label);
  }
  const holes = prevLabels - kept;
  const compact = previous !== null && holes > COMPACT_HOLE_SHARE * (prevLabels + fresh.length);
  if (compact) {
    let next = 0;
    for (let label = 0; label < prevLabels; label++) if ((remap[label] ?? -1) >= 0) remap[label] = next++;
  }
  const firstNew = compact ? kept : prevLabels;
  const labels = firstNew + fresh.length;

  const columns: ChunkColumns = { article: new Int32Array(labels).fill(-1), index: new Uint32Array(labels), start: new Uint32Array(labels), end: new Uint32Array(labels) };
  const vectors = new Float32Array(labels * dims);
  for (let label = 0; label < prevLabels && prevStore !== null; label++) {
    const to = remap[label] ?? -1;
    if (to < 0) continue;
    columns.article[to] = keptOrdinal[prevStore.chunkArticle[label] ?? 0] ?? -1;
    columns.index[to] = prevStore.chunkIndex[label] ?? 0;
    columns.start[to] = prevStore.chunkStart[label] ?? 0;
    columns.end[to] = prevStore.chunkEnd[label] ?? 0;
    if (previous?.vectors) vectors.set(previous.vectors.subarray(label * dims, (label + 1) * dims), to * dims);
  }
  fresh.forEach((c, i) => {
    const label = firstNew + i;
    columns.article[label] = c.ordinal;
    columns.index[label] = c.index;
    columns.start[label] = c.start;
    columns.end[label] = c.end;
  });
  store.setChunks(columns);

  const batchSize = options.batchSize ?? 256;
  for (let b = 0; b < fresh.length; b += batchSize) {
    const batch = fresh.slice(b, b + batchSize);
    const embedded = await options.embedder.embed(batch.map((x) => x.text));
    batch.forEach((_, i) => {
      const v = embedded[i];
      if (v === undefined || v.length !== dims) throw new Error(`embedder returned ${v?.length ?? 0} dimensions, expected ${dims}`);
      vectors.set(v, (firstNew + b + i) * dims);
    });
    options.onProgress?.("embed", Math.min(b + batchSize, fresh.length), fresh.length);
  }

  const live = kept + fresh.length;
  const added = fresh.map((c, i) => ({ doc: firstNew + i, text: c.text }));
  const lexical = LexicalIndex.update(previous?.lexical ?? null, { docs: labels, live, remap, add: added });

  const holeAt = (label: number) => (columns.article[label] ?? -1) < 0;
  const graph = async () => {
    if (labels === 0) return null;
    if (previous !== null && !compact && prevLabels > 0) {
      try {
        return await updateGraph({
          previousFile: path.join(generationDir(options.indexDir, previous.manifest.generation), files.hnsw),
          dims,
          vectors,
          removed,
          added: fresh.map((_, i) => firstNew + i),
          labels,
        });
      } catch (error) {
        (options.logger ?? silentLogger).warn("previous HNSW graph unusable; building it again from the stored vectors", { error });
      }
    }
    return buildGraph(vectors, dims, labels, holeAt);
  };

  const manifest: Omit<Manifest, "generation" | "builtAt"> = {
    format: INDEX_FORMAT,
    model: { id: options.embedder.modelId, dimensions: dims },
    versions: indexVersions(),
    chunks: live,
    labels,
    articles: manifestArticles,
  };
  return { store, vectors, lexical, graph, manifest, embedded: fresh.length, compacted: compact };
}
