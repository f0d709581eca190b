/**
 * An index loaded into memory for answering: articles with their sentences, chunks, the HNSW
 * vector store and the lexical index. Immutable once loaded, so a hot reload just swaps the
 * reference while questions in flight finish on the old one.
 */
import fs from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { AppError } from "../errors.js";
import { decodeSpans, files, generationDir, type Manifest, type StoredArticle, type StoredChunk } from "../ingest/index-files.js";
import { readGeneration, readManifest } from "../ingest/read-index.js";
import type { Span } from "../ingest/split-sentences.js";
import type { Embedder } from "./embedder.js";
import { LexicalIndex, type SerializedLexicalIndex } from "./lexical-index.js";

export interface IndexedArticle extends StoredArticle {
  spans: Span[];
  /** Index of the article in `LoadedIndex.articles`. */
  ordinal: number;
}

export interface IndexedChunk extends StoredChunk {
  article: IndexedArticle;
  text: string;
}

export class LoadedIndex {
  readonly articleById: ReadonlyMap<string, IndexedArticle>;
  readonly articleByPath: ReadonlyMap<string, IndexedArticle>;
  /** Oldest and newest article dates, for "latest"/"earliest" questions (null when none is dated). */
  readonly dateExtremes: { oldest: string; newest: string } | null;

  private constructor(
    readonly manifest: Manifest,
    readonly articles: readonly IndexedArticle[],
    readonly chunks: readonly IndexedChunk[],
    readonly vectors: Float32Array,
    readonly lexical: LexicalIndex,
    /** The HNSW graph LangChain's HNSWLib store saved; read with hnswlib-node directly for a fast start. */
    readonly hnsw: hnswlib.HierarchicalNSW | null,
  ) {
    this.articleById = new Map(articles.map((a) => [a.id, a]));
    this.articleByPath = new Map(articles.map((a) => [a.path, a]));
    const dates = articles.map((a) => a.date).filter((d): d is string => d !== null).sort();
    const oldest = dates[0];
    const newest = dates.at(-1);
    this.dateExtremes = oldest === undefined || newest === undefined ? null : { oldest, newest };
  }

  /** Loads the index the manifest points at; retries once if a re-index swapped it meanwhile. */
  static async load(options: { indexDir: string; embedder: Embedder }): Promise<LoadedIndex> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await LoadedIndex.loadOnce(options);
      } catch (error) {
        if (attempt >= 2 || (error instanceof AppError && error.code !== "INDEX_CORRUPT")) throw error;
      }
    }
  }

  private static async loadOnce({ indexDir, embedder }: { indexDir: string; embedder: Embedder }): Promise<LoadedIndex> {
    const manifest = await readManifest(indexDir);
    if (manifest === null) {
      throw new AppError("INDEX_MISSING", `No index found in ${indexDir}; run \`npm run reindex\` first.`);
    }
    if (manifest.model.id !== embedder.modelId || manifest.model.dimensions !== embedder.dimensions) {
      throw new AppError(
        "MODEL_MISMATCH",
        `The index was built with ${manifest.model.id} (${manifest.model.dimensions}-d) but ${embedder.modelId} (${embedder.dimensions}-d) is configured; run \`npm run reindex\` to rebuild it.`,
      );
    }
    const dir = generationDir(indexDir, manifest.generation);
    const data = await readGeneration(indexDir, manifest);
    let lexicalJson: SerializedLexicalIndex;
    let hnsw: hnswlib.HierarchicalNSW | null = null;
    try {
      lexicalJson = JSON.parse(await fs.readFile(path.join(dir, files.lexical), "utf8")) as SerializedLexicalIndex;
      if (data.chunks.length > 0) {
        // The LangChain store's files (hnswlib.index, args.json, docstore.json); chunk i is label i,
        // so the docstore copy of the texts is not needed here and importing LangChain (~0.6 s) is avoided.
        const args = JSON.parse(await fs.readFile(path.join(dir, files.hnsw, "args.json"), "utf8")) as { space: hnswlib.SpaceName; numDimensions: number };
        hnsw = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
        await hnsw.readIndex(path.join(dir, files.hnsw, "hnswlib.index"));
        hnsw.setEf(Math.max(64, Math.min(256, data.chunks.length)));
      }
    } catch (error) {
      throw new AppError("INDEX_CORRUPT", `The index in ${indexDir} is incomplete or damaged; run \`npm run reindex\`.`, {
        cause: error,
      });
    }
    const articles: IndexedArticle[] = data.articles.map((a, ordinal) => ({ ...a, spans: decodeSpans(a.sentences), ordinal }));
    const byId = new Map(articles.map((a) => [a.id, a]));
    const chunks: IndexedChunk[] = data.chunks.map((c) => {
      const article = byId.get(c.articleId);
      if (article === undefined) throw new AppError("INDEX_CORRUPT", `The index in ${indexDir} is inconsistent; run \`npm run reindex\`.`);
      return { ...c, article, text: article.text.slice(c.start, c.end) };
    });
    return new LoadedIndex(manifest, articles, chunks, data.vectors, LexicalIndex.fromJSON(lexicalJson), hnsw);
  }

  /** Embedding row of chunk i. */
  vectorOf(chunk: number): Float32Array {
    const d = this.manifest.model.dimensions;
    return this.vectors.subarray(chunk * d, (chunk + 1) * d);
  }
}
