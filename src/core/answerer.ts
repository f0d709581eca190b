/**
 * The seam between retrieval and answering: an answerer gets the question, its analysis and the
 * retrieved chunks, and returns a draft answer with citations. Extractive and LLM answerers both
 * implement it, so the answer service does not care which one runs.
 */
import type { Citation } from "./types.js";
import type { RetrievedChunk } from "../retrieval/hybrid-retriever.js";
import type { LoadedIndex } from "../index/loaded-index.js";
import type { QuestionAnalysis, QuestionTerm } from "../answer/question-analysis.js";

export interface AnswerInput {
  question: string;
  analysis: QuestionAnalysis;
  retrieved: RetrievedChunk[];
  index: LoadedIndex;
  /** Terms carried over from earlier turns of a conversation (never required). */
  contextTerms?: QuestionTerm[];
  /** Earlier turns, oldest first, for answerers that can use them. */
  history?: { question: string; answer: string }[];
  signal?: AbortSignal;
}

export interface DraftAnswer {
  answer: string;
  grounded: boolean;
  citations: Citation[];
}

export interface Answerer {
  answer(input: AnswerInput): Promise<DraftAnswer>;
}
