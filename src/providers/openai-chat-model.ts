/**
 * Core's `ChatModel` over LangChain's `ChatOpenAI`, pointed at any OpenAI-compatible server (hosted
 * API, Ollama, llama.cpp server, vLLM, LM Studio) through its base URL. No retries: a failed call
 * falls back to the extractive answer at once instead of keeping the user waiting. Failures come
 * back as `LLM_FAILED` errors carrying the status and reason (never the request's headers or key).
 */
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import { parseJsonMarkdown, parsePartialJson } from "@langchain/core/output_parsers";
import { ChatOpenAI } from "@langchain/openai";
import type { ChatCallOptions, ChatMessage, ChatModel, ChatServerOptions, ObjectCallOptions, ObjectRequest } from "../core/chat-model.js";
import { AppError } from "../core/errors.js";

export interface OpenAIChatModelOptions extends ChatServerOptions {
  /**
   * How `invokeObject` gets its object: "tools" (default) forces one tool call, the reliable way on
   * servers with tool calling; "json" asks for a JSON object in the reply text, for servers without it.
   */
  structured?: "tools" | "json";
}

const DEFAULT_BASE_URL = "https://api.openai.com/v1";
const USER_MESSAGE = "The language model did not answer.";
const PROBE_TIMEOUT_MS = 5_000;

/** A short reason for the log: status and message, never request headers, and never `secret` (the key). */
export function describeFailure(error: unknown, secret: string | null = null): string {
  let text: string;
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    const name = error.name === "Error" ? "" : `${error.name}: `;
    // The OpenAI client's messages already start with the status ("500 …"): say it once.
    const message = typeof status === "number" ? error.message.replace(new RegExp(`^${status}\\b\\s*`), "") : error.message;
    text = `${status === undefined ? "" : `HTTP ${String(status)}: `}${name}${message}`;
  } else {
    text = String(error);
  }
  // LangChain appends a troubleshooting link to some messages; the log needs one line.
  text = text.replace(/Troubleshooting URL:\s*\S+/g, "").replace(/\s+/g, " ").trim();
  return redact(text, secret).slice(0, 300);
}

/** Builds the model; nothing is sent until the first call (use `probe()` to check the server at start-up). */
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
  // The client's own timeout stops at the response headers; a stream that stalls after them needs a deadline too.
  const guarded = async <T, O extends { signal?: AbortSignal }>(callOptions: O, work: (withDeadline: O) => Promise<T>): Promise<T> => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = callOptions.signal === undefined ? deadline : AbortSignal.any([callOptions.signal, deadline]);
    try {
      return await work({ ...callOptions, signal });
    } catch (error) {
      if (error instanceof AppError) throw error;
      const timedOut = deadline.aborted && callOptions.signal?.aborted !== true;
      const message = timedOut ? `TimeoutError: no complete reply within ${options.timeoutMs} ms` : describeFailure(error, options.apiKey);
      throw new AppError("LLM_FAILED", USER_MESSAGE, { cause: error, message });
    }
  };
  const objectBy = options.structured === "json" ? objectFromText : objectFromTool;
  return {
    invoke: (messages, callOptions = {}) => guarded(callOptions, (o) => streamText(chat, toLangChain(messages), o)),
    invokeObject: (messages, request, callOptions = {}) => guarded(callOptions, (o) => objectBy(chat, messages, request, o)),
    probe: (probeOptions = {}) => probeServer(options, probeOptions.signal),
  };
}

type Chat = Pick<ChatOpenAI, "invoke" | "stream">;

/** The reply's text, streamed to `onText` piece by piece when it is given. */
async function streamText(chat: Chat, messages: BaseMessage[], options: ChatCallOptions): Promise<string> {
  const call = signalOption(options.signal);
  if (options.onText === undefined) return (await chat.invoke(messages, call)).text;
  let text = "";
  for await (const chunk of await chat.stream(messages, call)) {
    const delta = chunk.text;
    if (delta === "") continue;
    text += delta;
    options.onText(delta);
  }
  options.signal?.throwIfAborted();
  return text;
}

/** Tool calling: one tool whose parameters are the schema, forced by `tool_choice`. */
async function objectFromTool(chat: ChatOpenAI, messages: ChatMessage[], request: ObjectRequest, options: ObjectCallOptions): Promise<unknown> {
  const bound = chat.bindTools(
    [{ type: "function", function: { name: request.name, description: request.description, parameters: { ...request.schema } } }],
    { tool_choice: { type: "function", function: { name: request.name } } },
  );
  // Always streamed, so a stalled stream meets the same deadline whether or not the caller shows drafts.
  const partials = partialReporter(options.onPartial);
  let args = "";
  let toolIndex: number | undefined;
  let text = "";
  for await (const chunk of await bound.stream(toLangChain(messages), signalOption(options.signal))) {
    for (const part of chunk.tool_call_chunks ?? []) {
      toolIndex ??= part.index ?? 0;
      if ((part.index ?? 0) === toolIndex) args += part.args ?? "";
    }
    text += chunk.text;
    // Servers that ignore tools write the object as text instead; stream that the same way.
    partials(() => objectIn(toolIndex === undefined ? text : args, parsePartialJson));
  }
  options.signal?.throwIfAborted();
  return toolIndex === undefined ? objectOrFail(text) : objectOrFail(args);
}

/** No tool calling: the schema goes into the system message and the object comes back as text. */
async function objectFromText(chat: Chat, messages: ChatMessage[], request: ObjectRequest, options: ObjectCallOptions): Promise<unknown> {
  const instruction =
    `Reply with one JSON object only (no other text), the "${request.name}" object: ${request.description}\n` +
    `It must match this JSON Schema:\n${JSON.stringify(request.schema)}`;
  const lc = toLangChain(withSystemInstruction(messages, instruction));
  const partials = partialReporter(options.onPartial);
  const text = await streamText(chat, lc, {
    ...signalOption(options.signal),
    onText: textSoFar((sofar) => partials(() => objectIn(sofar, parsePartialJson))),
  });
  return objectOrFail(text);
}

/** Calls `onPartial` with each new parsed state, skipping chunks that changed nothing (and parsing nothing without it). */
function partialReporter(onPartial: ((partial: unknown) => void) | undefined): (parse: () => object | null) => void {
  let last = "";
  return (parse) => {
    if (onPartial === undefined) return;
    const partial = parse();
    if (partial === null) return;
    const key = JSON.stringify(partial);
    if (key === last) return;
    last = key;
    onPartial(partial);
  };
}

function textSoFar(onText: (sofar: string) => void): (delta: string) => void {
  let sofar = "";
  return (delta) => {
    sofar += delta;
    onText(sofar);
  };
}

function strictJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The JSON object in a reply: bare, in a ```json fence, or after (and before) a line of prose. */
function objectIn(text: string, parse: (s: string) => unknown): object | null {
  const whole = asObject(parseJsonMarkdown(text, parse));
  if (whole !== null) return whole;
  const start = text.indexOf("{");
  if (start < 0) return null;
  return asObject(parse(text.slice(start, text.lastIndexOf("}") + 1))) ?? asObject(parse(text.slice(start)));
}

function asObject(value: unknown): object | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}

function objectOrFail(text: string): object {
  const object = objectIn(text, strictJson);
  if (object === null) throw new AppError("LLM_FAILED", USER_MESSAGE, { message: "the model returned no JSON object" });
  return object;
}

function withSystemInstruction(messages: ChatMessage[], instruction: string): ChatMessage[] {
  const first = messages.findIndex((m) => m.role === "system");
  if (first < 0) return [{ role: "system", content: instruction }, ...messages];
  return messages.map((m, i) => (i === first ? { role: "system", content: `${m.content}\n\n${instruction}` } : m));
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) =>
    m.role === "system" ? new SystemMessage(m.content) : m.role === "assistant" ? new AIMessage(m.content) : new HumanMessage(m.content),
  );
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

function redact(text: string, secret: string | null): string {
  return secret === null || secret === "" ? text : text.split(secret).join("[key]");
}

/** `GET <base>/models`: reachable, authorised, and serving the configured model? */
async function probeServer(options: OpenAIChatModelOptions, signal: AbortSignal | undefined): Promise<string | null> {
  const shown = displayUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  if (shown === null) return `the LLM base URL is not a valid URL`;
  const timeoutMs = Math.max(1, Math.min(options.timeoutMs, PROBE_TIMEOUT_MS));
  const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal === undefined ? [] : [signal])]);
  const headers: Record<string, string> = options.apiKey === null ? {} : { authorization: `Bearer ${options.apiKey}` };
  let status: number;
  let body: unknown;
  try {
    const response = await fetch(`${shown}/models`, { headers, signal: deadline });
    status = response.status;
    // Servers may echo the key back in an error ("Incorrect API key provided: …").
    const raw = redact(await response.text(), options.apiKey);
    body = strictJson(raw) ?? raw;
  } catch (error) {
    return `cannot reach ${shown}: ${unreachableReason(error, timeoutMs, options.apiKey)}`;
  }
  if (status < 200 || status > 299) return `${shown} answered HTTP ${status}: ${shortReason(body)}`;
  const data = (body as { data?: unknown } | null)?.data;
  const ids = Array.isArray(data) ? data.map((m) => (m as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === "string") : [];
  // Ollama lists "llama3:latest" for a model it also answers to as "llama3".
  if (ids.length === 0 || ids.includes(options.model) || ids.includes(`${options.model}:latest`)) return null;
  const served = `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? `, … (${ids.length} in all)` : ""}`;
  return redact(`model "${options.model}" is not served by ${shown} (it serves: ${served})`, options.apiKey);
}

/** The URL without user:password, query or trailing slash; null when it does not parse. */
function displayUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  url.username = "";
  url.password = "";
  url.search = "";
  url.hash = "";
  return url.href.replace(/\/+$/, "");
}

function unreachableReason(error: unknown, timeoutMs: number, secret: string | null): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  if (error instanceof Error && error.name === "AbortError") return "the check was cancelled";
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === "string") return cause.code;
  const message = typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error);
  return redact(message, secret).slice(0, 120);
}

function shortReason(body: unknown): string {
  const error = (body as { error?: unknown } | null)?.error;
  const message = typeof error === "string" ? error : (error as { message?: unknown } | null | undefined)?.message;
  const text = typeof message === "string" ? message : typeof body === "string" ? body : JSON.stringify(body);
  const line = text.replace(/\s+/g, " ").trim();
  return line === "" ? "(no body)" : line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
