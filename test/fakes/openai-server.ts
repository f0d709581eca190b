/**
 * A fake OpenAI-compatible server on 127.0.0.1 (`/v1/chat/completions`, `/v1/embeddings`) that
 * records every request and answers from scripted handlers, so the unmodified LangChain OpenAI
 * client can be tested offline, including timeouts, 5xx and garbage bodies.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface ChatRequestView {
  messages: { role: string; content: string }[];
  system: string;
  user: string;
}

/** What a scripted chat handler may return: text for a normal reply, or a raw failure. */
export type ChatReply = string | { status: number; body: string; delayMs?: number } | { delayMs: number; text: string };

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
    const path = req.url ?? "";
    this.requests.push({ path, headers: req.headers, body });
    const send = (status: number, payload: string) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(payload);
    };
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
    const reply = this.chat(viewOf(body));
    if (typeof reply === "object" && "delayMs" in reply && reply.delayMs !== undefined) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (typeof reply === "object" && "status" in reply) return send(reply.status, reply.body);
    const text = typeof reply === "string" ? reply : reply.text;
    send(
      200,
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }
}

function viewOf(body: Record<string, unknown>): ChatRequestView {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as { role: string; content: string }[];
  return {
    messages,
    system: messages.filter((m) => m.role === "system").map((m) => m.content).join("\n"),
    user: messages.filter((m) => m.role === "user").map((m) => m.content).join("\n"),
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
