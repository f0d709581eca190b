/**
 * Turns a question into what retrieval needs (optional; the language model provides one): a
 * follow-up made standalone, and a search query in English, the articles' language — one model
 * call for both, so a Russian follow-up costs no more than an English one.
 */
export interface RewriteInput {
  question: string;
  /** Earlier turns, oldest first (empty for a first question). */
  history: { question: string; answer: string }[];
  /** The question's language (ISO 639-1), or null when unknown. */
  language: string | null;
  signal?: AbortSignal;
}

export interface RewrittenQuestion {
  /** The question made standalone, in the asker's language: what is answered and remembered. */
  standalone: string;
  /** A standalone search query in English for the articles. */
  search: string;
}

export interface QuestionRewriter {
  rewrite(input: RewriteInput): Promise<RewrittenQuestion>;
}
