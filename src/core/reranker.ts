/**
 * Answer-aware retrieval help from the reader: the question as retrieval should search it (typos
 * corrected, acronyms expanded), and the retrieved passages re-ordered by how well they answer it.
 * The answer service and the benchmark use it the same way (`service/find-passages.ts`).
 */
import type { Passage } from "./passage.js";
import type { Vocabulary } from "./vocabulary.js";

export interface Reranker {
  searchText(question: string, vocabulary: Vocabulary): string;
  rerank(question: string, passages: readonly Passage[], vocabulary: Vocabulary): Passage[];
  /** The question as the reader reads it: typos, chat words and contractions repaired, lower case ("which countres are mentioned" → "which countries are mentioned"). */
  readText?(question: string, vocabulary: Vocabulary): string;
  /** True when the answer gathers items from many articles ("which ministers appear…"): retrieval looks wider. */
  wantsMany?(question: string, vocabulary: Vocabulary): boolean;
}
