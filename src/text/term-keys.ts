/**
 * Stems and skeletons of words, memoised: words repeat endlessly across sentences, questions and
 * chunks, and these keys are computed for each occurrence. Each owner (a lexical index, an
 * answerer) keeps its own `TermKeys`, so the memo lives and dies with its owner; it is bounded
 * (emptied when full).
 */
import { skeleton } from "./skeleton.js";
import { stem } from "./stem.js";

export class TermKeys {
  private readonly stems = new Map<string, string>();
  private readonly skeletons = new Map<string, string | null>();

  constructor(private readonly capacity = 100_000) {}

  stem(term: string): string {
    let value = this.stems.get(term);
    if (value === undefined) {
      value = stem(term);
      if (this.stems.size >= this.capacity) this.stems.clear();
      this.stems.set(term, value);
    }
    return value;
  }

  skeleton(term: string): string | null {
    let value = this.skeletons.get(term);
    if (value === undefined && !this.skeletons.has(term)) {
      value = skeleton(term);
      if (this.skeletons.size >= this.capacity) this.skeletons.clear();
      this.skeletons.set(term, value);
    }
    return value ?? null;
  }
}
