/**
 * A fake Discord on 127.0.0.1: the REST routes the bot calls and a JSON gateway (HELLO, IDENTIFY,
 * heartbeat ACK, READY, GUILD_CREATE, RESUME with replay, dispatches). The unmodified discord.js
 * client is pointed at it through `rest.api`, exactly as a REST proxy would be used in production.
 * Every request is recorded with its arrival time, so tests can assert on what the bot sent; bot
 * messages can be edited and deleted (channel messages and interaction responses, follow-ups
 * included), keep their `components`, and a button interaction's UPDATE_MESSAGE response edits the
 * message the button is on; any request can be made to fail (a 429 with `Retry-After`, a 404) with
 * `failNext`.
 *
 * Sharding as Discord does it: `GET /gateway/bot` recommends `shards`; each connection identifies
 * as `shard: [id, count]` and gets its own session; a guild's events (GUILD_CREATE at READY,
 * MESSAGE_CREATE, INTERACTION_CREATE) go only to the connections of shard
 * `(guild_id >> 22) % count`, DMs to shard 0. Two connections of the same shard (a rolling deploy)
 * both get its events.
 */
import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { rawGuild, rawUser, shardOfGuild, snowflake, type GuildLayout, type RawUser } from "./discord-payloads.js";

export interface FakeDiscordOptions {
  token: string;
  /** Close IDENTIFY with 4014 when the Message Content intent is requested (not enabled in the portal). */
  disallowMessageContent?: boolean;
  heartbeatIntervalMs?: number;
  guilds?: GuildLayout[];
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  shards?: number;
  /** `session_start_limit.max_concurrency`: shards that may identify at once (default 1). */
  maxConcurrency?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | null;
  authorization: string | undefined;
  /** `performance.now()` at arrival. */
  at: number;
  status: number;
}

interface FailureRule {
  match: (request: RecordedRequest) => boolean;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  remaining: number;
}

interface Session {
  id: string;
  /** `[shard id, shard count]` from IDENTIFY (`[0, 1]` when the client sent none). */
  shard: [number, number];
  seq: number;
  socket: WebSocket | null;
  /** Dispatches made while no socket was connected, replayed on RESUME. */
  missed: Array<{ t: string; d: unknown }>;
}

const MESSAGE_CONTENT_INTENT = 1 << 15;

export class FakeDiscord {
  readonly bot: RawUser = rawUser(snowflake(), "dossier", true);
  readonly applicationId = snowflake();
  readonly guilds: GuildLayout[];
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Array<{ intents: number; token: string; shard: [number, number] | null }> = [];
  readonly resumes: Array<{ session_id: string; seq: number }> = [];
  /** Close codes of gateway connections, whoever closed them. */
  readonly gatewayCloses: number[] = [];
  /** Messages the bot created, by id (channel messages, interaction responses, follow-ups). */
  readonly botMessages = new Map<string, Record<string, unknown>>();
  private readonly server = http.createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly changes = new EventEmitter();
  private readonly failures: FailureRule[] = [];
  private readonly interactions = new Map<string, { channelId: string; guildId: string | null; acked: boolean; originalId: string; messageId: string | null }>();
  /** Every gateway session ever identified (a closed one may still be resumed). */
  private readonly sessions: Session[] = [];
  private port = 0;

  constructor(private readonly options: FakeDiscordOptions) {
    this.guilds = options.guilds ?? [{ id: snowflake(), channelIds: [snowflake(), snowflake()], threads: [] }];
    this.changes.setMaxListeners(0);
    this.server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/gateway")) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The REST base to give discord.js (`rest.api`, i.e. `DISCORD_API_URL`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /**
   * Sends a dispatch to the sessions of the shard it belongs to (its guild's, or shard 0 for DMs);
   * returns `performance.now()` at sending (queued for replay on a session that is disconnected).
   */
  dispatch(t: string, d: unknown): number {
    if (this.sessions.length === 0) throw new Error("no gateway session");
    const guildId = guildIdOf(t, d);
    const at = performance.now();
    for (const session of this.sessions) {
      const [shardId, count] = session.shard;
      if (shardId === (guildId === null ? 0 : shardOfGuild(guildId, count))) this.send(session, t, d);
    }
    return at;
  }

  /** The `[id, count]` of every session identified so far, in order. */
  get shardsIdentified(): Array<[number, number]> {
    return this.sessions.map((s) => s.shard);
  }

  /** Closes the gateway connections (of one shard, or all) with a close code, as Discord does on restarts. */
  closeGateway(code: number, shardId?: number): void {
    for (const session of this.sessions) {
      if (shardId !== undefined && session.shard[0] !== shardId) continue;
      const socket = session.socket;
      session.socket = null;
      socket?.close(code, "fake gateway closed");
    }
  }

  /** Makes the next `times` matching requests fail with this status, headers and body. */
  failNext(match: (request: RecordedRequest) => boolean, failure: { status: number; headers?: Record<string, string>; body?: unknown; times?: number }): void {
    this.failures.push({ match, status: failure.status, headers: failure.headers ?? {}, body: failure.body ?? {}, remaining: failure.times ?? 1 });
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  async waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    return this.waitUntil(() => this.requests.find(match), timeoutMs, "request");
  }

  /** Resolves once `check` returns a value, re-checking on every request and gateway event. */
  async waitUntil<T>(check: () => T | undefined, timeoutMs = 10_000, what = "condition"): Promise<T> {
    const found = check();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join("\n  ");
        reject(new Error(`fake Discord: no ${what} within ${timeoutMs} ms; requests so far:\n  ${seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.changes.off("change", onChange);
      };
      this.changes.on("change", onChange);
    });
  }

  /** Registers an interaction so its callback and webhook routes are accepted (a component's, with the message it is on). */
  trackInteraction(raw: { id: string; token: string; channel_id?: unknown; guild_id?: unknown; message?: unknown }): void {
    const messageId = (raw.message as { id?: unknown } | undefined)?.id;
    this.interactions.set(raw.token, {
      channelId: String(raw.channel_id),
      guildId: typeof raw.guild_id === "string" ? raw.guild_id : null,
      acked: false,
      originalId: snowflake(),
      messageId: typeof messageId === "string" ? messageId : null,
    });
  }

  /** The message an interaction's response became (a slash command's answer), as it is now. */
  originalMessageOf(token: string): Record<string, unknown> | undefined {
    const interaction = this.interactions.get(token);
    return interaction === undefined ? undefined : this.botMessages.get(interaction.originalId);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
    this.changes.removeAllListeners();
  }

  // ---- gateway -------------------------------------------------------------------------------

  private onGateway(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } }));
    ws.on("close", (code) => {
      this.gatewayCloses.push(code);
      for (const session of this.sessions) if (session.socket === ws) session.socket = null;
      this.changes.emit("change");
    });
    ws.on("message", (data) => {
      let payload: { op: number; d: Record<string, unknown> | null };
      try {
        payload = JSON.parse(String(data)) as typeof payload;
      } catch {
        ws.close(4002, "decode error");
        return;
      }
      this.onGatewayPayload(ws, payload.op, payload.d ?? {});
      this.changes.emit("change");
    });
  }

  private onGatewayPayload(ws: WebSocket, op: number, d: Record<string, unknown>): void {
    if (op === 1) {
      ws.send(JSON.stringify({ op: 11 }));
    } else if (op === 2) {
      const shard = shardOfIdentify(d.shard);
      const identify = { intents: Number(d.intents), token: String(d.token), shard };
      this.identifies.push(identify);
      if (identify.token !== this.options.token) return void ws.close(4004, "Authentication failed.");
      const [shardId, count] = shard ?? [0, 1];
      if (!(count >= 1 && shardId >= 0 && shardId < count)) return void ws.close(4010, "Invalid shard.");
      if (this.options.disallowMessageContent === true && (identify.intents & MESSAGE_CONTENT_INTENT) !== 0) {
        return void ws.close(4014, "Disallowed intent(s).");
      }
      const session: Session = { id: snowflake(), shard: [shardId, count], seq: 0, socket: ws, missed: [] };
      this.sessions.push(session);
      const guilds = this.guilds.filter((g) => shardOfGuild(g.id, count) === shardId);
      this.send(session, "READY", {
        v: 10, user: this.bot, session_id: session.id, resume_gateway_url: this.gatewayUrl, shard: session.shard,
        application: { id: this.applicationId, flags: 0 }, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      });
      for (const guild of guilds) this.send(session, "GUILD_CREATE", rawGuild(guild, this.bot));
    } else if (op === 6) {
      this.resumes.push({ session_id: String(d.session_id), seq: Number(d.seq) });
      const session = this.sessions.find((s) => s.id === d.session_id);
      if (session === undefined || d.token !== this.options.token) {
        return void ws.send(JSON.stringify({ op: 9, d: false }));
      }
      session.socket = ws;
      const missed = session.missed.splice(0);
      for (const event of missed) this.send(session, event.t, event.d);
      this.send(session, "RESUMED", null);
    }
  }

  /** Sends one dispatch to one session (queued for replay when it is disconnected). */
  private send(session: Session, t: string, d: unknown): void {
    if (session.socket === null) {
      session.missed.push({ t, d });
      return;
    }
    session.seq += 1;
    session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  // ---- REST ----------------------------------------------------------------------------------

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ""),
      query: url.searchParams,
      body: text === "" ? null : (JSON.parse(text) as Record<string, unknown>),
      authorization: req.headers.authorization,
      at,
      status: 0,
    };
    const failure = this.failures.find((f) => f.remaining > 0 && f.match(request));
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    if (failure !== undefined) {
      failure.remaining -= 1;
      ({ status, body, headers } = failure);
    } else {
      ({ status, body } = this.route(request));
    }
    request.status = status;
    this.requests.push(request);
    res.writeHead(status, { ...(status === 204 ? {} : { "content-type": "application/json" }), ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(body));
    this.changes.emit("change");
  }

  private route(request: RecordedRequest): { status: number; body: unknown } {
    const { method, path } = request;
    const webhookRoute = path.startsWith("/webhooks/") || path.startsWith("/interactions/");
    if (!webhookRoute && request.authorization !== `Bot ${this.options.token}`) {
      return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    }
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      const limit = { total: 1000, remaining: 999, reset_after: 3_600_000, max_concurrency: this.options.maxConcurrency ?? 1 };
      return { status: 200, body: { url: this.gatewayUrl, shards: this.options.shards ?? 1, session_start_limit: limit } };
    }
    if (method === "PUT" && (m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const commands = Array.isArray(request.body) ? (request.body as Array<Record<string, unknown>>) : [];
      return {
        status: 200,
        body: commands.map((c) => ({ id: snowflake(), application_id: m?.[1], version: snowflake(), type: 1, options: [], default_member_permissions: null, nsfw: false, ...c, ...(m?.[2] ? { guild_id: m[2] } : {}) })),
      };
    }
    if (method === "POST" && (m = path.match(/^\/channels\/(\d+)\/typing$/))) return { status: 204, body: null };
    if (method === "POST" && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      return { status: 200, body: this.createBotMessage(m[1] ?? "", this.guildOf(m[1] ?? ""), request.body) };
    }
    if ((method === "PATCH" || method === "DELETE") && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = this.botMessages.get(m[2] ?? "");
      if (message === undefined || message.channel_id !== m[1]) return { status: 404, body: { message: "Unknown Message", code: 10008 } };
      if (method === "DELETE") {
        this.botMessages.delete(m[2] ?? "");
        return { status: 204, body: null };
      }
      return { status: 200, body: this.editBotMessage(message, request.body) };
    }
    if (method === "POST" && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const interaction = this.interactions.get(m[2] ?? "");
      if (interaction === undefined) return { status: 404, body: { message: "Unknown interaction", code: 10062 } };
      if (interaction.acked) return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
      interaction.acked = true;
      const data = (request.body?.data ?? {}) as Record<string, unknown>;
      if (request.body?.type === 7) {
        // UPDATE_MESSAGE: a component's interaction edits the message the component is on.
        const message = interaction.messageId === null ? undefined : this.botMessages.get(interaction.messageId);
        if (message !== undefined) this.editBotMessage(message, data);
        return { status: 204, body: null };
      }
      if (typeof data.content === "string") this.createBotMessage(interaction.channelId, interaction.guildId, data, interaction.originalId);
      return { status: 204, body: null };
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/))) {
      const interaction = this.interactions.get(m[2] ?? "");
      if (interaction === undefined || !interaction.acked || m[1] !== this.applicationId) {
        return { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
      }
      if (method === "PATCH" && m[3] === "@original") {
        return { status: 200, body: this.createBotMessage(interaction.channelId, interaction.guildId, request.body, interaction.originalId) };
      }
      if (method === "PATCH" && m[3] !== undefined) {
        const message = this.botMessages.get(m[3]);
        if (message === undefined) return { status: 404, body: { message: "Unknown Message", code: 10008 } };
        return { status: 200, body: this.editBotMessage(message, request.body) };
      }
      if (method === "DELETE" && m[3] === "@original") {
        this.botMessages.delete(interaction.originalId);
        return { status: 204, body: null };
      }
      if (method === "POST" && m[3] === undefined) {
        return { status: 200, body: this.createBotMessage(interaction.channelId, interaction.guildId, request.body) };
      }
    }
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  private guildOf(channelId: string): string | null {
    const guild = this.guilds.find((g) => g.channelIds.includes(channelId) || g.threads.some(([id]) => id === channelId));
    return guild?.id ?? null;
  }

  /** Applies a PATCH to a bot message, as Discord does: given fields replaced, `edited_timestamp` set. */
  private editBotMessage(message: Record<string, unknown>, body: Record<string, unknown> | null): Record<string, unknown> {
    if (typeof body?.content === "string") message.content = body.content;
    if (typeof body?.flags === "number") message.flags = body.flags;
    if (Array.isArray(body?.components)) message.components = body.components;
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  private createBotMessage(channelId: string, guildId: string | null, body: Record<string, unknown> | null, id = snowflake()): Record<string, unknown> {
    const reference = body?.message_reference as { message_id?: string } | undefined;
    const message = {
      id, channel_id: channelId, ...(guildId === null ? {} : { guild_id: guildId }), author: this.bot,
      content: typeof body?.content === "string" ? body.content : "", timestamp: new Date().toISOString(),
      edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [],
      embeds: [], components: Array.isArray(body?.components) ? body.components : [], pinned: false, flags: typeof body?.flags === "number" ? body.flags : 0,
      type: reference?.message_id === undefined ? 0 : 19,
      ...(reference?.message_id === undefined ? {} : { message_reference: { type: 0, message_id: reference.message_id, channel_id: channelId } }),
    };
    this.botMessages.set(id, message);
    return message;
  }
}

/** The guild a dispatch belongs to (its `guild_id`, or a GUILD_* event's own id); null for DMs. */
function guildIdOf(t: string, d: unknown): string | null {
  const data = (d ?? {}) as { guild_id?: unknown; id?: unknown };
  if (typeof data.guild_id === "string") return data.guild_id;
  if (t.startsWith("GUILD_") && typeof data.id === "string") return data.id;
  return null;
}

function shardOfIdentify(shard: unknown): [number, number] | null {
  if (!Array.isArray(shard) || shard.length !== 2) return null;
  return [Number(shard[0]), Number(shard[1])];
}
