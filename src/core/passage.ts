/**
 * What retrieval hands to an answerer: spans of articles, best first, with the article's metadata,
 * its exact text (quotes are cut from it) and its sentence boundaries. Answerers never see the index.
 */
import type { ArticleMeta } from "./types.js";

/** Character offsets into an article's text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface PassageArticle extends ArticleMeta {
  /** Stable id: the path, plus `#n` for the n-th article of a JSON array. */
  readonly id: string;
  /** File path relative to the data directory. */
  readonly path: string;
  /** The exact article text quotes are checked against. */
  readonly text: string;
  /** Sentence spans of `text`, in order. */
  readonly spans: readonly Span[];
}

export interface Passage extends Span {
  readonly article: PassageArticle;
  /** Fused retrieval score (higher is better). */
  readonly score: number;
  /** Cosine similarity to the question when the passage was a dense candidate, else 0. */
  readonly similarity: number;
  /** BM25 score when the passage was a lexical candidate, else 0. */
  readonly lexicalScore: number;
}
