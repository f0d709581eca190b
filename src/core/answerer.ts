/**
 * The seam between retrieval and answering: an answerer gets the question and the retrieved
 * passages (never the index) and returns a draft answer with citations. The extractive reader and
 * the LLM answerer both implement it, so the answer service does not care which one runs.
 */
import type { Passage } from "./passage.js";
import type { Citation, RefusalReason } from "./types.js";
import type { Vocabulary } from "./vocabulary.js";

export interface AnswerInput {
  /** The question to answer (a follow-up already rewritten to stand alone when a model did that). */
  question: string;
  /** Retrieved passages, best first. */
  passages: readonly Passage[];
  /** Words the indexed articles use: a specific question word they never use is not covered. */
  vocabulary: Vocabulary;
  /** Set when the question builds on the previous one ("and who signed it?"), with the articles its answer cited. */
  followUp?: { previousQuestion: string; previousPaths?: readonly string[] };
  /** Earlier turns, oldest first, for answerers that can use them. */
  history?: { question: string; answer: string }[];
  signal?: AbortSignal;
  /** The question's language (ISO 639-1) when the service detected it: an LLM answerer answers in it. */
  language?: string;
  /** The standalone English search query the question was rewritten to (cross-lingual questions, follow-ups). */
  searchQuery?: string;
  /** Called with the draft answer so far while a model writes it (see `AskContext.onDraft`). */
  onDraft?: (draft: string) => void;
}

export interface DraftAnswer {
  answer: string;
  grounded: boolean;
  citations: Citation[];
  /** Why it is not grounded (ungrounded answers only). */
  reason?: RefusalReason;
  /** The question's language (ISO 639-1) when the answerer detected it. */
  language?: string;
  /** Set by the LLM answerer when it fell back to the extractive answer (metrics, the question log). */
  llmFallback?: boolean;
}

export interface Answerer {
  answer(input: AnswerInput): Promise<DraftAnswer>;
}
