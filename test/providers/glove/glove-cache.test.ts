import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../../src/core/errors.js";
import { createLogger } from "../../../src/providers/console-logger.js";
import type { Logger } from "../../../src/core/logger.js";
import {
  GLOVE_CACHE_FILE,
  buildGloveCache,
  ensureGloveTable,
  loadGloveTable,
} from "../../../src/providers/glove/glove-cache.js";

const DIMS = 100;
/** Frequency order, as in the wink file; includes non-ASCII and Object.prototype names. */
const WORDS = ["the", "union", "workers", "café", "constructor", "__proto__", "labour", "zebra"];

function vectorOf(wordIndex: number): number[] {
  // Deterministic, varied magnitudes (including one large component) so quantisation is exercised.
  return Array.from({ length: DIMS }, (_, d) => {
    const x = Math.sin((wordIndex + 1) * 12.9898 + d * 78.233) * 43758.5453;
    return (x - Math.floor(x) - 0.5) * (d === wordIndex ? 8 : 1);
  });
}

function winkJson(words: string[]): string {
  // Built by hand: an object literal would turn a "__proto__" key into a prototype.
  const body = words
    .map((w, i) => {
      const v = vectorOf(i);
      const l2 = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      return `${JSON.stringify(w)}:${JSON.stringify([...v, l2, i])}`;
    })
    .join(",");
  const head = { precision: 8, l2NormIndex: DIMS, wordIndex: DIMS + 1, size: words.length, dimensions: DIMS, words };
  return `${JSON.stringify(head).slice(0, -1)},"vectors":{${body}},"unkVector":${JSON.stringify(new Array(DIMS).fill(0))}}`;
}

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level: "debug", write: (l) => lines.push(l) }), lines };
}

let dir: string;
let sourcePath: string;
let cachePath: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "glove-cache-"));
  sourcePath = path.join(dir, "vectors.json");
  cachePath = path.join(dir, "cache", GLOVE_CACHE_FILE);
  await writeFile(sourcePath, winkJson(WORDS));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("buildGloveCache / loadGloveTable", () => {
  it("round-trips every vector within quantisation error and keeps frequency ranks", async () => {
    const stats = await buildGloveCache({ sourcePath, cachePath });
    expect(stats).toMatchObject({ words: WORDS.length, dimensions: DIMS });
    expect((await stat(cachePath)).size).toBe(stats.bytes);

    const table = await loadGloveTable({ cachePath });
    expect(table.dimensions).toBe(DIMS);
    expect(table.size).toBe(WORDS.length);
    WORDS.forEach((word, i) => {
      const original = vectorOf(i);
      const maxAbs = Math.max(...original.map(Math.abs));
      const got = table.get(word);
      expect(got, word).toBeDefined();
      expect(got).toHaveLength(DIMS);
      for (let d = 0; d < DIMS; d++) {
        // int8 with scale max/127: error at most half a step (plus float32 rounding).
        expect(Math.abs((got?.[d] ?? NaN) - (original[d] ?? 0))).toBeLessThanOrEqual((maxAbs / 127) * 0.5 + 1e-6);
      }
      expect(table.rank(word)).toBe(i + 1);
      expect(table.indexOf(word)).toBe(i);
      expect(table.wordAt(i)).toBe(word);
    });
    for (const unknown of ["", "Union", "unions", "cafe", "toString", "hasOwnProperty"]) {
      expect(table.indexOf(unknown), unknown).toBe(-1);
      expect(table.rank(unknown)).toBeUndefined();
      expect(table.get(unknown)).toBeUndefined();
    }
  });

  it("addTo accumulates weight × vector without allocating a new array", async () => {
    await buildGloveCache({ sourcePath, cachePath });
    const table = await loadGloveTable({ cachePath });
    const out = new Float32Array(DIMS).fill(1);
    table.addTo(table.indexOf("labour"), 2, out);
    const v = table.get("labour") ?? new Float32Array(DIMS);
    for (let d = 0; d < DIMS; d++) expect(out[d]).toBeCloseTo(1 + 2 * (v[d] ?? 0), 5);
  });

  it("skips duplicate words and words without a vector, keeping the order of the rest", async () => {
    const text = winkJson(WORDS).replace('"words":["the",', '"words":["the","the","ghost",');
    await writeFile(sourcePath, text);
    await buildGloveCache({ sourcePath, cachePath });
    const table = await loadGloveTable({ cachePath });
    expect(table.size).toBe(WORDS.length);
    expect(table.rank("ghost")).toBeUndefined();
    expect(table.rank("union")).toBe(2);
  });

  it("leaves only the finished cache in the directory, even with two concurrent builders", async () => {
    await Promise.all([buildGloveCache({ sourcePath, cachePath }), buildGloveCache({ sourcePath, cachePath })]);
    expect(await readdir(path.dirname(cachePath))).toEqual([GLOVE_CACHE_FILE]);
    expect((await loadGloveTable({ cachePath })).rank("zebra")).toBe(WORDS.length);
  });

  it("fails with EMBEDDINGS_UNAVAILABLE on an unusable source and writes nothing", async () => {
    await writeFile(sourcePath, '{"dimensions":100,"words":["a"],"vectors":{"a":[1,2');
    await expect(buildGloveCache({ sourcePath, cachePath })).rejects.toMatchObject({ code: "EMBEDDINGS_UNAVAILABLE" });
    await writeFile(sourcePath, '{"words":[]}');
    await expect(buildGloveCache({ sourcePath, cachePath })).rejects.toBeInstanceOf(AppError);
    expect(await readdir(dir)).toEqual(["vectors.json"]);
  });
});

describe("detecting a damaged cache", () => {
  const damages: [string, (file: Buffer) => Buffer][] = [
    ["wrong magic", (f) => Buffer.concat([Buffer.from("NOTGLOVE"), f.subarray(8)])],
    ["another format version", (f) => (f.writeUInt32LE(99, 8), f)],
    ["truncated", (f) => f.subarray(0, f.length - 7)],
    ["a flipped byte", (f) => ((f[f.length - 3] = (f[f.length - 3] ?? 0) ^ 0xff), f)],
    ["an empty file", () => Buffer.alloc(0)],
  ];

  for (const [name, damage] of damages) {
    it(`rebuilds a cache with ${name} instead of misreading it`, async () => {
      await buildGloveCache({ sourcePath, cachePath });
      const good = await readFile(cachePath);
      await writeFile(cachePath, damage(Buffer.from(good)));

      await expect(loadGloveTable({ cachePath })).rejects.toMatchObject({ code: "EMBEDDINGS_UNAVAILABLE" });

      const { logger, lines } = capture();
      const table = await ensureGloveTable({ cacheDir: path.dirname(cachePath), sourcePath, logger });
      expect(lines.some((l) => l.includes("WARN") && l.includes("rebuilding"))).toBe(true);
      expect(lines.some((l) => l.includes("Building the word-vector cache once"))).toBe(true);
      expect(table.rank("labour")).toBe(WORDS.indexOf("labour") + 1);
      expect((await readFile(cachePath)).equals(good)).toBe(true);
    });
  }
});

describe("ensureGloveTable", () => {
  it("builds once, then loads the cache without rebuilding", async () => {
    const cacheDir = path.dirname(cachePath);
    const first = capture();
    const table = await ensureGloveTable({ cacheDir, sourcePath, logger: first.logger });
    expect(first.lines.filter((l) => l.includes("Building the word-vector cache once"))).toHaveLength(1);
    expect(table.size).toBe(WORDS.length);

    const again = capture();
    const [a, b] = await Promise.all([
      ensureGloveTable({ cacheDir, sourcePath, logger: again.logger }),
      ensureGloveTable({ cacheDir, sourcePath, logger: again.logger }),
    ]);
    expect(again.lines.filter((l) => l.includes("Building"))).toEqual([]);
    expect(a.size).toBe(table.size);
    expect(Array.from(b.get(WORDS[0] as string) ?? [])).toEqual(Array.from(table.get(WORDS[0] as string) ?? []));
  });

  it("rebuilds when the source file changes", async () => {
    const cacheDir = path.dirname(cachePath);
    await ensureGloveTable({ cacheDir, sourcePath });
    await writeFile(sourcePath, winkJson([...WORDS, "solidarity"]));
    // The cache file itself is intact; only the recorded source size reveals the change.
    const { logger, lines } = capture();
    const table = await ensureGloveTable({ cacheDir, sourcePath, logger });
    expect(lines.some((l) => l.includes("different word-vector file"))).toBe(true);
    expect(table.rank("solidarity")).toBe(WORDS.length + 1);
  });

  it("reports a missing source as EMBEDDINGS_UNAVAILABLE with a user-safe message", async () => {
    const error = await ensureGloveTable({ cacheDir: path.join(dir, "c2"), sourcePath: path.join(dir, "nope.json") }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("EMBEDDINGS_UNAVAILABLE");
    expect((error as AppError).userMessage).not.toContain(dir);
  });
});
