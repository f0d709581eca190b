/**
 * The three systems compared on the same chunks and the same GloVe vectors: dossier's hybrid
 * retrieval, a LangChain `HNSWLib.similaritySearch` store (what a developer writes in an
 * afternoon: dense only, library defaults) and BM25 alone (dossier's lexical index). Each ranks
 * articles for a question.
 */
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { Embeddings } from "@langchain/core/embeddings";
import type { Reranker } from "../core/reranker.js";
import type { Retriever } from "../core/retriever.js";
import type { Vocabulary } from "../core/vocabulary.js";
import { findPassages } from "../service/find-passages.js";
import type { LoadedIndex } from "../index/loaded-index.js";
import { dedupeArticles } from "./latency-stats.js";

/** Chunks fetched per question before de-duplicating to articles (enough for 5+ distinct articles). */
export const CHUNK_DEPTH = 30;

export interface RankingSystem {
  name: string;
  /** Article paths, best first, de-duplicated. */
  rank(question: string): Promise<string[]>;
}

/** Dossier's retrieval exactly as the answer service runs it (`findPassages`: search, then the reader's re-ranking), asked for more passages. */
export function dossierRetrieval(retriever: Retriever, options: { reranker?: Reranker; vocabulary: Vocabulary }): RankingSystem {
  return {
    name: "dossier",
    async rank(question) {
      const passages = await findPassages({
        retriever,
        vocabulary: options.vocabulary,
        question,
        retrievalText: question,
        k: CHUNK_DEPTH,
        ...(options.reranker === undefined ? {} : { reranker: options.reranker }),
      });
      return dedupeArticles(passages.map((p) => p.article.path));
    },
  };
}

export function bm25Only(index: LoadedIndex): RankingSystem {
  return {
    name: "bm25",
    async rank(question) {
      const hits = index.lexical.search(question, CHUNK_DEPTH);
      return dedupeArticles(hits.map((h) => index.byLabel[h.doc]?.article.path ?? ""));
    },
  };
}

/** Builds a LangChain HNSWLib store over the index's chunks with their (identical) vectors, `vectors` being the index's float rows by label. */
export async function buildDenseBaseline(index: LoadedIndex, vectors: Float32Array, embeddings: Embeddings): Promise<{ store: HNSWLib; buildSeconds: number }> {
  const started = performance.now();
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const { Document } = await import("@langchain/core/documents");
  const dims = index.manifest.model.dimensions;
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dims });
  const rows = index.chunks.map((c) => Array.from(vectors.subarray(c.label * dims, (c.label + 1) * dims)));
  const docs = index.chunks.map((c) => new Document({ pageContent: c.text, metadata: { path: c.article.path } }));
  if (docs.length > 0) await store.addVectors(rows, docs);
  return { store, buildSeconds: (performance.now() - started) / 1000 };
}

export function denseBaseline(store: HNSWLib): RankingSystem {
  return {
    name: "dense",
    async rank(question) {
      const docs = await store.similaritySearch(question, CHUNK_DEPTH);
      return dedupeArticles(docs.map((d) => String((d.metadata as { path?: unknown }).path ?? "")));
    },
  };
}
