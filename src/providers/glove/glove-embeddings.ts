/**
 * The default, fully offline sentence embeddings: a SIF-weighted average of GloVe word vectors
 * (Arora et al., 2017) with the vocabulary's common direction removed. Every ingredient comes from
 * the word-vector file alone — word frequencies are estimated from the vocabulary's frequency rank
 * (Zipf), the common direction from the vocabulary itself — so a passage's vector never changes when
 * other articles are added or removed, and re-indexing can be incremental.
 */
import type { Embedder } from "../../core/embedder.js";
import type { Logger } from "../../core/logger.js";
import type { WordRarity } from "../../core/word-rarity.js";
import { ensureGloveTable } from "./glove-cache.js";
import type { WordVectorTable } from "./glove-cache.js";
import { tokenize } from "../../text/tokenize.js";

/**
 * Identifies the vectors this class produces. Part of every index manifest: bump the `sif-vN`
 * suffix whenever the weighting, tokenisation or post-processing changes, so old indexes are rebuilt.
 */
export const GLOVE_MODEL_ID = "glove-wink-sg-100d/sif-v1";

/**
 * SIF smoothing `a` in a/(a + p(w)). Measured on sanity pairs and a small question → sentence
 * retrieval set (a ∈ 1e-4…1e-2): 1e-3 with stopwords kept (the weights mute them) and the common
 * direction removed gave the widest related/unrelated margin and top-1 retrieval on 10 of 12.
 */
const SIF_A = 1e-3;
/** How many of the most frequent words define the common direction. */
const COMMON_DIRECTION_WORDS = 50_000;

export interface GloveEmbeddingsLoadOptions {
  /** Where the binary word-vector cache lives (config `cacheDir`, default `.cache`). */
  cacheDir: string;
  /** The wink JSON; defaults to the installed package. */
  sourcePath?: string;
  logger?: Logger;
}

/**
 * Core's `Embedder` (with a synchronous `embedText()` for hot paths) and `WordRarity` (the
 * vocabulary's frequency order) over the same word-vector table.
 */
export class GloveEmbeddings implements Embedder, WordRarity {
  readonly modelId = GLOVE_MODEL_ID;
  readonly dimensions: number;
  private readonly table: WordVectorTable;
  /** Zipf normaliser: p(rank r) = 1 / (r · H), H the harmonic number of the vocabulary size. */
  private readonly harmonic: number;
  /** Unit vector of the frequency-weighted vocabulary mean, projected out of every sentence. */
  private readonly common: Float32Array;

  constructor(table: WordVectorTable) {
    this.table = table;
    this.dimensions = table.dimensions;
    let harmonic = 0;
    for (let r = 1; r <= table.size; r++) harmonic += 1 / r;
    this.harmonic = harmonic;
    this.common = commonDirection(table, Math.min(COMMON_DIRECTION_WORDS, table.size));
  }

  /** Loads (building once if needed) the word-vector cache and wraps it. */
  static async load(options: GloveEmbeddingsLoadOptions): Promise<GloveEmbeddings> {
    return new GloveEmbeddings(await ensureGloveTable(options));
  }

  /** Unit-length sentence vector; all zeros when no word of the text is in the vocabulary. */
  embedText(text: string): Float32Array {
    const dims = this.dimensions;
    const out = new Float32Array(dims);
    let any = false;
    for (const { term } of tokenize(text)) {
      const index = this.lookup(term);
      if (index < 0) continue;
      const p = 1 / ((index + 1) * this.harmonic);
      this.table.addTo(index, SIF_A / (SIF_A + p), out);
      any = true;
    }
    if (!any) return out;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += (out[d] ?? 0) * (this.common[d] ?? 0);
    let norm = 0;
    for (let d = 0; d < dims; d++) {
      const v = (out[d] ?? 0) - dot * (this.common[d] ?? 0);
      out[d] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return out;
    for (let d = 0; d < dims; d++) out[d] = (out[d] ?? 0) / norm;
    return out;
  }

  /** Frequency rank of a word in general English (1 = most common), for judging how specific it is. */
  rank(term: string): number | undefined {
    const index = this.lookup(term);
    return index < 0 ? undefined : index + 1;
  }

  commonWords(count: number): string[] {
    const n = Math.min(count, this.table.size);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.table.wordAt(i));
    return out;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    return texts.map((text) => Array.from(this.embedText(text)));
  }

  /**
   * The vocabulary is lower case without apostrophes inside words (GloVe splits "don't" into
   * "do" + "n't"); the tokenizer already folds case and diacritics, so only apostrophes remain.
   */
  private lookup(term: string): number {
    const index = this.table.indexOf(term);
    if (index >= 0 || !term.includes("'")) return index;
    return this.table.indexOf(term.replace(/'/g, ""));
  }
}

/**
 * The direction every GloVe sentence average shares (frequent words dominate it). Computed from the
 * vocabulary only — the Zipf-weighted mean of the top words, which on this vocabulary is the first
 * principal direction (|cos| = 0.9998) — so it is corpus-independent and takes ~10 ms.
 */
function commonDirection(table: WordVectorTable, words: number): Float32Array {
  const mean = new Float32Array(table.dimensions);
  for (let i = 0; i < words; i++) table.addTo(i, 1 / (i + 1), mean);
  let norm = 0;
  for (const v of mean) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < mean.length; d++) mean[d] = (mean[d] ?? 0) / norm;
  return mean;
}
