/**
 * What the LLM answerer and the query rewriter need from a chat model: messages in, text or one
 * JSON object out, optionally streamed as it arrives. The providers (`providers/openai-chat-model.ts`,
 * `providers/anthropic-chat-model.ts`) adapt LangChain's clients to it; tests can pass anything.
 * Failures are `AppError`s with code `LLM_FAILED` whose message never holds the key or headers.
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatCallOptions {
  signal?: AbortSignal;
  /** Streams the reply: called with each piece of text as it arrives. */
  onText?: (delta: string) => void;
}

/** A JSON Schema (draft 7 subset: object, array, string, number, integer, boolean, enum, required). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** The one object a call must return: by tool calling where the server supports it, else as JSON in the reply. */
export interface ObjectRequest {
  /** Tool / object name, `snake_case`. */
  name: string;
  description: string;
  schema: JsonSchema;
}

export interface ObjectCallOptions {
  signal?: AbortSignal;
  /** Streams the object: called with the partial object parsed so far each time more of it arrives. */
  onPartial?: (partial: unknown) => void;
}

/** What every chat model provider is configured with (`LLM_*` in `.env`). */
export interface ChatServerOptions {
  /** Base URL of the server; null for the provider's hosted API. */
  baseUrl: string | null;
  /** The API key; null for local servers that need none. */
  apiKey: string | null;
  model: string;
  /** Deadline for a whole call, streaming included. */
  timeoutMs: number;
  maxTokens: number;
  temperature: number;
}

export interface ChatModel {
  invoke(messages: ChatMessage[], options?: ChatCallOptions): Promise<string>;
  /** The object the model returns for `request` (not validated against the schema: the caller checks what it uses). */
  invokeObject(messages: ChatMessage[], request: ObjectRequest, options?: ObjectCallOptions): Promise<unknown>;
  /**
   * Asks the server whether it is reachable and serves the configured model. Null when it does,
   * else one line a maintainer can act on (the URL without credentials, the HTTP status, the models
   * served) — never the key.
   */
  probe(options?: { signal?: AbortSignal }): Promise<string | null>;
}
