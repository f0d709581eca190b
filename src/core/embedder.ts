/**
 * What the index needs from an embedding model: LangChain's `EmbeddingsInterface` plus the
 * identity recorded in the manifest, so vectors from two different models are never mixed.
 */
import type { EmbeddingsInterface } from "@langchain/core/embeddings";

export interface Embedder extends EmbeddingsInterface {
  /** Stable id of the model and weighting, e.g. "glove-wink-sg-100d/sif-v1". */
  readonly modelId: string;
  readonly dimensions: number;
}
