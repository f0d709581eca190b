/** The exact float embedding rows of a loaded index (the service itself keeps only int8 directions). */
import { readVectors } from "../../src/index/read-index.js";
import type { LoadedIndex } from "../../src/index/loaded-index.js";

export async function floatRows(indexDir: string, index: LoadedIndex): Promise<(label: number) => Float32Array> {
  const vectors = await readVectors(indexDir, index.manifest);
  const d = index.manifest.model.dimensions;
  return (label) => vectors.subarray(label * d, (label + 1) * d);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}
