/**
 * The k best of a stream of scored documents, best first (ties: lower document number first), by
 * insertion into a small sorted list: BM25 and exact dense search score thousands of documents to
 * keep forty, so a full sort would be wasted.
 */
export interface Scored {
  doc: number;
  score: number;
}

export class TopK {
  private readonly items: Scored[] = [];

  constructor(private readonly k: number) {}

  /** True when `score` for `doc` would enter the list now. */
  admits(doc: number, score: number): boolean {
    if (this.k <= 0) return false;
    const last = this.items[this.items.length - 1];
    return this.items.length < this.k || last === undefined || score > last.score || (score === last.score && doc < last.doc);
  }

  push(doc: number, score: number): void {
    if (!this.admits(doc, score)) return;
    const top = this.items;
    let i = Math.min(top.length, this.k - 1);
    while (i > 0) {
      const prev = top[i - 1] as Scored;
      if (prev.score > score || (prev.score === score && prev.doc < doc)) break;
      top[i] = prev;
      i--;
    }
    top[i] = { doc, score };
    if (top.length > this.k) top.length = this.k;
  }

  /** The kept documents, best first. */
  results(): Scored[] {
    return [...this.items];
  }
}
