/**
 * Core's `ChatModel` over LangChain's `ChatOpenAI`, pointed at any OpenAI-compatible server (hosted
 * API, Ollama, llama.cpp server, vLLM, LM Studio) through its base URL. No retries: a failed call
 * falls back to the extractive answer at once instead of keeping the user waiting. Failures come
 * back as `LLM_FAILED` errors carrying the status and message (never the request's headers).
 */
import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import type { ChatMessage, ChatModel } from "../core/chat-model.js";
import { AppError } from "../core/errors.js";

export interface OpenAIChatModelOptions {
  /** Base URL of an OpenAI-compatible server; null for the hosted OpenAI API. */
  baseUrl: string | null;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
  maxTokens: number;
  temperature: number;
}

/** A short reason for the log: status and message, never request headers (which hold the key). */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { status?: unknown }).status;
  const name = error.name === "Error" ? "" : `${error.name}: `;
  return `${status === undefined ? "" : `HTTP ${String(status)} `}${name}${error.message}`.slice(0, 300);
}

export function createOpenAIChatModel(options: OpenAIChatModelOptions): ChatModel {
  const chat = new ChatOpenAI({
    model: options.model,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    timeout: options.timeoutMs,
    maxRetries: 0,
    // Local servers need no key, but the client insists on one.
    apiKey: options.apiKey ?? "not-needed",
    ...(options.baseUrl === null ? {} : { configuration: { baseURL: options.baseUrl } }),
  });
  return {
    async invoke(messages: ChatMessage[], invokeOptions?: { signal?: AbortSignal }): Promise<string> {
      const lc = messages.map((m) =>
        m.role === "system" ? new SystemMessage(m.content) : m.role === "assistant" ? new AIMessage(m.content) : new HumanMessage(m.content),
      );
      let reply;
      try {
        reply = await chat.invoke(lc, invokeOptions?.signal === undefined ? {} : { signal: invokeOptions.signal });
      } catch (error) {
        throw new AppError("LLM_FAILED", "The language model did not answer.", { cause: error, message: describeFailure(error) });
      }
      if (typeof reply.content === "string") return reply.content;
      if (!Array.isArray(reply.content)) throw new AppError("LLM_FAILED", "The language model did not answer.", { message: "malformed reply from the model" });
      return reply.content.map((part) => (typeof part === "object" && part !== null && "text" in part ? String(part.text) : "")).join("");
    },
  };
}
