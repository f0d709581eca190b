/**
 * What the index needs from an embedding model, in our own terms (no library types): its identity,
 * recorded in the manifest so vectors of two models are never mixed, and a batch `embed`.
 * Implementations live in `providers/` (local GloVe, OpenAI-compatible servers).
 */
export interface Embedder {
  /** Stable id of the model and weighting, e.g. "glove-wink-sg-100d/sif-v1". */
  readonly modelId: string;
  readonly dimensions: number;
  /** One vector of `dimensions` numbers per text, in order. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
}
