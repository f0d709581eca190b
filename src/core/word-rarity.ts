/**
 * How common a word is in general English. It tells a proper name or a specific term (rare: it must
 * be in the answer) from a common word (it may be paraphrased), which sharpens refusals. The GloVe
 * vocabulary's frequency order provides it offline.
 */
export interface WordRarity {
  /** Frequency rank of a normalised word (1 = most common), or undefined when unknown. */
  rank(term: string): number | undefined;
  /** The `count` most common words, most common first (for spelling repair); optional. */
  commonWords?(count: number): string[];
}
