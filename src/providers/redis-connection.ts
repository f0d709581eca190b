/**
 * The one Redis connection an instance shares between its stores (conversation memory, rate
 * limits, event claims, locks). Built to fail fast and never crash: commands are not queued while
 * disconnected (they reject at once, so the failover wrappers answer from this process instead),
 * reconnection goes on forever with a capped back-off, and an outage is logged once when it starts
 * and once when it ends. At start an unreachable Redis is a configuration error, reported with the
 * URL but never its password.
 */
import { Redis } from "ioredis";
import { AppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { redact } from "../text/redact-secrets.js";
import { credentialsOf, urlWithoutCredentials } from "../text/url-without-credentials.js";

export interface RedisConnectionOptions {
  /** REDIS_URL (`redis://` or `rediss://`, credentials allowed; they are never logged). */
  url: string;
  /** Prepended to every key (`key(name)`), so deployments can share one Redis. */
  prefix: string;
  logger: Logger;
  /** How long the start may wait for Redis to answer (default 5 s); reconnection is retried meanwhile. */
  connectTimeoutMs?: number;
  /** A command with no reply after this long rejects (default 2 s), so a hung server cannot stall answers. */
  commandTimeoutMs?: number;
}

/** Runs one Lua script (defined once per client, sent by SHA, re-sent when Redis lost its script cache). */
export type RedisScript = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

export interface RedisConnection {
  readonly client: Redis;
  /** `prefix + name`: every key this bot writes goes through here. */
  key(name: string): string;
  /** True while commands can be sent (status "ready"); the failover wrappers use this process's state otherwise. */
  readonly up: boolean;
  /** The URL without credentials, for messages. */
  readonly where: string;
  /** A Lua script by name (`name` must be unique per script; defining it again returns the same one). */
  script(name: string, lua: string, numberOfKeys: number): RedisScript;
  /** Quits (or disconnects when Redis is unreachable); no reconnection afterwards. */
  close(): Promise<void>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_COMMAND_TIMEOUT_MS = 2000;
const CLOSE_TIMEOUT_MS = 1000;
const SHARED = "memory, rate limits and event claims";

/** Reconnect delay after `attempt` failures: grows by 100 ms, capped at 2 s, forever. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * Math.max(1, attempt), 2000);
}

type ScriptCommand = (...args: (string | number)[]) => Promise<unknown>;

class IoredisConnection implements RedisConnection {
  readonly where: string;
  private readonly secrets: string[];
  private closing = false;
  /** Whether the connection was ever ready (losing it before that is the start's business). */
  private started = false;
  private lostAt: number | null = null;
  private lastError: string | null = null;

  constructor(
    readonly client: Redis,
    private readonly options: RedisConnectionOptions,
  ) {
    this.where = urlWithoutCredentials(options.url);
    this.secrets = credentialsOf(options.url);
    client.on("error", (error: unknown) => {
      this.lastError = this.safe(error instanceof Error ? error.message : String(error));
      if (this.started && !this.closing) options.logger.debug("Redis error", { where: this.where, error: this.lastError });
    });
    client.on("ready", () => this.onReady());
    client.on("close", () => this.onClose());
  }

  key(name: string): string {
    return this.options.prefix + name;
  }

  get up(): boolean {
    return this.client.status === "ready";
  }

  script(name: string, lua: string, numberOfKeys: number): RedisScript {
    const commands = this.client as unknown as Record<string, ScriptCommand | undefined>;
    if (typeof commands[name] !== "function") this.client.defineCommand(name, { lua, numberOfKeys });
    const command = commands[name];
    if (command === undefined) throw new Error(`Redis script ${name} could not be defined`);
    return (keys, args) => command.call(this.client, ...keys, ...args);
  }

  /** Resolves when ready, or rejects with a CONFIG_INVALID error after `timeoutMs`. */
  async start(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<boolean>((resolve) => this.client.once("ready", () => resolve(true)));
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    // connect() rejects at the first failed attempt; the retry strategy keeps trying until the timeout.
    this.client.connect().catch(() => undefined);
    const ok = await Promise.race([ready, timedOut]);
    clearTimeout(timer);
    if (ok) return;
    this.closing = true;
    this.client.disconnect();
    const reason = this.lastError ?? `no answer within ${timeoutMs} ms`;
    throw new AppError("CONFIG_INVALID", `Cannot reach Redis at ${this.where} (REDIS_URL): ${reason}`);
  }

  async close(): Promise<void> {
    this.closing = true;
    const { client } = this;
    const open = client.status === "connecting" || client.status === "connect" || client.status === "ready";
    // Between attempts there is no socket: disconnect() just cancels the next attempt.
    const ended = open ? new Promise<void>((resolve) => client.once("end", () => resolve())) : Promise.resolve();
    if (client.status === "ready") await client.quit().catch(() => client.disconnect());
    else client.disconnect();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
    await Promise.race([ended, late]);
    clearTimeout(timer);
    if (client.status !== "end") client.disconnect();
  }

  private onReady(): void {
    if (this.lostAt !== null && !this.closing) {
      this.options.logger.info(`Redis connection is back; ${SHARED} are shared again`, {
        where: this.where,
        downMs: Date.now() - this.lostAt,
      });
    }
    this.started = true;
    this.lostAt = null;
    this.lastError = null;
  }

  private onClose(): void {
    if (!this.started || this.closing || this.lostAt !== null) return;
    this.lostAt = Date.now();
    const reason = this.lastError ?? "the server closed the connection";
    this.options.logger.warn(`Redis connection lost (${reason}); ${SHARED} fall back to this process until it is back`, {
      where: this.where,
    });
  }

  private safe(text: string): string {
    return redact(text, this.secrets);
  }
}

/**
 * Connects to REDIS_URL, waiting at most `connectTimeoutMs` for it to answer. Rejects with
 * `AppError("CONFIG_INVALID")` naming the URL without credentials when it cannot.
 */
export async function connectRedis(options: RedisConnectionOptions): Promise<RedisConnection> {
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const client = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    retryStrategy: reconnectDelayMs,
  });
  const connection = new IoredisConnection(client, options);
  await connection.start(timeoutMs);
  return connection;
}
