/**
 * Core's `ChatModel` over LangChain's `ChatAnthropic` (Anthropic's Messages API, or a proxy that
 * speaks it). Objects come from one forced tool call, streamed so partial objects can be shown as
 * they arrive. No retries and one deadline per call: a failed call falls back to the extractive
 * answer at once. Failures are `LLM_FAILED` errors whose message has the status and a short reason,
 * never the key or headers. Everything is passed in (base URL, key): nothing here reads the
 * environment, and the client is kept from reading ANTHROPIC_* variables on its own.
 */
import { ChatAnthropic, type ChatAnthropicCallOptions } from "@langchain/anthropic";
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import { parseJsonMarkdown, parsePartialJson } from "@langchain/core/output_parsers";
import type { ChatCallOptions, ChatMessage, ChatModel, ChatServerOptions, ObjectCallOptions, ObjectRequest } from "../core/chat-model.js";
import { AppError } from "../core/errors.js";
import { redact } from "../text/redact-secrets.js";

/** `baseUrl` is the API root (a trailing `/v1` is dropped; null for https://api.anthropic.com); `apiKey` is sent as `x-api-key`. */
export type AnthropicChatModelOptions = ChatServerOptions;

/** Anthropic's hosted API, used when no base URL is configured. */
export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";
const ANTHROPIC_VERSION = "2023-06-01";
const PROBE_TIMEOUT_MS = 5000;
const USER_MESSAGE = "The language model did not answer.";

type AnthropicTool = Extract<ChatAnthropicCallOptions["tools"], unknown[]>[number];

/** A ChatModel answering through Anthropic's Messages API; see the file comment for the guarantees. */
export function createAnthropicChatModel(options: AnthropicChatModelOptions): ChatModel {
  const { root, basicAuth, secrets } = endpointOf(options.baseUrl);
  if (options.apiKey !== null) secrets.push(options.apiKey);
  const key = options.apiKey ?? "not-needed";
  const extraHeaders: Record<string, string> = basicAuth === null ? {} : { authorization: basicAuth };
  const chat = new ChatAnthropic({
    model: options.model,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    maxRetries: 0,
    apiKey: key,
    // Always explicit, so neither LangChain nor the SDK falls back to ANTHROPIC_BASE_URL / a gateway.
    anthropicApiUrl: root,
    clientOptions: { baseURL: root, timeout: options.timeoutMs, maxRetries: 0, authToken: null, defaultHeaders: extraHeaders },
  });

  /** Runs one call under the deadline and turns whatever fails into an `LLM_FAILED` error. */
  async function guarded<T>(signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const combined = signal === undefined ? deadline : AbortSignal.any([signal, deadline]);
    try {
      return await run(combined);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const reason = deadline.aborted
        ? `timed out after ${options.timeoutMs} ms`
        : signal?.aborted === true
          ? "aborted by the caller"
          : describeAnthropicFailure(error);
      throw new AppError("LLM_FAILED", USER_MESSAGE, { cause: error, message: redact(`Anthropic (${showUrl(root)}): ${reason}`, secrets) });
    }
  }

  return {
    invoke(messages: ChatMessage[], callOptions?: ChatCallOptions): Promise<string> {
      const onText = callOptions?.onText;
      return guarded(callOptions?.signal, async (signal) => {
        const input = toLangChain(messages);
        if (onText === undefined) return (await chat.invoke(input, { signal })).text;
        let text = "";
        for await (const chunk of await chat.stream(input, { signal })) {
          const piece = chunk.text;
          if (piece === "") continue;
          text += piece;
          onText(piece);
        }
        return text;
      });
    },

    invokeObject(messages: ChatMessage[], request: ObjectRequest, callOptions?: ObjectCallOptions): Promise<unknown> {
      const onPartial = callOptions?.onPartial;
      const tool = { name: request.name, description: request.description, input_schema: { ...request.schema, type: "object" } } as AnthropicTool;
      const bound = chat.bindTools([tool], { tool_choice: { type: "tool", name: request.name } });
      return guarded(callOptions?.signal, async (signal) => {
        let args = "";
        let text = "";
        let toolIndex: number | undefined;
        let sawTool = false;
        let lastPartial = "";
        for await (const chunk of await bound.stream(toLangChain(messages), { signal })) {
          text += chunk.text;
          for (const part of chunk.tool_call_chunks ?? []) {
            if (!sawTool && part.name !== undefined) {
              sawTool = true;
              toolIndex = part.index;
            }
            if (!sawTool || (part.index !== undefined && toolIndex !== undefined && part.index !== toolIndex)) continue;
            args += part.args ?? "";
          }
          if (onPartial === undefined || args === "") continue;
          const partial: unknown = parsePartialJson(args);
          const seen = isObject(partial) ? JSON.stringify(partial) : "";
          if (seen === "" || seen === lastPartial) continue;
          lastPartial = seen;
          onPartial(partial);
        }
        if (sawTool) return parseToolInput(args);
        const fromText: unknown = parseJsonMarkdown(text);
        if (isObject(fromText)) return fromText;
        throw new AppError("LLM_FAILED", USER_MESSAGE, { message: `Anthropic (${showUrl(root)}): the reply held neither a "${request.name}" tool call nor a JSON object` });
      });
    },

    async probe(probeOptions?: { signal?: AbortSignal }): Promise<string | null> {
      const url = `${root}/v1/models`;
      const shown = showUrl(url);
      const deadline = AbortSignal.timeout(Math.min(options.timeoutMs, PROBE_TIMEOUT_MS));
      const signal = probeOptions?.signal === undefined ? deadline : AbortSignal.any([probeOptions.signal, deadline]);
      const served: string[] = [];
      let query = "?limit=1000";
      for (let page = 0; page < 5; page += 1) {
        let response: Response;
        try {
          response = await fetch(url + query, { headers: { ...extraHeaders, "x-api-key": key, "anthropic-version": ANTHROPIC_VERSION }, signal });
        } catch (error) {
          const reason = deadline.aborted ? `timed out after ${Math.min(options.timeoutMs, PROBE_TIMEOUT_MS)} ms` : networkReason(error);
          return redact(`cannot reach ${shown}: ${reason}`, secrets);
        }
        const body = await response.text().catch(() => "");
        if (!response.ok) return redact(`${shown} answered HTTP ${response.status}: ${bodyReason(body, response.statusText)}`, secrets);
        const list = parseModelList(body);
        if (list === null) return `${shown} answered HTTP ${response.status} with something that is not a model list`;
        served.push(...list.ids);
        if (servesModel(served, options.model)) return null;
        if (!list.hasMore || list.lastId === null) break;
        query = `?limit=1000&after_id=${encodeURIComponent(list.lastId)}`;
      }
      if (served.length === 0) return null;
      const names = served.slice(0, 5).join(", ") + (served.length > 5 ? ", …" : "");
      return redact(`model "${options.model}" is not served by ${shown} (it serves: ${names})`, secrets);
    },
  };
}

/** A short reason for a failed client call: HTTP status, error type and message, or the network error code. */
export function describeAnthropicFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") {
    const body = (error as { error?: unknown }).error;
    const fromBody = body === undefined ? "" : bodyReason(JSON.stringify(body), "");
    return `HTTP ${status}: ${fromBody === "" ? error.message.replace(/^\d{3}\s*/, "") : fromBody}`.slice(0, 300);
  }
  const code = errorCode(error);
  if (code !== null) return `connection failed: ${code}`;
  if (/timed? ?out/i.test(error.message)) return "timed out";
  return `${error.name === "Error" ? "" : `${error.name}: `}${error.message}`.slice(0, 300);
}

/**
 * The API root the SDK appends `/v1/...` to, without credentials: fetch refuses URLs that hold them,
 * so `user:password@` becomes a Basic `authorization` header (and both are kept out of messages).
 */
function endpointOf(baseUrl: string | null): { root: string; basicAuth: string | null; secrets: string[] } {
  const trimmed = (baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL).trim().replace(/\/+$/, "").replace(/\/v1$/, "");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { root: trimmed, basicAuth: null, secrets: [] };
  }
  if (url.username === "" && url.password === "") return { root: trimmed, basicAuth: null, secrets: [] };
  const rawPassword = url.password;
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(rawPassword);
  const basicAuth = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  url.username = "";
  url.password = "";
  return { root: url.toString().replace(/\/+$/, ""), basicAuth, secrets: [rawPassword, password, basicAuth.slice(6)].filter((s) => s !== "") };
}

/** The URL without user, password, query or fragment, fit for a log line. */
function showUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return "the configured Anthropic URL";
  }
}

/** Anthropic wants the system prompt apart from the turns: every system message goes, joined, first. */
function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  const system = messages.filter((m) => m.role === "system").map((m) => m.content);
  const turns = messages.filter((m) => m.role !== "system").map((m) => (m.role === "assistant" ? new AIMessage(m.content) : new HumanMessage(m.content)));
  return system.length === 0 ? turns : [new SystemMessage(system.join("\n\n")), ...turns];
}

function parseToolInput(args: string): unknown {
  if (args.trim() === "") return {};
  try {
    return JSON.parse(args) as unknown;
  } catch {
    throw new AppError("LLM_FAILED", USER_MESSAGE, { message: "Anthropic: the tool call's input was not valid JSON" });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Served when listed, or when it is an alias (`claude-x`, `claude-x-latest`) of a listed dated id. */
function servesModel(ids: readonly string[], model: string): boolean {
  const alias = model.replace(/-latest$/, "");
  return ids.some((id) => id === model || id.startsWith(`${alias}-`));
}

function parseModelList(body: string): { ids: string[]; hasMore: boolean; lastId: string | null } | null {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; has_more?: unknown; last_id?: unknown };
    if (!Array.isArray(parsed.data)) return null;
    const ids = (parsed.data as { id?: unknown }[]).map((m) => m.id).filter((id): id is string => typeof id === "string");
    return { ids, hasMore: parsed.has_more === true, lastId: typeof parsed.last_id === "string" ? parsed.last_id : (ids.at(-1) ?? null) };
  } catch {
    return null;
  }
}

/** `type: message` from an Anthropic error body, else the start of the body, else the status text. */
function bodyReason(body: string, fallback: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { type?: unknown; message?: unknown }; type?: unknown; message?: unknown };
    const inner = parsed.error ?? parsed;
    const type = typeof inner.type === "string" && inner.type !== "error" ? `${inner.type}: ` : "";
    const message = typeof inner.message === "string" ? inner.message : "";
    if (type !== "" || message !== "") return `${type}${message}`.replace(/:\s*$/, "").slice(0, 200);
  } catch {
    // not JSON: fall through to the raw text
  }
  const text = body.replace(/\s+/g, " ").trim().slice(0, 120);
  return text === "" ? fallback || "no body" : text;
}

/** The first error code (ECONNREFUSED, ENOTFOUND, …) in an error's cause chain, else its message. */
function networkReason(error: unknown): string {
  const code = errorCode(error);
  if (code !== null) return code;
  const inner = (error as { cause?: unknown }).cause;
  const message = inner instanceof Error ? inner.message : error instanceof Error ? error.message : String(error);
  return message.slice(0, 200);
}

function errorCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    const errors = (e as { errors?: unknown }).errors;
    queue.push((e as { cause?: unknown }).cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return null;
}
