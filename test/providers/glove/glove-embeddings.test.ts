import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { GLOVE_MODEL_ID, GloveEmbeddings } from "../../../src/providers/glove/glove-embeddings.js";
import type { WordVectorTable } from "../../../src/providers/glove/glove-cache.js";

/** The project's git-ignored cache dir, so the one-off ~10 s build is shared with `npm start`. */
const CACHE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.cache");

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}

function norm(a: ArrayLike<number>): number {
  return Math.sqrt(cosine(a, a));
}

/** A hand-made vocabulary in frequency order with one-hot-ish vectors, to see the weighting. */
function tinyTable(words: string[], dims = 4): WordVectorTable {
  const vec = (i: number) => Float32Array.from({ length: dims }, (_, d) => (d === i % dims ? 1 : 0.1));
  return {
    dimensions: dims,
    size: words.length,
    indexOf: (w) => words.indexOf(w),
    rank: (w) => (words.includes(w) ? words.indexOf(w) + 1 : undefined),
    get: (w) => (words.includes(w) ? vec(words.indexOf(w)) : undefined),
    wordAt: (i) => words[i] ?? "",
    addTo: (i, weight, out) => vec(i).forEach((v, d) => (out[d] = (out[d] ?? 0) + weight * v)),
  };
}

describe("GloveEmbeddings on a tiny vocabulary", () => {
  const words = ["the", "of", "and", "union", "dont", "zebra", "cafe", "strike"];
  const emb = new GloveEmbeddings(tinyTable([...words, ...Array.from({ length: 500 }, (_, i) => `filler${i}`)]));

  it("weights rare words above frequent ones (SIF)", () => {
    const v = emb.embedText("the zebra");
    const the = emb.embedText("the");
    const zebra = emb.embedText("zebra");
    expect(cosine(v, zebra)).toBeGreaterThan(cosine(v, the));
  });

  it("folds case, diacritics and apostrophes onto the vocabulary", () => {
    expect(Array.from(emb.embedText("CAFÉ"))).toEqual(Array.from(emb.embedText("cafe")));
    expect(Array.from(emb.embedText("Don’t"))).toEqual(Array.from(emb.embedText("dont")));
  });

  it("returns a zero vector when no word is known, and never NaN", () => {
    for (const text of ["", "   ", "qwertyuiop", "!!! ???"]) {
      const v = emb.embedText(text);
      expect(v).toHaveLength(4);
      expect(Array.from(v).every((x) => x === 0), text).toBe(true);
    }
  });
});

describe("GloveEmbeddings on the real word vectors", () => {
  let emb: GloveEmbeddings;

  beforeAll(async () => {
    // Builds <repo>/.cache/glove-sg-100d.v1.bin on the first run (~10 s), loads it in ms afterwards.
    emb = await GloveEmbeddings.load({ cacheDir: CACHE_DIR });
  }, 120_000);

  it("identifies its vectors and their size", () => {
    expect(emb.modelId).toBe(GLOVE_MODEL_ID);
    expect(emb.modelId).toMatch(/^glove-wink-sg-100d\/sif-v\d+$/);
    expect(emb.dimensions).toBe(100);
  });

  it("puts related words closer than unrelated ones", () => {
    const labour = emb.embedText("labour");
    expect(cosine(labour, emb.embedText("workers"))).toBeGreaterThan(cosine(labour, emb.embedText("banana")) + 0.1);
    expect(cosine(labour, emb.embedText("labor"))).toBeGreaterThan(cosine(labour, emb.embedText("football")));
  });

  it("puts sentences on the same topic closer than sentences on another", () => {
    const unions = emb.embedText("Trade unions called a strike to demand higher wages for their members.");
    const labor = emb.embedText("Labor unions are pressing employers to raise workers' pay.");
    const football = emb.embedText("The football club won the league after a late goal in the final match.");
    expect(cosine(unions, labor)).toBeGreaterThan(cosine(unions, football) + 0.1);

    const question = emb.embedText("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
    const answer = emb.embedText("Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared his views.");
    const other = emb.embedText("The delegation visited the Tourism Information Center for issuing travel vouchers.");
    expect(cosine(question, answer)).toBeGreaterThan(cosine(question, other));
  });

  it("returns unit-length 100-d vectors, identical through embedText and embed", async () => {
    const texts = ["Azerbaijan’s Minister of Labor met Iranian labor unions in Geneva.", "pension funds", "Kyrgyzstan"];
    const docs = await emb.embed(texts);
    expect(docs).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      const v = emb.embedText(text);
      expect(v).toHaveLength(100);
      expect(norm(v)).toBeCloseTo(1, 5);
      expect(docs[i]).toEqual(Array.from(v));
      expect(await emb.embed([text])).toEqual([Array.from(v)]);
    }
  });

  it("is deterministic and independent of other texts (no corpus statistics)", async () => {
    const text = "The memorandum envisages joint projects and training.";
    const alone = await emb.embed([text]);
    const mixed = await emb.embed(["football", text, "banana bread recipe"]);
    expect(mixed[1]).toEqual(alone[0]);
    const again = await GloveEmbeddings.load({ cacheDir: CACHE_DIR });
    expect(Array.from(again.embedText(text))).toEqual(alone[0]);
  });

  it("returns zeros for text without any known word", () => {
    expect(Array.from(emb.embedText("xqzvwk jjjqqq")).every((x) => x === 0)).toBe(true);
  });
});
