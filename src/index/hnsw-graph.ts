/**
 * The HNSW graph of a generation, built with hnswlib-node directly (cosine, M 16, efConstruction
 * 200: LangChain HNSWLib's defaults). A re-index updates the previous graph — marks removed
 * chunks deleted and inserts the new ones — instead of inserting every chunk again.
 */
import hnswlib from "hnswlib-node";

const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 100;

function row(vectors: Float32Array, dims: number, label: number): number[] {
  return Array.from(vectors.subarray(label * dims, (label + 1) * dims));
}

/** A new graph over labels `0 … labels-1`; holes are inserted and marked deleted, so every label exists. */
export function buildGraph(vectors: Float32Array, dims: number, labels: number, isHole: (label: number) => boolean = () => false): hnswlib.HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW("cosine", dims);
  graph.initIndex(Math.max(1, labels), M, EF_CONSTRUCTION, SEED);
  for (let label = 0; label < labels; label++) graph.addPoint(row(vectors, dims, label), label);
  for (let label = 0; label < labels; label++) if (isHole(label)) graph.markDelete(label);
  return graph;
}

/** The previous graph with `removed` labels marked deleted and `added` labels inserted. */
export async function updateGraph(options: {
  previousFile: string;
  dims: number;
  vectors: Float32Array;
  removed: readonly number[];
  added: readonly number[];
  labels: number;
}): Promise<hnswlib.HierarchicalNSW> {
  const graph = new hnswlib.HierarchicalNSW("cosine", options.dims);
  await graph.readIndex(options.previousFile);
  for (const label of options.removed) graph.markDelete(label);
  if (graph.getMaxElements() < options.labels) graph.resizeIndex(Math.max(options.labels, Math.ceil(graph.getMaxElements() * 1.25)));
  for (const label of options.added) graph.addPoint(row(options.vectors, options.dims, label), label);
  return graph;
}
