/**
 * The only reader of the environment. Loads `.env` (dotenv), validates every variable at once and
 * reports all problems in one error, so a maintainer fixes their `.env` in one go.
 */
import os from "node:os";
import path from "node:path";
import dotenv from "dotenv";
import type { DiscordConfig } from "./adapters/discord/discord-config.js";
import type { TelegramConfig } from "./adapters/telegram/telegram-config.js";
import type { ChatServerOptions } from "./core/chat-model.js";
import { AppError } from "./core/errors.js";
import type { OpenAIEmbedderOptions } from "./providers/openai-embedder.js";
import { credentialsOf } from "./text/url-without-credentials.js";
import { webhookSecretOf } from "./adapters/telegram/webhook-secret.js";

export type AnswerMode = "extractive" | "llm";
export type EmbeddingsKind = "local" | "openai";
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export type { TelegramConfig } from "./adapters/telegram/telegram-config.js";
export type { DiscordConfig } from "./adapters/discord/discord-config.js";

export type LlmProvider = "openai" | "anthropic";

/** The language model (ANSWER_MODE=llm): which provider, and its options. */
export interface LlmConfig extends ChatServerOptions {
  /** `openai`: any OpenAI-compatible server (OpenAI, Ollama, llama.cpp server, vLLM, LM Studio); `anthropic`: the Messages API. */
  provider: LlmProvider;
  /** How the answer object is asked for: tool calling, or JSON in the reply (servers without tools). */
  structured: "tools" | "json";
}

export interface EmbeddingsConfig extends OpenAIEmbedderOptions {
  kind: EmbeddingsKind;
  /** The embeddings understand other languages: retrieval also searches with the question as asked. */
  multilingual: boolean;
}

export interface Config {
  dataDir: string;
  indexDir: string;
  cacheDir: string;
  logLevel: LogLevel;
  maxQuestionLength: number;
  rateLimit: { max: number; windowMs: number };
  memory: { turns: number; ttlMs: number };
  answerMode: AnswerMode;
  llm: LlmConfig;
  embeddings: EmbeddingsConfig;
  telegram: TelegramConfig | null;
  discord: DiscordConfig | null;
  /** RSS / Atom feeds that `npm run feeds` (and, with an interval, the running bot) takes new articles from. */
  feeds: FeedsConfig;
  /** The question log (SQLite): questions, answers' outcome, votes — for the content-gap report. */
  questionLog: QuestionLogConfig;
  /** How long 👍 / 👎 buttons stay under an answer in a group (private chats keep them); null: forever. */
  feedbackTtlMs: number | null;
  /** The optional HTTP endpoint: /healthz, /readyz, /metrics. */
  http: HttpConfig;
  /** Fetching article pages by URL (`npm run add`, feeds). */
  fetch: FetchConfig;
  /** What several instances share: Redis (memory, limits, claims, locks) and PostgreSQL (the question log). */
  shared: SharedConfig;
}

export interface SharedConfig {
  /** REDIS_URL: conversation memory, rate limits, event claims and locks shared by every instance; null: in-process. */
  redisUrl: string | null;
  /** Prefix of every Redis key, so deployments (or bots) can share one Redis. */
  redisPrefix: string;
  /** DATABASE_URL: the question log and votes in PostgreSQL instead of the SQLite file; null: SQLite. */
  databaseUrl: string | null;
  /** How long a dead instance's leases (the polling lock, an event being answered, the index writer) outlive it. */
  leaseMs: number;
  /** This instance's name in logs and lock values (INSTANCE_ID; default host name and pid). */
  instanceId: string;
}

export interface FeedSource {
  url: string;
  /** Only items whose title or summary contains one of these words (case-insensitive); empty: every item. */
  keywords: string[];
}

export interface FeedsConfig {
  sources: FeedSource[];
  /** The running bot fetches the feeds every this many minutes; null: only `npm run feeds`. */
  intervalMinutes: number | null;
}

export interface QuestionLogConfig {
  enabled: boolean;
  /** The SQLite file. */
  path: string;
  /** Rows older than this many days are deleted. */
  retentionDays: number;
}

export interface HttpConfig {
  /** Null: no HTTP endpoint (unless the Telegram webhook runs one, which then serves these routes too). */
  port: number | null;
  host: string;
}

export interface FetchConfig {
  timeoutMs: number;
  /** Largest page accepted. */
  maxBytes: number;
  userAgent: string;
}

export interface LoadConfigOptions {
  /** Variables to read; defaults to `process.env` after loading `.env`. */
  env?: Record<string, string | undefined>;
  /** Project root that relative directories resolve against. */
  cwd?: string;
}

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Record<string, string | undefined>) {}

  str(name: string): string | null {
    const v = this.env[name]?.trim();
    return v === undefined || v === "" ? null : v;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.str(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  num(name: string, fallback: number, min: number, max: number): number {
    const raw = this.str(name);
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) {
      this.problems.push(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.str(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (["1", "true", "yes", "on"].includes(raw)) return true;
    if (["0", "false", "no", "off"].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.str(name);
    if (raw === null) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${values.join(", ")} (got "${raw}")`);
    return fallback;
  }

  url(name: string): string | null {
    const raw = this.str(name);
    if (raw === null) return null;
    try {
      const u = new URL(raw);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
      return raw.replace(/\/+$/, "");
    } catch {
      this.problems.push(`${name} must be an http(s) URL (got "${raw}")`);
      return null;
    }
  }

  /** A server URL with one of `protocols` (e.g. `redis:`), kept as given (credentials included; never logged as is). */
  serverUrl(name: string, protocols: readonly string[]): string | null {
    const raw = this.str(name);
    if (raw === null) return null;
    try {
      if (!protocols.includes(new URL(raw).protocol)) throw new Error("protocol");
      return raw;
    } catch {
      this.problems.push(`${name} must be a ${protocols.map((p) => `${p}//`).join(" or ")} URL`);
      return null;
    }
  }

  /** DISCORD_SHARD_COUNT: a whole number, or `auto` (Discord's recommendation from /gateway/bot); null when unset. */
  shardCount(name: string): number | "auto" | null {
    const raw = this.str(name);
    if (raw === null) return null;
    if (raw.toLowerCase() === "auto") return "auto";
    return this.int(name, 1, 1, 100_000);
  }

  /** DISCORD_SHARD_IDS: `0,2,5` or ranges `0-3`; null when unset (every shard). */
  shardIds(name: string): number[] | null {
    const raw = this.str(name);
    if (raw === null) return null;
    const ids = new Set<number>();
    for (const part of raw.split(/[\s,]+/).filter(Boolean)) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      const from = Number(m?.[1]);
      const to = m?.[2] === undefined ? from : Number(m[2]);
      if (m === null || to < from || to - from > 100_000) {
        this.problems.push(`${name} must list shard numbers or ranges, e.g. "0,1" or "0-3" (bad: "${part}")`);
        continue;
      }
      for (let i = from; i <= to; i++) ids.add(i);
    }
    return [...ids].sort((a, b) => a - b);
  }

  ids(name: string): string[] | null {
    const raw = this.str(name);
    if (raw === null) return null;
    const ids = raw.split(/[\s,]+/).filter(Boolean);
    const bad = ids.filter((id) => !/^-?\d+$/.test(id));
    if (bad.length > 0) this.problems.push(`${name} must be a comma-separated list of numeric ids (bad: ${bad.join(", ")})`);
    return ids.filter((id) => /^-?\d+$/.test(id));
  }
}

/** Reads and validates the configuration; throws one `AppError` listing every bad variable. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  let env = options.env;
  if (env === undefined) {
    dotenv.config({ path: path.join(cwd, ".env"), quiet: true });
    env = process.env;
  }
  const r = new Reader(env);
  const dir = (name: string, fallback: string) => path.resolve(cwd, r.str(name) ?? fallback);

  const telegramToken = r.str("TELEGRAM_BOT_TOKEN");
  const webhookPath = r.str("TELEGRAM_WEBHOOK_PATH") ?? "/telegram/webhook";
  if (!webhookPath.startsWith("/")) r.problems.push(`TELEGRAM_WEBHOOK_PATH must start with "/" (got "${webhookPath}")`);
  const telegram: TelegramConfig | null =
    telegramToken === null
      ? null
      : {
          token: telegramToken,
          apiRoot: r.url("TELEGRAM_API_ROOT"),
          webhookUrl: r.url("TELEGRAM_WEBHOOK_URL"),
          webhookPort: r.int("TELEGRAM_WEBHOOK_PORT", 8443, 1, 65535),
          webhookPath,
          webhookSecret: r.str("TELEGRAM_WEBHOOK_SECRET"),
          allowedChatIds: r.ids("TELEGRAM_ALLOWED_CHAT_IDS"),
        };

  const discordToken = r.str("DISCORD_TOKEN");
  const discord: DiscordConfig | null =
    discordToken === null
      ? null
      : {
          token: discordToken,
          apiUrl: r.url("DISCORD_API_URL"),
          guildId: r.str("DISCORD_GUILD_ID"),
          allowedGuildIds: r.ids("DISCORD_ALLOWED_GUILD_IDS"),
          allowedChannelIds: r.ids("DISCORD_ALLOWED_CHANNEL_IDS"),
          messageContent: r.bool("DISCORD_MESSAGE_CONTENT", true),
          shardCount: r.shardCount("DISCORD_SHARD_COUNT"),
          shardIds: r.shardIds("DISCORD_SHARD_IDS"),
        };
  if (discord !== null && discord.shardIds !== null) {
    const count = discord.shardCount;
    if (count === null) r.problems.push("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (a number, or auto)");
    else if (typeof count === "number" && discord.shardIds.some((id) => id >= count)) {
      r.problems.push(`DISCORD_SHARD_IDS must be below DISCORD_SHARD_COUNT (${count}); shards are numbered from 0`);
    }
  }

  const answerMode = r.oneOf("ANSWER_MODE", ["extractive", "llm"] as const, "extractive");
  const provider = r.oneOf("LLM_PROVIDER", ["openai", "anthropic"] as const, "openai");
  const llm: LlmConfig = {
    provider,
    baseUrl: r.url("LLM_BASE_URL"),
    apiKey: r.str("LLM_API_KEY"),
    model: r.str("LLM_MODEL") ?? (provider === "anthropic" ? "claude-haiku-4-5" : "gpt-4o-mini"),
    timeoutMs: r.int("LLM_TIMEOUT_MS", 20_000, 100, 600_000),
    maxTokens: r.int("LLM_MAX_TOKENS", 400, 16, 32_000),
    temperature: r.num("LLM_TEMPERATURE", 0, 0, 2),
    structured: r.oneOf("LLM_STRUCTURED", ["tools", "json"] as const, "tools"),
  };
  if (answerMode === "llm" && llm.baseUrl === null && llm.apiKey === null) {
    r.problems.push("ANSWER_MODE=llm needs LLM_BASE_URL (a local server) or LLM_API_KEY (a hosted API)");
  }

  const embeddingsKind = r.oneOf("EMBEDDINGS", ["local", "openai"] as const, "local");
  const embeddings: EmbeddingsConfig = {
    kind: embeddingsKind,
    multilingual: r.bool("EMBEDDINGS_MULTILINGUAL", embeddingsKind === "openai"),
    baseUrl: r.url("EMBEDDINGS_BASE_URL"),
    model: r.str("EMBEDDINGS_MODEL"),
    apiKey: r.str("EMBEDDINGS_API_KEY"),
  };
  if (embeddings.kind === "openai" && embeddings.model === null) {
    r.problems.push("EMBEDDINGS=openai needs EMBEDDINGS_MODEL");
  }

  const feedSources: FeedSource[] = [];
  for (const entry of (r.str("FEEDS") ?? "").split(/\s+/).filter((e) => e !== "")) {
    const [url = "", words = ""] = entry.split("|");
    try {
      const u = new URL(url);
      if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("protocol");
      feedSources.push({ url, keywords: words.split(",").map((w) => w.trim().toLowerCase()).filter((w) => w !== "") });
    } catch {
      r.problems.push(`FEEDS must be http(s) URLs, each optionally followed by |keyword,keyword (got "${entry}")`);
    }
  }
  const feedInterval = r.int("FEEDS_INTERVAL_MINUTES", 0, 0, 7 * 24 * 60);
  const httpPort = r.int("HTTP_PORT", 0, 0, 65535);
  const feedbackTtl = r.int("FEEDBACK_TTL_MINUTES", 10, 0, 7 * 24 * 60);

  const config: Config = {
    dataDir: dir("DATA_DIR", "data/articles"),
    indexDir: dir("INDEX_DIR", "data/index"),
    cacheDir: dir("CACHE_DIR", ".cache"),
    logLevel: r.oneOf("LOG_LEVEL", ["debug", "info", "warn", "error", "silent"] as const, "info"),
    maxQuestionLength: r.int("MAX_QUESTION_LENGTH", 500, 10, 10_000),
    rateLimit: {
      max: r.int("RATE_LIMIT_MAX", 6, 1, 10_000),
      windowMs: r.int("RATE_LIMIT_WINDOW_MS", 60_000, 100, 86_400_000),
    },
    memory: {
      turns: r.int("MEMORY_TURNS", 3, 0, 50),
      ttlMs: r.int("MEMORY_TTL_MS", 15 * 60_000, 1_000, 7 * 86_400_000),
    },
    answerMode,
    llm,
    embeddings,
    telegram,
    discord,
    feeds: { sources: feedSources, intervalMinutes: feedInterval === 0 ? null : feedInterval },
    questionLog: {
      enabled: r.bool("QUESTION_LOG", true),
      path: dir("QUESTION_LOG_PATH", "data/questions.sqlite"),
      retentionDays: r.int("QUESTION_LOG_DAYS", 90, 1, 36_500),
    },
    feedbackTtlMs: feedbackTtl === 0 ? null : feedbackTtl * 60_000,
    http: { port: httpPort === 0 ? null : httpPort, host: r.str("HTTP_HOST") ?? "127.0.0.1" },
    fetch: {
      timeoutMs: r.int("FETCH_TIMEOUT_MS", 15_000, 100, 600_000),
      maxBytes: r.int("FETCH_MAX_BYTES", 5_000_000, 1_000, 100_000_000),
      userAgent: r.str("FETCH_USER_AGENT") ?? "dossier/0.1 (+news article indexer)",
    },
    shared: {
      redisUrl: r.serverUrl("REDIS_URL", ["redis:", "rediss:"]),
      redisPrefix: r.str("REDIS_PREFIX") ?? "dossier:",
      databaseUrl: r.serverUrl("DATABASE_URL", ["postgres:", "postgresql:"]),
      leaseMs: r.int("LEASE_MS", 10_000, 500, 600_000),
      instanceId: r.str("INSTANCE_ID") ?? `${os.hostname()}:${process.pid}`,
    },
  };

  if (r.problems.length > 0) {
    const list = r.problems.map((p) => `  - ${p}`).join("\n");
    throw new AppError("CONFIG_INVALID", `Invalid configuration:\n${list}`);
  }
  return config;
}

/** Every secret in the configuration, for log redaction. */
export function secretsOf(config: Config): string[] {
  return [
    config.telegram?.token,
    config.telegram === null ? null : webhookSecretOf(config.telegram), // the configured secret, or the one derived from the token
    config.discord?.token,
    config.llm.apiKey,
    config.embeddings.apiKey,
    ...(config.shared.redisUrl === null ? [] : credentialsOf(config.shared.redisUrl)),
    ...(config.shared.databaseUrl === null ? [] : credentialsOf(config.shared.databaseUrl)),
  ].filter((s): s is string => typeof s === "string" && s.length > 0);
}
