/** Rewrites a follow-up into a standalone question (optional; the language model provides one). */
export interface QuestionRewriter {
  rewrite(question: string, history: { question: string; answer: string }[], signal?: AbortSignal): Promise<string>;
}
