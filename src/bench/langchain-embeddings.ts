/**
 * Our `Embedder` seen as LangChain `Embeddings`, for the benchmark's LangChain HNSWLib baseline:
 * the baseline must embed questions with exactly the vectors dossier uses.
 */
import { Embeddings } from "@langchain/core/embeddings";
import type { Embedder } from "../core/embedder.js";

export class LangChainEmbeddings extends Embeddings {
  constructor(private readonly embedder: Embedder) {
    super({});
  }

  override embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedder.embed(texts);
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedder.embed([text]);
    return vector ?? [];
  }
}
