/**
 * Remote embeddings through LangChain's OpenAI-compatible client (hosted API or a local server).
 * The model id recorded in the index manifest names the model, so switching models forces a full
 * re-index instead of silently mixing vectors. Dimensions are learned from one probe call.
 */
import { OpenAIEmbeddings } from "@langchain/openai";
import type { Embedder } from "../core/embedder.js";
import { AppError } from "../core/errors.js";

export interface OpenAIEmbedderOptions {
  /** Base URL of an OpenAI-compatible server; null for the hosted OpenAI API. */
  baseUrl: string | null;
  /** Default "text-embedding-3-small". */
  model: string | null;
  apiKey: string | null;
  timeoutMs?: number;
}

export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const model = options.model ?? "text-embedding-3-small";
  const client = new OpenAIEmbeddings({
    model,
    apiKey: options.apiKey ?? "not-needed",
    maxRetries: 2,
    batchSize: 128,
    timeout: options.timeoutMs ?? 30_000,
    ...(options.baseUrl === null ? {} : { configuration: { baseURL: options.baseUrl } }),
  });
  let dimensions: number;
  try {
    dimensions = (await client.embedQuery("dimension probe")).length;
  } catch (error) {
    throw new AppError(
      "EMBEDDINGS_UNAVAILABLE",
      `The embeddings server${options.baseUrl === null ? "" : ` at ${options.baseUrl}`} did not answer (${error instanceof Error ? error.message : String(error)}). Check EMBEDDINGS_* in .env, or set EMBEDDINGS=local.`,
      { cause: error },
    );
  }
  if (dimensions === 0) throw new AppError("EMBEDDINGS_UNAVAILABLE", `The embeddings server returned empty vectors for model ${model}.`);
  return {
    modelId: `openai-compatible:${model}`,
    dimensions,
    // One text is a query (the client's query path); several are documents (batched).
    embed: async (texts) => (texts.length === 1 ? [await client.embedQuery(texts[0] ?? "")] : client.embedDocuments([...texts])),
  };
}
