/**
 * A `ChatModel` over LangChain's `ChatOpenAI`, pointed at any OpenAI-compatible server (hosted
 * API, Ollama, llama.cpp server, vLLM, LM Studio) through its base URL. No retries: a failed
 * call falls back to the extractive answer at once instead of keeping the user waiting.
 */
import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import type { LlmConfig } from "../config.js";
import type { ChatMessage, ChatModel } from "../core/chat-model.js";

export function createOpenAIChatModel(config: LlmConfig): ChatModel {
  const chat = new ChatOpenAI({
    model: config.model,
    temperature: config.temperature,
    maxTokens: config.maxTokens,
    timeout: config.timeoutMs,
    maxRetries: 0,
    // Local servers need no key, but the client insists on one.
    apiKey: config.apiKey ?? "not-needed",
    ...(config.baseUrl === null ? {} : { configuration: { baseURL: config.baseUrl } }),
  });
  return {
    async invoke(messages: ChatMessage[], options?: { signal?: AbortSignal }): Promise<string> {
      const lc = messages.map((m) =>
        m.role === "system" ? new SystemMessage(m.content) : m.role === "assistant" ? new AIMessage(m.content) : new HumanMessage(m.content),
      );
      const reply = await chat.invoke(lc, options?.signal === undefined ? {} : { signal: options.signal });
      if (typeof reply.content === "string") return reply.content;
      if (!Array.isArray(reply.content)) throw new Error("malformed reply from the model");
      return reply.content.map((part) => (typeof part === "object" && part !== null && "text" in part ? String(part.text) : "")).join("");
    },
  };
}
