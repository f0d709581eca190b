/**
 * A small deployment for the several-instances tests: a private Redis, the fake Telegram Bot API
 * (each instance on its own API root, so every call says which instance made it), a round-robin
 * load balancer in front of the instances' webhook ports, and N real `src/main.ts` processes
 * reading one shared index folder.
 */
import path from "node:path";
import { reindex } from "../../src/ingest/reindex.js";
import type { FakeChat, FakeTelegramBotApi, FakeUser, SentMessage } from "../fakes/telegram-bot-api.js";
import { copyCorpus } from "../helpers/articles.js";
import { realEmbedder } from "../helpers/embedders.js";
import { startInstance, type InstanceProcess } from "../helpers/instance-process.js";
import { freePort } from "../helpers/redis-server.js";
import type { TempDirs } from "../helpers/temp-dirs.js";

export const TOKEN = "123456:cluster-test-token";

/** A data folder with the two bundled articles and its index, built once per test file. */
export async function sharedIndex(dirs: TempDirs): Promise<{ dataDir: string; indexDir: string }> {
  const dataDir = await dirs.make("data");
  const indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  await reindex({ dataDir, indexDir, embedder: await realEmbedder() });
  return { dataDir, indexDir };
}

export interface InstanceEnv {
  name: string;
  api: FakeTelegramBotApi;
  dataDir: string;
  indexDir: string;
  redisUrl?: string;
  /** Keys of this deployment in Redis (default per test process): a fresh fake restarts update ids, so each deployment needs its own. */
  redisPrefix?: string;
  /** Webhook mode: the public URL (the load balancer) and this instance's own port. */
  webhook?: { url: string; port: number };
  extra?: Record<string, string>;
}

export function envFor(options: InstanceEnv): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: options.api.apiRootFor(options.name),
    DATA_DIR: options.dataDir,
    INDEX_DIR: options.indexDir,
    QUESTION_LOG: "off",
    LEASE_MS: "1500",
    FEEDBACK_TTL_MINUTES: "0",
    ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl, REDIS_PREFIX: options.redisPrefix ?? `t${process.pid}:` }),
    ...(options.webhook === undefined
      ? {}
      : { TELEGRAM_WEBHOOK_URL: `${options.webhook.url}/telegram/webhook`, TELEGRAM_WEBHOOK_PORT: String(options.webhook.port) }),
    ...options.extra,
  };
}

/** Starts an instance and waits until its Telegram adapter runs. */
export async function startTelegramInstance(options: InstanceEnv): Promise<InstanceProcess> {
  const instance = startInstance(options.name, envFor(options));
  await instance.waitFor(/Telegram adapter started/, 90_000);
  return instance;
}

export async function webhookPorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** A private chat per user, as Telegram gives one: chat id = user id. */
export function privateUser(id: number): { chat: FakeChat; from: FakeUser } {
  return { chat: { id, type: "private" }, from: { id, first_name: `User${id}` } };
}

/** The instance (API root name) that sent a message, from the fake's call log. */
export function senderOf(api: FakeTelegramBotApi, reply: SentMessage): string | undefined {
  const call = api.calls.find(
    (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === reply.chatId && replyToOf(c.payload) === reply.replyTo,
  );
  return call?.client;
}

function replyToOf(payload: Record<string, unknown>): number | undefined {
  const params = payload.reply_parameters as { message_id?: number } | undefined;
  if (params?.message_id !== undefined) return params.message_id;
  return typeof payload.reply_to_message_id === "number" ? payload.reply_to_message_id : undefined;
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
