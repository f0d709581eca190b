/**
 * A fake of Anthropic's Messages API on 127.0.0.1 (`POST /v1/messages`, `GET /v1/models`) that
 * records every request and answers from a scripted handler — as JSON or as the real SSE event
 * sequence — so the unmodified `@langchain/anthropic` client can be tested offline, including tool
 * use, streaming, timeouts, 4xx/5xx and a wrong key.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface AnthropicToolView {
  name: string;
  description?: string;
  input_schema?: Record<string, unknown>;
}

/** The parts of a `POST /v1/messages` body tests look at. */
export interface MessagesRequestView {
  model: string;
  /** The system prompt as text (string or text blocks joined). */
  system: string;
  messages: { role: string; content: unknown }[];
  tools: AnthropicToolView[];
  tool_choice: unknown;
  stream: boolean;
}

/**
 * What a scripted handler may return: text for a normal reply, a tool call with its input, a raw
 * failure (status and body), or a delayed text reply.
 */
export type MessagesReply =
  | string
  | { tool: { input: object; name?: string } }
  | { status: number; body: string; delayMs?: number }
  | { delayMs: number; text: string };

export interface ModelInfo {
  id: string;
  display_name?: string;
}

export class FakeAnthropicServer {
  readonly requests: RecordedRequest[] = [];
  /** Decides the reply to each messages request; default: a short refusal. */
  messages: (req: MessagesRequestView) => MessagesReply = () => "The passages do not answer this.";
  /** What `GET /v1/models` lists. */
  models: ModelInfo[] = [{ id: "claude-test", display_name: "Claude Test" }];
  /** When set, requests whose `x-api-key` differs get HTTP 401 like the real API. */
  apiKey: string | null = null;
  /** Size of each streamed text / JSON piece. */
  chunkChars = 8;
  /** Pause between streamed events. */
  chunkDelayMs = 0;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeAnthropicServer> {
    let fake: FakeAnthropicServer | null = null;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => void fake?.handle(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    fake = new FakeAnthropicServer(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  /** The API root, as the Anthropic client expects it (without `/v1`). */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  messageRequests(): MessagesRequestView[] {
    return this.requests.filter((r) => r.method === "POST" && r.path.startsWith("/v1/messages")).map((r) => viewOf(r.body));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> {
    let body: Record<string, unknown> = {};
    try {
      body = raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
    } catch {
      body = {};
    }
    const path = req.url ?? "";
    const method = req.method ?? "GET";
    this.requests.push({ method, path, headers: req.headers, body });
    const send = (status: number, payload: string) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", "request-id": "req_fake" });
      res.end(payload);
    };
    if (this.apiKey !== null && req.headers["x-api-key"] !== this.apiKey) {
      return send(401, apiError("authentication_error", "invalid x-api-key"));
    }
    if (method === "GET" && path.split("?")[0] === "/v1/models") {
      const data = this.models.map((m) => ({ id: m.id, type: "model", display_name: m.display_name ?? m.id, created_at: "2025-01-01T00:00:00Z" }));
      return send(200, JSON.stringify({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }));
    }
    if (method !== "POST" || path.split("?")[0] !== "/v1/messages") return send(404, apiError("not_found_error", `Not found: ${path}`));
    const view = viewOf(body);
    const reply = this.messages(view);
    if (typeof reply === "object" && "delayMs" in reply && reply.delayMs !== undefined) await sleep(reply.delayMs);
    if (typeof reply === "object" && "status" in reply) return send(reply.status, reply.body);
    const block = contentOf(reply, view);
    if (!view.stream) {
      return send(
        200,
        JSON.stringify({
          id: "msg_fake",
          type: "message",
          role: "assistant",
          model: view.model,
          content: [block],
          stop_reason: block.type === "tool_use" ? "tool_use" : "end_turn",
          stop_sequence: null,
          usage: { input_tokens: 10, output_tokens: 5 },
        }),
      );
    }
    await this.stream(res, view, block);
  }

  private async stream(res: http.ServerResponse, view: MessagesRequestView, block: ContentBlock): Promise<void> {
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "request-id": "req_fake" });
    const event = async (type: string, data: Record<string, unknown>) => {
      if (res.destroyed) return;
      res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
      if (this.chunkDelayMs > 0) await sleep(this.chunkDelayMs);
    };
    const message = { id: "msg_fake", type: "message", role: "assistant", model: view.model, content: [], stop_reason: null, stop_sequence: null };
    await event("message_start", { message: { ...message, usage: { input_tokens: 10, output_tokens: 1 } } });
    if (block.type === "text") {
      await event("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
      await event("ping", {});
      for (const piece of pieces(block.text, this.chunkChars)) await event("content_block_delta", { index: 0, delta: { type: "text_delta", text: piece } });
    } else {
      await event("content_block_start", { index: 0, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } });
      await event("content_block_delta", { index: 0, delta: { type: "input_json_delta", partial_json: "" } });
      for (const piece of pieces(JSON.stringify(block.input), this.chunkChars)) {
        await event("content_block_delta", { index: 0, delta: { type: "input_json_delta", partial_json: piece } });
      }
    }
    await event("content_block_stop", { index: 0 });
    await event("message_delta", { delta: { stop_reason: block.type === "tool_use" ? "tool_use" : "end_turn", stop_sequence: null }, usage: { output_tokens: 5 } });
    await event("message_stop", {});
    if (!res.destroyed) res.end();
  }
}

type ContentBlock = { type: "text"; text: string } | { type: "tool_use"; id: string; name: string; input: object };

function contentOf(reply: Exclude<MessagesReply, { status: number }>, view: MessagesRequestView): ContentBlock {
  if (typeof reply === "string") return { type: "text", text: reply };
  if ("text" in reply) return { type: "text", text: reply.text };
  const choice = view.tool_choice as { name?: unknown } | undefined;
  const name = reply.tool.name ?? (typeof choice?.name === "string" ? choice.name : (view.tools[0]?.name ?? "tool"));
  return { type: "tool_use", id: "toolu_fake01", name, input: reply.tool.input };
}

function viewOf(body: Record<string, unknown>): MessagesRequestView {
  const system = body.system;
  const systemText =
    typeof system === "string"
      ? system
      : Array.isArray(system)
        ? (system as { text?: unknown }[]).map((b) => (typeof b.text === "string" ? b.text : "")).join("\n")
        : "";
  return {
    model: typeof body.model === "string" ? body.model : "",
    system: systemText,
    messages: (Array.isArray(body.messages) ? body.messages : []) as { role: string; content: unknown }[],
    tools: (Array.isArray(body.tools) ? body.tools : []) as AnthropicToolView[],
    tool_choice: body.tool_choice,
    stream: body.stream === true,
  };
}

/** An error body shaped like the real API's. */
export function apiError(type: string, message: string): string {
  return JSON.stringify({ type: "error", error: { type, message } });
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += Math.max(1, size)) out.push(text.slice(i, i + Math.max(1, size)));
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
