/**
 * Question → the passages an answerer reads, one way for the answer service and the benchmark:
 * questions about the collection get one lead passage per article (newest first, within the year
 * asked); other questions are searched (with the reader's corrected text when there is a reader),
 * deeper than the answer needs, and re-ranked by how well each passage answers.
 */
import type { Passage } from "../core/passage.js";
import type { Reranker } from "../core/reranker.js";
import type { Retriever } from "../core/retriever.js";
import type { RetrievalFilter } from "../core/types.js";
import type { Vocabulary } from "../core/vocabulary.js";
import { collectionIntent } from "../text/collection-intent.js";

export interface FindPassagesOptions {
  retriever: Retriever;
  reranker?: Reranker;
  vocabulary: Vocabulary;
  /** The question the answerer answers. */
  question: string;
  /** What retrieval searches with (the question, or a follow-up read with the previous one). */
  retrievalText: string;
  boostPaths?: ReadonlySet<string>;
  /** A follow-up read with the previous question: retrieval's order (which favours the previous answer's articles) is kept. */
  followUp?: boolean;
  filter?: RetrievalFilter;
  signal?: AbortSignal;
  /** Passages the answerer gets (default 8); retrieval looks `RERANK_DEPTH` times as deep when re-ranking. */
  k?: number;
}

/** How much deeper than the answer needs retrieval looks when the reader re-ranks (measured: see README, Benchmarks). */
const RERANK_DEPTH = 1.5;

/** How many times wider retrieval looks for a list question. */
const LIST_BREADTH = 3;

/** Articles an overview answer reads: a few for "what's new", many to list countries or names. */
const OVERVIEW_LIMIT = { news: 5, oldest: 5, year: 40, summary: 200, sources: 200, countries: 200, people: 200, organizations: 200 } as const;

export async function findPassages(o: FindPassagesOptions): Promise<Passage[]> {
  const k = o.k ?? 8;
  // Read as the reader reads it too, so "which countres are mentioned" is still about the collection.
  const repaired = o.reranker?.readText?.(o.question, o.vocabulary);
  const intent = collectionIntent(o.question) ?? (repaired === undefined ? null : collectionIntent(repaired));
  if (intent !== null) {
    const year = intent.year === undefined ? {} : { dateFrom: `${intent.year}-01-01`, dateTo: `${intent.year}-12-31` };
    const filter: RetrievalFilter = { ...o.filter, ...year };
    return o.retriever.overview({ filter, limit: OVERVIEW_LIMIT[intent.ask], ...(intent.ask === "oldest" ? { order: "oldest" as const } : {}) });
  }
  const reranker = o.followUp === true ? undefined : o.reranker;
  const text = reranker === undefined ? o.retrievalText : reranker.searchText(o.retrievalText, o.vocabulary);
  // A list gathers one item per article: look three times as wide.
  const wide = reranker?.wantsMany?.(o.question, o.vocabulary) === true ? k * LIST_BREADTH : k;
  const passages = await o.retriever.retrieve({
    text,
    k: reranker === undefined ? k : Math.round(wide * RERANK_DEPTH),
    ...(o.boostPaths === undefined ? {} : { boostPaths: o.boostPaths }),
    ...(o.filter === undefined ? {} : { filter: o.filter }),
    ...(o.signal === undefined ? {} : { signal: o.signal }),
  });
  if (reranker === undefined) return passages;
  return reranker.rerank(o.question, passages, o.vocabulary).slice(0, wide);
}
