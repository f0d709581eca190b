import { describe, expect, it } from "vitest";
import { TopK, type Scored } from "../../src/index/top-k.js";

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reference: a full sort, best score first, lower doc first on ties. */
function fullSort(items: readonly Scored[], k: number): Scored[] {
  return [...items].sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, Math.max(0, k));
}

function topK(items: readonly Scored[], k: number): Scored[] {
  const top = new TopK(k);
  for (const { doc, score } of items) top.push(doc, score);
  return top.results();
}

describe("TopK", () => {
  it("matches a full sort on random inputs with many ties, in any arrival order", () => {
    const random = prng(42);
    for (let trial = 0; trial < 300; trial++) {
      const n = Math.floor(random() * 60);
      const k = Math.floor(random() * 12) + 1;
      // Few distinct scores, so ties are common; docs are distinct and arrive shuffled.
      const docs = Array.from({ length: n }, (_, i) => i * 3 + 1);
      for (let i = docs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [docs[i], docs[j]] = [docs[j] ?? 0, docs[i] ?? 0];
      }
      const items = docs.map((doc) => ({ doc, score: Math.floor(random() * 5) / 4 - 0.5 }));
      expect(topK(items, k), `trial ${trial}`).toEqual(fullSort(items, k));
    }
  });

  it("breaks ties by the lower document number, whichever arrives first", () => {
    expect(topK([{ doc: 9, score: 1 }, { doc: 2, score: 1 }, { doc: 5, score: 1 }], 2)).toEqual([
      { doc: 2, score: 1 },
      { doc: 5, score: 1 },
    ]);
    expect(topK([{ doc: 2, score: 1 }, { doc: 9, score: 1 }, { doc: 5, score: 1 }], 2).map((s) => s.doc)).toEqual([2, 5]);
  });

  it("keeps nothing when k is 0 (or negative)", () => {
    const zero = new TopK(0);
    expect(zero.admits(1, 100)).toBe(false);
    zero.push(1, 100);
    expect(zero.results()).toEqual([]);
    expect(topK([{ doc: 1, score: 1 }], -3)).toEqual([]);
  });

  it("returns everything, sorted, when k is larger than the input", () => {
    const items = [{ doc: 4, score: 0.1 }, { doc: 1, score: 0.9 }, { doc: 3, score: 0.5 }];
    expect(topK(items, 10)).toEqual([{ doc: 1, score: 0.9 }, { doc: 3, score: 0.5 }, { doc: 4, score: 0.1 }]);
    expect(topK([], 5)).toEqual([]);
  });

  it("admits only what would enter the list now", () => {
    const top = new TopK(2);
    expect(top.admits(7, -Infinity)).toBe(true);
    top.push(5, 0.5);
    top.push(7, 0.3);
    expect(top.admits(8, 0.3)).toBe(false); // tie with the last, higher doc
    expect(top.admits(6, 0.3)).toBe(true); // tie with the last, lower doc
    expect(top.admits(9, 0.2)).toBe(false);
    expect(top.admits(9, 0.31)).toBe(true);
    top.push(8, 0.3);
    expect(top.results()).toEqual([{ doc: 5, score: 0.5 }, { doc: 7, score: 0.3 }]);
  });

  it("hands out a copy of its results", () => {
    const top = new TopK(3);
    top.push(1, 1);
    top.results().push({ doc: 99, score: 99 });
    expect(top.results()).toEqual([{ doc: 1, score: 1 }]);
  });
});
