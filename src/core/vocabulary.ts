/**
 * The words an index knows. An answerer asks it whether a question word occurs anywhere in the
 * articles (a specific word the articles never use means they do not answer the question) without
 * seeing the index itself.
 */
export interface Vocabulary {
  /** True when the normalised word (in any inflection) occurs in some indexed article. */
  has(term: string): boolean;
  /** In how many indexed passages the word (in any inflection) occurs; 0 when none. */
  frequency(term: string): number;
  /** Passages indexed (the denominator of `frequency`). */
  readonly size: number;
}
