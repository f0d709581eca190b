/**
 * BM25 over chunks with two fields: stemmed words, and consonant skeletons that tolerate
 * transliteration ("Dzhumadilde" finds "Jumadilde"). Stored as flat typed arrays (one posting per
 * 32-bit word: document × 256 + term frequency) in a section file, so loading is one read and the
 * postings never touch the JS heap. A re-index updates it in place of rebuilding: postings of
 * removed documents are dropped and only new documents are tokenised.
 */
import { decodeSections, encodeSections, type SectionArray } from "./section-file.js";
import { TermKeys } from "../text/term-keys.js";
import { TopK } from "./top-k.js";
import { STOPWORDS } from "../text/stopwords.js";
import { terms } from "../text/tokenize.js";

export interface LexicalHit {
  doc: number;
  score: number;
}

type FieldName = "words" | "skeletons";
const FIELDS: readonly FieldName[] = ["words", "skeletons"];

interface FieldIndex {
  /** term → term number */
  terms: Map<string, number>;
  termList: string[];
  /** Postings of term t are `postings[offsets[t] .. offsets[t + 1])`, ascending by document. */
  offsets: Uint32Array;
  /** doc × 256 + min(tf, 255) */
  postings: Uint32Array;
  /** Keys per document (0 for removed documents). */
  lengths: Uint32Array;
  totalLength: number;
}

const K1 = 1.2;
const B = 0.75;
/** Weight of a skeleton (fuzzy) match relative to a word match. */
const SKELETON_WEIGHT = 0.35;
const TF_BITS = 256;
/** Documents addressable by the packed postings. */
export const MAX_LEXICAL_DOCS = 2 ** 24;
const FILE_KIND = "dossier-lexical/3";

/** Keys of a text for each field, stopwords removed. */
export function lexicalKeys(text: string, keys: TermKeys = new TermKeys()): { words: string[]; skeletons: string[] } {
  const words: string[] = [];
  const skeletons: string[] = [];
  for (const t of terms(text)) {
    if (STOPWORDS.has(t)) continue;
    words.push(keys.stem(t));
    const s = keys.skeleton(t);
    if (s !== null) skeletons.push(s);
  }
  return { words, skeletons };
}

/** What a re-index changes: the new document count, where old documents go, and the new documents' texts. */
export interface LexicalUpdate {
  /** Documents (slots) in the new index; removed slots may stay as holes. */
  docs: number;
  /** Documents that hold a chunk (the BM25 collection size). */
  live: number;
  /** New slot of each old document, or -1 when it is removed. Must keep the old order. Default: unchanged. */
  remap?: Int32Array;
  /** New documents, in ascending slot order, all after every kept old one. */
  add: Iterable<{ doc: number; text: string }>;
}

function emptyField(docs: number): FieldIndex {
  return { terms: new Map(), termList: [], offsets: new Uint32Array(1), postings: new Uint32Array(0), lengths: new Uint32Array(docs), totalLength: 0 };
}

/** One field of `update`: old postings (remapped) then the new documents' postings, term by term. */
function updateField(old: FieldIndex, update: LexicalUpdate, added: { doc: number; keys: string[] }[]): FieldIndex {
  const terms = new Map(old.terms);
  const termList = [...old.termList];
  const fresh = new Map<number, number[]>(); // term → [packed, …] of new documents
  const lengths = new Uint32Array(update.docs);
  let freshCount = 0;
  for (const { doc, keys } of added) {
    const tf = new Map<string, number>();
    for (const k of keys) tf.set(k, (tf.get(k) ?? 0) + 1);
    for (const [k, n] of tf) {
      let t = terms.get(k);
      if (t === undefined) {
        t = termList.length;
        terms.set(k, t);
        termList.push(k);
      }
      let list = fresh.get(t);
      if (list === undefined) fresh.set(t, (list = []));
      list.push(doc * TF_BITS + Math.min(n, TF_BITS - 1));
      freshCount++;
    }
    lengths[doc] = keys.length;
  }
  const remap = update.remap;
  for (let d = 0; d < old.lengths.length; d++) {
    const to = remap === undefined ? d : (remap[d] ?? -1);
    if (to >= 0) lengths[to] = old.lengths[d] ?? 0;
  }
  // Terms left without postings (their documents were removed) are dropped on the way.
  const postings = new Uint32Array(old.postings.length + freshCount);
  const offsets: number[] = [0];
  const kept: string[] = [];
  let at = 0;
  for (let t = 0; t < termList.length; t++) {
    const start = at;
    let last = -1;
    if (t < old.termList.length) {
      const from = old.offsets[t] ?? 0;
      const to = old.offsets[t + 1] ?? 0;
      for (let i = from; i < to; i++) {
        const p = old.postings[i] ?? 0;
        const doc = Math.floor(p / TF_BITS);
        const target = remap === undefined ? doc : (remap[doc] ?? -1);
        if (target < 0) continue;
        postings[at++] = target * TF_BITS + (p % TF_BITS);
        last = target;
      }
    }
    for (const p of fresh.get(t) ?? []) {
      if (Math.floor(p / TF_BITS) <= last) throw new Error("new lexical documents must come after the kept ones");
      postings[at++] = p;
      last = Math.floor(p / TF_BITS);
    }
    if (at > start) {
      kept.push(termList[t] as string);
      offsets.push(at);
    }
  }
  let totalLength = 0;
  for (const n of lengths) totalLength += n;
  return {
    terms: new Map(kept.map((term, i) => [term, i])),
    termList: kept,
    offsets: Uint32Array.from(offsets),
    postings: postings.slice(0, at),
    lengths,
    totalLength,
  };
}

export class LexicalIndex {
  private scratch = new Float64Array(0);
  /** Memoised word keys for queries against this index (lives and dies with it). */
  readonly keys = new TermKeys();

  private constructor(
    private readonly words: FieldIndex,
    private readonly skeletons: FieldIndex,
    /** Documents that hold a chunk: N in the idf. */
    readonly live: number,
  ) {}

  /** Builds an index where document i is `texts[i]`. */
  static build(texts: readonly string[]): LexicalIndex {
    return LexicalIndex.update(null, { docs: texts.length, live: texts.length, add: texts.map((text, doc) => ({ doc, text })) });
  }

  /**
   * A new index from an old one (or none): old documents are kept (moved by `remap`, dropped at
   * -1) without being tokenised again; only `add` is tokenised. Cost: one pass over the old
   * postings plus the new texts.
   */
  static update(old: LexicalIndex | null, update: LexicalUpdate): LexicalIndex {
    if (update.docs > MAX_LEXICAL_DOCS) throw new Error(`the lexical index holds at most ${MAX_LEXICAL_DOCS} chunks`);
    const words: { doc: number; keys: string[] }[] = [];
    const skeletons: { doc: number; keys: string[] }[] = [];
    const termKeys = old?.keys ?? new TermKeys();
    for (const { doc, text } of update.add) {
      const keys = lexicalKeys(text, termKeys);
      words.push({ doc, keys: keys.words });
      skeletons.push({ doc, keys: keys.skeletons });
    }
    const base = (field: FieldName) => (old === null ? emptyField(0) : old[field]);
    return new LexicalIndex(updateField(base("words"), update, words), updateField(base("skeletons"), update, skeletons), update.live);
  }

  /** Parts of the section file that stores the index. */
  encode(): Uint8Array[] {
    const sections: Record<string, SectionArray> = {};
    const meta: Record<string, unknown> = { live: this.live };
    for (const name of FIELDS) {
      const f = this[name];
      sections[`${name}.terms`] = new TextEncoder().encode(f.termList.join("\n"));
      sections[`${name}.offsets`] = f.offsets;
      sections[`${name}.postings`] = f.postings;
      sections[`${name}.lengths`] = f.lengths;
      meta[name] = { terms: f.termList.length };
    }
    return encodeSections(FILE_KIND, meta, sections);
  }

  /** Reads what `encode` wrote; the typed arrays are views of `bytes`. Throws a plain `Error` when damaged. */
  static decode(bytes: Uint8Array): LexicalIndex {
    const file = decodeSections(bytes, FILE_KIND);
    const meta = file.meta as { live: number } & Record<FieldName, { terms: number }>;
    const field = (name: FieldName): FieldIndex => {
      const blob = new TextDecoder().decode(file.section(`${name}.terms`, "u8"));
      const termList = blob === "" ? [] : blob.split("\n");
      const offsets = file.section(`${name}.offsets`, "u32");
      const postings = file.section(`${name}.postings`, "u32");
      const lengths = file.section(`${name}.lengths`, "u32");
      if (termList.length !== meta[name].terms || offsets.length !== termList.length + 1 || offsets[termList.length] !== postings.length) {
        throw new Error(`inconsistent ${name} field`);
      }
      let totalLength = 0;
      for (const n of lengths) totalLength += n;
      return { terms: new Map(termList.map((t, i) => [t, i])), termList, offsets, postings, lengths, totalLength };
    };
    const words = field("words");
    const skeletons = field("skeletons");
    if (words.lengths.length !== skeletons.lengths.length) throw new Error("fields disagree on the document count");
    return new LexicalIndex(words, skeletons, meta.live);
  }

  /** Document slots (including removed ones). */
  get size(): number {
    return this.words.lengths.length;
  }

  /** Inverse document frequency of a stemmed word key (0 when unknown). */
  idf(wordKey: string): number {
    const t = this.words.terms.get(wordKey);
    return t === undefined ? 0 : this.termIdf(this.words, t);
  }

  /** In how many documents the key occurs (0 when unknown). */
  frequency(field: FieldName, key: string): number {
    const f = this[field];
    const t = f.terms.get(key);
    return t === undefined ? 0 : (f.offsets[t + 1] ?? 0) - (f.offsets[t] ?? 0);
  }

  /** True when some document contains the key in the word or skeleton field. */
  has(field: FieldName, key: string): boolean {
    const f = this[field];
    const t = f.terms.get(key);
    return t !== undefined && (f.offsets[t + 1] ?? 0) > (f.offsets[t] ?? 0);
  }

  /** Top documents by BM25 over both fields; `allow` restricts to some documents. */
  search(query: string, k: number, allow?: (doc: number) => boolean): LexicalHit[] {
    const keys = lexicalKeys(query, this.keys);
    // A reused dense accumulator + list of touched docs: no Map churn, and only the top k are
    // sorted. Search is synchronous, so one scratch buffer per index is safe.
    if (this.scratch.length !== this.size) this.scratch = new Float64Array(this.size);
    const scores = this.scratch;
    const touched: number[] = [];
    this.score(this.words, [...new Set(keys.words)], 1, scores, touched, allow);
    this.score(this.skeletons, [...new Set(keys.skeletons)], SKELETON_WEIGHT, scores, touched, allow);
    const best = new TopK(k);
    for (const doc of touched) best.push(doc, scores[doc] ?? 0);
    const top = best.results();
    for (const doc of touched) scores[doc] = 0;
    return top;
  }

  private termIdf(field: FieldIndex, t: number): number {
    const df = (field.offsets[t + 1] ?? 0) - (field.offsets[t] ?? 0);
    if (df === 0) return 0;
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  private score(field: FieldIndex, keys: string[], weight: number, into: Float64Array, touched: number[], allow?: (doc: number) => boolean): void {
    if (this.live === 0) return;
    const avg = field.totalLength / this.live || 1;
    const { postings, lengths } = field;
    for (const key of keys) {
      const t = field.terms.get(key);
      if (t === undefined) continue;
      const idf = this.termIdf(field, t) * weight;
      const end = field.offsets[t + 1] ?? 0;
      for (let i = field.offsets[t] ?? 0; i < end; i++) {
        const p = postings[i] ?? 0;
        const doc = p >>> 8;
        if (allow !== undefined && !allow(doc)) continue;
        const tf = p & 255;
        const len = lengths[doc] ?? 0;
        if (into[doc] === 0) touched.push(doc);
        into[doc] = (into[doc] ?? 0) + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
      }
    }
  }
}
