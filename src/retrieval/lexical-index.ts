/**
 * BM25 over chunks with two fields: stemmed words, and consonant skeletons that tolerate
 * transliteration ("Dzhumadilde" finds "Jumadilde"). Serialisable, so it is built at re-index time
 * and only parsed at start.
 */
import { skeleton, stem } from "./term-keys.js";
import { STOPWORDS, terms } from "./tokenize.js";

export interface LexicalHit {
  doc: number;
  score: number;
}

interface FieldIndex {
  /** term → flat [doc, tf, doc, tf, …] */
  /** Typed arrays: half the memory of number arrays on a large index. */
  postings: Map<string, Int32Array>;
  lengths: Int32Array;
  totalLength: number;
}

export interface SerializedLexicalIndex {
  version: 1;
  fields: { words: SerializedField; skeletons: SerializedField };
}
interface SerializedField {
  lengths: number[];
  postings: Record<string, number[]>;
}

const K1 = 1.2;
const B = 0.75;
/** Weight of a skeleton (fuzzy) match relative to a word match. */
const SKELETON_WEIGHT = 0.35;

/** Keys of a text for each field, stopwords removed. */
export function lexicalKeys(text: string): { words: string[]; skeletons: string[] } {
  const words: string[] = [];
  const skeletons: string[] = [];
  for (const t of terms(text)) {
    if (STOPWORDS.has(t)) continue;
    words.push(stem(t));
    const s = skeleton(t);
    if (s !== null) skeletons.push(s);
  }
  return { words, skeletons };
}

/** A field while it is being built (growable arrays), frozen into a `FieldIndex`. */
interface FieldBuilder {
  postings: Map<string, number[]>;
  lengths: number[];
  totalLength: number;
}

function emptyField(): FieldBuilder {
  return { postings: new Map(), lengths: [], totalLength: 0 };
}

function freeze(field: FieldBuilder): FieldIndex {
  return {
    postings: new Map([...field.postings].map(([k, v]) => [k, Int32Array.from(v)])),
    lengths: Int32Array.from(field.lengths),
    totalLength: field.totalLength,
  };
}

function addToField(field: FieldBuilder, doc: number, keys: string[]): void {
  const tf = new Map<string, number>();
  for (const k of keys) tf.set(k, (tf.get(k) ?? 0) + 1);
  for (const [k, n] of tf) {
    let list = field.postings.get(k);
    if (list === undefined) field.postings.set(k, (list = []));
    list.push(doc, n);
  }
  field.lengths[doc] = keys.length;
  field.totalLength += keys.length;
}

export class LexicalIndex {
  private scratch = new Float64Array(0);

  private constructor(
    private readonly words: FieldIndex,
    private readonly skeletons: FieldIndex,
  ) {}

  /** Builds an index where document i is `texts[i]`. */
  static build(texts: readonly string[]): LexicalIndex {
    const words = emptyField();
    const skeletons = emptyField();
    texts.forEach((text, doc) => {
      const keys = lexicalKeys(text);
      addToField(words, doc, keys.words);
      addToField(skeletons, doc, keys.skeletons);
    });
    return new LexicalIndex(freeze(words), freeze(skeletons));
  }

  static fromJSON(data: SerializedLexicalIndex): LexicalIndex {
    const field = (f: SerializedField): FieldIndex => ({
      postings: new Map(Object.entries(f.postings).map(([k, v]) => [k, Int32Array.from(v)])),
      lengths: Int32Array.from(f.lengths),
      totalLength: f.lengths.reduce((a, b) => a + b, 0),
    });
    return new LexicalIndex(field(data.fields.words), field(data.fields.skeletons));
  }

  toJSON(): SerializedLexicalIndex {
    const field = (f: FieldIndex): SerializedField => ({
      lengths: Array.from(f.lengths),
      postings: Object.fromEntries([...f.postings].map(([k, v]) => [k, Array.from(v)])),
    });
    return { version: 1, fields: { words: field(this.words), skeletons: field(this.skeletons) } };
  }

  get size(): number {
    return this.words.lengths.length;
  }

  /** Inverse document frequency of a stemmed word key (0 when unknown). */
  idf(wordKey: string): number {
    return this.fieldIdf(this.words, wordKey);
  }

  /** True when some document contains the key in the word or skeleton field. */
  has(field: "words" | "skeletons", key: string): boolean {
    return (field === "words" ? this.words : this.skeletons).postings.has(key);
  }

  /** Top documents by BM25 over both fields; `allow` restricts to some documents. */
  search(query: string, k: number, allow?: (doc: number) => boolean): LexicalHit[] {
    const keys = lexicalKeys(query);
    // A reused dense accumulator + list of touched docs: no Map churn, and only the top k are
    // sorted. Search is synchronous, so one scratch buffer per index is safe.
    if (this.scratch.length !== this.words.lengths.length) this.scratch = new Float64Array(this.words.lengths.length);
    const scores = this.scratch;
    const touched: number[] = [];
    this.score(this.words, [...new Set(keys.words)], 1, scores, touched, allow);
    this.score(this.skeletons, [...new Set(keys.skeletons)], SKELETON_WEIGHT, scores, touched, allow);
    const top = topK(scores, touched, k);
    for (const doc of touched) scores[doc] = 0;
    return top;
  }

  private fieldIdf(field: FieldIndex, key: string): number {
    const list = field.postings.get(key);
    if (list === undefined) return 0;
    const n = field.lengths.length;
    const df = list.length / 2;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private score(
    field: FieldIndex,
    keys: string[],
    weight: number,
    into: Float64Array,
    touched: number[],
    allow?: (doc: number) => boolean,
  ): void {
    const n = field.lengths.length;
    if (n === 0) return;
    const avg = field.totalLength / n || 1;
    for (const key of keys) {
      const list = field.postings.get(key);
      if (list === undefined) continue;
      const idf = this.fieldIdf(field, key) * weight;
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] ?? 0;
        if (allow !== undefined && !allow(doc)) continue;
        const tf = list[i + 1] ?? 0;
        const len = field.lengths[doc] ?? 0;
        if (into[doc] === 0) touched.push(doc);
        into[doc] = (into[doc] ?? 0) + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
      }
    }
  }
}

/** The k best of the touched documents, best first (ties by document number), by insertion into a small sorted list. */
function topK(scores: Float64Array, touched: readonly number[], k: number): LexicalHit[] {
  const top: LexicalHit[] = [];
  if (k <= 0) return top;
  for (const doc of touched) {
    const score = scores[doc] ?? 0;
    const last = top[top.length - 1];
    if (top.length >= k && last !== undefined && (score < last.score || (score === last.score && doc > last.doc))) continue;
    let i = Math.min(top.length, k - 1);
    while (i > 0) {
      const prev = top[i - 1] as LexicalHit;
      if (prev.score > score || (prev.score === score && prev.doc < doc)) break;
      top[i] = prev;
      i--;
    }
    top[i] = { doc, score };
    if (top.length > k) top.length = k;
  }
  return top;
}
