/**
 * A fake OpenAI-compatible server on 127.0.0.1 (`/v1/chat/completions` plain and streamed as SSE,
 * tool calls, `/v1/embeddings`, `GET /v1/models`) that records every request and answers from
 * scripted handlers, so the unmodified LangChain OpenAI client can be tested offline, including
 * timeouts, 5xx, garbage bodies, slow streams and a wrong key.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface ToolView {
  type: string;
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequestView {
  messages: { role: string; content: string }[];
  system: string;
  user: string;
  /** The request's `tools` (empty when it sent none). */
  tools: ToolView[];
  /** The request's `tool_choice`, or null. */
  toolChoice: unknown;
  /** True when the client asked for an SSE stream. */
  stream: boolean;
}

/**
 * What a scripted chat handler may return: text for a normal reply, a raw failure, delayed text, or
 * a call of the request's first tool with these arguments (an object is JSON-encoded).
 */
export type ChatReply =
  | string
  | { status: number; body: string; delayMs?: number }
  | { delayMs: number; text: string }
  | { tool: { arguments: object | string }; delayMs?: number };

export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  /** Decides the reply to each chat request; default echoes a refusal without citations. */
  chat: (req: ChatRequestView) => ChatReply = () => "The passages do not answer this.";
  /** Embeds one text; default: a deterministic bag-of-characters vector. */
  embed: (text: string) => number[] = (text) => {
    const v = new Array<number>(16).fill(0);
    for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % 16] = (v[ch.charCodeAt(0) % 16] ?? 0) + 1;
    return v;
  };

  /** Streamed replies are cut into pieces of this many characters. */
  chunkChars = 8;
  /** Pause between streamed pieces. */
  chunkDelayMs = 0;
  /** Pause between the stream's headers and its first piece (a model slow to start). */
  firstChunkDelayMs = 0;
  /** What `GET /v1/models` lists. */
  models: string[] = ["gpt-4o-mini"];
  /** When set, requests without `Bearer <apiKey>` get a 401 that echoes the key they sent, as some servers do. */
  apiKey: string | null = null;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeOpenAIServer> {
    let fake: FakeOpenAIServer | null = null;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => void fake?.handle(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    fake = new FakeOpenAIServer(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  chatRequests(): ChatRequestView[] {
    return this.requests.filter((r) => r.path.endsWith("/chat/completions")).map((r) => viewOf(r.body));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = {};
    }
    const path = (req.url ?? "").replace(/\?.*$/, "");
    this.requests.push({ path, headers: req.headers, body });
    const send = (status: number, payload: string) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(payload);
    };
    const sent = req.headers.authorization ?? "";
    if (this.apiKey !== null && sent !== `Bearer ${this.apiKey}`) {
      const message = `Incorrect API key provided: ${sent.replace(/^Bearer /, "")}.`;
      return send(401, JSON.stringify({ error: { message, type: "invalid_request_error", code: "invalid_api_key" } }));
    }
    if (req.method === "GET" && path.endsWith("/models")) {
      return send(200, JSON.stringify({ object: "list", data: this.models.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })) }));
    }
    if (path.endsWith("/embeddings")) {
      const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
      const data = input.map((text, index) => {
        const vector = this.embed(text);
        const embedding = body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
        return { object: "embedding", index, embedding };
      });
      send(200, JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
      return;
    }
    if (!path.endsWith("/chat/completions")) return send(404, JSON.stringify({ error: { message: "not found" } }));
    const view = viewOf(body);
    const reply = this.chat(view);
    if (typeof reply === "object" && "delayMs" in reply && reply.delayMs !== undefined) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (typeof reply === "object" && "status" in reply) return send(reply.status, reply.body);
    const tool =
      typeof reply === "object" && "tool" in reply
        ? {
            name: view.tools[0]?.function.name ?? "unnamed_tool",
            arguments: typeof reply.tool.arguments === "string" ? reply.tool.arguments : JSON.stringify(reply.tool.arguments),
          }
        : null;
    const text = typeof reply === "string" ? reply : "text" in reply ? reply.text : "";
    if (view.stream) return this.stream(res, body, tool === null ? { text } : { tool });
    const message =
      tool === null
        ? { role: "assistant", content: text }
        : { role: "assistant", content: null, tool_calls: [{ id: TOOL_CALL_ID, type: "function", function: tool }] };
    send(
      200,
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message, finish_reason: tool === null ? "stop" : "tool_calls" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }

  /** The reply as OpenAI streams it: `chat.completion.chunk` events, a finish chunk, usage if asked, `[DONE]`. */
  private async stream(
    res: http.ServerResponse,
    body: Record<string, unknown>,
    reply: { text: string } | { tool: { name: string; arguments: string } },
  ): Promise<void> {
    const created = Math.floor(Date.now() / 1000);
    const open = () => !res.destroyed && !res.writableEnded;
    const event = (payload: Record<string, unknown>) => {
      if (open()) res.write(`data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created, model: body.model, ...payload })}\n\n`);
    };
    const choice = (delta: Record<string, unknown>, finish: string | null) => event({ choices: [{ index: 0, delta, finish_reason: finish }] });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.flushHeaders();
    await sleep(this.firstChunkDelayMs);
    const pieces = piecesOf("tool" in reply ? reply.tool.arguments : reply.text, Math.max(1, this.chunkChars));
    if ("tool" in reply) {
      choice({ role: "assistant", content: null, tool_calls: [{ index: 0, id: TOOL_CALL_ID, type: "function", function: { name: reply.tool.name, arguments: "" } }] }, null);
    }
    for (const [i, piece] of pieces.entries()) {
      if (!open()) return;
      if (i > 0) await sleep(this.chunkDelayMs);
      if ("tool" in reply) choice({ tool_calls: [{ index: 0, function: { arguments: piece } }] }, null);
      else choice(i === 0 ? { role: "assistant", content: piece } : { content: piece }, null);
    }
    choice({}, "tool" in reply ? "tool_calls" : "stop");
    const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
    if (streamOptions?.include_usage === true) event({ choices: [], usage: { prompt_tokens: 1, completion_tokens: pieces.length, total_tokens: 1 + pieces.length } });
    if (open()) res.end("data: [DONE]\n\n");
  }
}

const TOOL_CALL_ID = "call_fake_1";

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** `text` cut into pieces of `size` code points (never splitting a surrogate pair); one empty piece for "". */
function piecesOf(text: string, size: number): string[] {
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let i = 0; i < points.length; i += size) pieces.push(points.slice(i, i + size).join(""));
  return pieces.length === 0 ? [""] : pieces;
}

function viewOf(body: Record<string, unknown>): ChatRequestView {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as { role: string; content: string }[];
  return {
    messages,
    system: messages.filter((m) => m.role === "system").map((m) => m.content).join("\n"),
    user: messages.filter((m) => m.role === "user").map((m) => m.content).join("\n"),
    tools: (Array.isArray(body.tools) ? body.tools : []) as ToolView[],
    toolChoice: body.tool_choice ?? null,
    stream: body.stream === true,
  };
}

/** The number of the passage in a prompt whose text contains `needle`. */
export function passageNumberWith(user: string, needle: string): number | null {
  for (const block of user.split(/\n\n(?=\[\d+\] )/)) {
    const m = /^\[(\d+)\] /m.exec(block.replace(/^[\s\S]*?<<<PASSAGES\n/, ""));
    if (m?.[1] !== undefined && block.includes(needle)) return Number(m[1]);
  }
  return null;
}
