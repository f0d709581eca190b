/**
 * Remote embeddings through LangChain's OpenAI-compatible client (hosted API or a local server).
 * The model id recorded in the index manifest names the model, so switching models forces a full
 * re-index instead of silently mixing vectors. Dimensions are learned from one probe call.
 */
import { OpenAIEmbeddings } from "@langchain/openai";
import type { EmbeddingsConfig } from "../config.js";
import { AppError } from "../core/errors.js";
import type { Embedder } from "../core/embedder.js";

export async function createOpenAIEmbedder(config: EmbeddingsConfig & { timeoutMs?: number }): Promise<Embedder> {
  const model = config.model ?? "text-embedding-3-small";
  const client = new OpenAIEmbeddings({
    model,
    apiKey: config.apiKey ?? "not-needed",
    maxRetries: 2,
    batchSize: 128,
    timeout: config.timeoutMs ?? 30_000,
    ...(config.baseUrl === null ? {} : { configuration: { baseURL: config.baseUrl } }),
  });
  let dimensions: number;
  try {
    dimensions = (await client.embedQuery("dimension probe")).length;
  } catch (error) {
    throw new AppError(
      "EMBEDDINGS_UNAVAILABLE",
      `The embeddings server${config.baseUrl === null ? "" : ` at ${config.baseUrl}`} did not answer (${error instanceof Error ? error.message : String(error)}). Check EMBEDDINGS_* in .env, or set EMBEDDINGS=local.`,
      { cause: error },
    );
  }
  if (dimensions === 0) throw new AppError("EMBEDDINGS_UNAVAILABLE", `The embeddings server returned empty vectors for model ${model}.`);
  return {
    modelId: `openai-compatible:${model}`,
    dimensions,
    embedQuery: (text: string) => client.embedQuery(text),
    embedDocuments: (texts: string[]) => client.embedDocuments(texts),
  };
}
