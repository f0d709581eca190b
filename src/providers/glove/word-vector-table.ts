/**
 * A read-only word → vector table viewed directly over the cache file's bytes: no per-word objects,
 * no Map of 341k strings, so it loads in one file read and stays at the file's size in memory.
 */
import { GLOVE_CACHE_VERSION, hashWord, layoutOf, readHeader } from "./glove-cache-format.js";
import type { GloveCacheHeader } from "./glove-cache-format.js";

/** What sentence embedders need from a word-vector vocabulary. */
export interface WordVectorTable {
  readonly dimensions: number;
  /** Number of words. */
  readonly size: number;
  /** Index of the word in frequency order (0 = most frequent), or -1 when unknown. Exact match. */
  indexOf(word: string): number;
  /** 1-based frequency rank of the word (1 = most frequent), for frequency weighting; undefined when unknown. */
  rank(word: string): number | undefined;
  /** A fresh copy of the word's vector, or undefined when unknown. */
  get(word: string): Float32Array | undefined;
  /** The word at an index; for diagnostics. */
  wordAt(index: number): string;
  /** Adds `weight ×` the vector at `index` into `out` without allocating; the embedding hot path. */
  addTo(index: number, weight: number, out: Float32Array): void;
}

const encoder = new TextEncoder();

/** The table over a validated cache file. Construct it with {@link openWordVectorTable}. */
class QuantizedWordTable implements WordVectorTable {
  readonly dimensions: number;
  readonly size: number;
  private readonly mask: number;

  constructor(
    header: GloveCacheHeader,
    private readonly scales: Float32Array,
    private readonly offsets: Uint32Array,
    private readonly slots: Uint32Array,
    private readonly vectors: Int8Array,
    private readonly words: Uint8Array,
  ) {
    this.dimensions = header.dimensions;
    this.size = header.count;
    this.mask = header.slots - 1;
  }

  indexOf(word: string): number {
    if (word.length === 0) return -1;
    let slot = hashWord(word) & this.mask;
    let encoded: Uint8Array | undefined;
    // A valid table always has empty slots; the bound only guards against a damaged one.
    for (let probes = 0; probes <= this.mask; probes++) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) return -1;
      const index = entry - 1;
      const start = this.offsets[index] ?? 0;
      const end = this.offsets[index + 1] ?? 0;
      if (isAscii(word)) {
        if (this.equalsAscii(word, start, end)) return index;
      } else {
        encoded ??= encoder.encode(word);
        if (this.equalsBytes(encoded, start, end)) return index;
      }
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  rank(word: string): number | undefined {
    const index = this.indexOf(word);
    return index < 0 ? undefined : index + 1;
  }

  get(word: string): Float32Array | undefined {
    const index = this.indexOf(word);
    if (index < 0) return undefined;
    const out = new Float32Array(this.dimensions);
    this.addTo(index, 1, out);
    return out;
  }

  wordAt(index: number): string {
    if (index < 0 || index >= this.size) throw new RangeError(`word index ${index} out of range`);
    return Buffer.from(this.words.buffer, this.words.byteOffset, this.words.length).toString(
      "utf8",
      this.offsets[index],
      this.offsets[index + 1],
    );
  }

  addTo(index: number, weight: number, out: Float32Array): void {
    const dims = this.dimensions;
    const k = weight * (this.scales[index] ?? 0);
    const base = index * dims;
    const v = this.vectors;
    for (let d = 0; d < dims; d++) out[d] = (out[d] ?? 0) + k * (v[base + d] ?? 0);
  }

  private equalsAscii(word: string, start: number, end: number): boolean {
    if (end - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.words[start + i] !== word.charCodeAt(i)) return false;
    return true;
  }

  private equalsBytes(bytes: Uint8Array, start: number, end: number): boolean {
    if (end - start !== bytes.length) return false;
    for (let i = 0; i < bytes.length; i++) if (this.words[start + i] !== bytes[i]) return false;
    return true;
  }
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Views a cache file's bytes as a table. Returns why the bytes are unusable (wrong magic, version,
 * size, inconsistent offsets) instead of throwing, so the caller can rebuild.
 */
export function openWordVectorTable(
  file: Buffer,
): { table: WordVectorTable; header: GloveCacheHeader } | { invalid: string } {
  const header = readHeader(file);
  if ("invalid" in header) return header;
  if (header.version !== GLOVE_CACHE_VERSION) return { invalid: "version" };
  // Typed arrays need aligned starts; a pooled Buffer may not be, so copy it once if needed.
  const bytes = file.byteOffset % 4 === 0 ? file : Buffer.from(file);
  const at = layoutOf(header);
  const { buffer, byteOffset } = bytes;
  const offsets = new Uint32Array(buffer, byteOffset + at.offsets, header.count + 1);
  if (offsets[0] !== 0 || offsets[header.count] !== header.wordBytes) return { invalid: "inconsistent word offsets" };
  const table = new QuantizedWordTable(
    header,
    new Float32Array(buffer, byteOffset + at.scales, header.count),
    offsets,
    new Uint32Array(buffer, byteOffset + at.slots, header.slots),
    new Int8Array(buffer, byteOffset + at.vectors, header.count * header.dimensions),
    new Uint8Array(buffer, byteOffset + at.words, header.wordBytes),
  );
  return { table, header };
}
