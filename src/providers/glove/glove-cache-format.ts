/**
 * The binary layout of the word-vector cache, shared by the writer and the reader so the two can
 * never disagree. Everything is little-endian and laid out so that the typed-array sections start
 * on 4-byte boundaries and can be viewed in place, without copying, after one file read.
 *
 * ```
 * header   64 bytes   magic "DSGLOVE\0", version, dims, count, slots, wordBytes, crc32, sourceSize
 * scales   f32[count]         per-word dequantisation scale (vector = int8 × scale)
 * offsets  u32[count + 1]     byte offsets of each word in the word blob
 * slots    u32[slots]         open-addressing hash table: 0 = empty, else word index + 1
 * vectors  i8[count × dims]   quantised vectors, words in frequency order (index 0 = most frequent)
 * words    utf8[wordBytes]    the words, concatenated
 * ```
 */

export const GLOVE_CACHE_MAGIC = "DSGLOVE\0";
/** Bump when the layout or the quantisation changes; old caches are then rebuilt, never misread. */
export const GLOVE_CACHE_VERSION = 1;
export const HEADER_BYTES = 64;

export interface GloveCacheHeader {
  version: number;
  dimensions: number;
  count: number;
  slots: number;
  wordBytes: number;
  /** CRC-32 of everything after the header. */
  crc32: number;
  /** Byte size of the JSON the cache was built from; a different source forces a rebuild. */
  sourceSize: number;
}

export interface GloveCacheLayout {
  scales: number;
  offsets: number;
  slots: number;
  vectors: number;
  words: number;
  total: number;
}

/** Byte offsets of every section; the file must be exactly `total` bytes long. */
export function layoutOf(h: Pick<GloveCacheHeader, "dimensions" | "count" | "slots" | "wordBytes">): GloveCacheLayout {
  const scales = HEADER_BYTES;
  const offsets = scales + 4 * h.count;
  const slots = offsets + 4 * (h.count + 1);
  const vectors = slots + 4 * h.slots;
  const words = vectors + h.count * h.dimensions;
  return { scales, offsets, slots, vectors, words, total: words + h.wordBytes };
}

/** Hash-table size for `count` words: a power of two at most ~70 % full, so probes stay short. */
export function slotCountFor(count: number): number {
  let slots = 16;
  while (slots * 0.7 < count) slots *= 2;
  return slots;
}

/** FNV-1a over UTF-16 code units: lookups hash the JS string directly, without encoding it. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function writeHeader(target: Buffer, h: GloveCacheHeader): void {
  target.fill(0, 0, HEADER_BYTES);
  target.write(GLOVE_CACHE_MAGIC, 0, "latin1");
  target.writeUInt32LE(h.version, 8);
  target.writeUInt32LE(h.dimensions, 12);
  target.writeUInt32LE(h.count, 16);
  target.writeUInt32LE(h.slots, 20);
  target.writeUInt32LE(h.wordBytes, 24);
  target.writeUInt32LE(h.crc32 >>> 0, 28);
  target.writeDoubleLE(h.sourceSize, 32);
}

/** Reads and sanity-checks the header; returns why it is unusable instead of throwing. */
export function readHeader(file: Buffer): GloveCacheHeader | { invalid: string } {
  if (file.length < HEADER_BYTES) return { invalid: `truncated header (${file.length} bytes)` };
  if (file.toString("latin1", 0, 8) !== GLOVE_CACHE_MAGIC) return { invalid: "wrong magic" };
  const h: GloveCacheHeader = {
    version: file.readUInt32LE(8),
    dimensions: file.readUInt32LE(12),
    count: file.readUInt32LE(16),
    slots: file.readUInt32LE(20),
    wordBytes: file.readUInt32LE(24),
    crc32: file.readUInt32LE(28),
    sourceSize: file.readDoubleLE(32),
  };
  if (h.version !== GLOVE_CACHE_VERSION) return { invalid: `format version ${h.version}, expected ${GLOVE_CACHE_VERSION}` };
  if (h.dimensions === 0 || h.count === 0) return { invalid: "empty table" };
  if (h.slots <= h.count || (h.slots & (h.slots - 1)) !== 0) return { invalid: "bad hash table size" };
  const total = layoutOf(h).total;
  if (file.length !== total) return { invalid: `size ${file.length} bytes, expected ${total} (truncated or padded)` };
  return h;
}
