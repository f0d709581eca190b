/**
 * The words an index knows. An answerer asks it whether a question word occurs anywhere in the
 * articles (a specific word the articles never use means they do not answer the question) without
 * seeing the index itself.
 */
export interface Vocabulary {
  /** True when the normalised word (in any inflection) occurs in some indexed article. */
  has(term: string): boolean;
}
