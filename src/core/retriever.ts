/**
 * Question text → ranked passages. The answer service and the benchmark both go through this, so
 * what the benchmark measures is what users get.
 */
import type { Passage } from "./passage.js";
import type { RetrievalFilter } from "./types.js";

export interface RetrievalQuery {
  text: string;
  /** Passages to return (default 8). */
  k?: number;
  filter?: RetrievalFilter;
  /** Article paths to favour (e.g. the ones cited in the previous turn of a conversation). */
  boostPaths?: ReadonlySet<string>;
  signal?: AbortSignal;
}

/** Articles as a whole, for questions about the collection ("what's new?", "what happened in 2021?"). */
export interface OverviewQuery {
  filter?: RetrievalFilter;
  /** Newest first (default) or oldest first. */
  order?: "newest" | "oldest";
  /** Articles to return. */
  limit: number;
}

export interface Retriever {
  retrieve(query: RetrievalQuery): Promise<Passage[]>;
  /** One passage per article — its lead (first chunk) — in date order. */
  overview(query: OverviewQuery): Promise<Passage[]>;
}
