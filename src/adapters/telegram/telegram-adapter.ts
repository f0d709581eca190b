/**
 * The Telegram front end: a telegraf bot that receives updates (long polling, or a webhook when
 * `TELEGRAM_WEBHOOK_URL` is set), hands each message to the message handler and sends the replies.
 * It only translates — all answering stays in the `AnswerService`. Signal handling belongs to the
 * caller, which calls `stop()`.
 *
 * It runs as one of N identical instances: each update is claimed in the shared `EventClaims`
 * before it is answered (exactly once across instances); with a webhook every instance behind the
 * load balancer serves it and one registers it; with long polling one instance polls (the holder of
 * the polling lease in the shared `LockService`) and the others stand by to take over.
 */
import { Telegraf, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { TelegramConfig } from "./telegram-config.js";
import type { EventClaims } from "../../core/event-claims.js";
import type { Lease, LockService } from "../../core/lock-service.js";
import type { Logger } from "../../core/logger.js";
import { redact } from "../../text/redact-secrets.js";
import type { AdmissionRules } from "../../service/admission.js";
import { LocalEventClaims } from "../../service/local-event-claims.js";
import { LocalLockService } from "../../service/local-lock-service.js";
import { taggedLogger } from "../../service/tagged-logger.js";
import type { AnswerService } from "../../core/types.js";
import { AppError } from "../../core/errors.js";
import { ClaimedUpdates } from "./claimed-updates.js";
import { BOT_COMMANDS } from "./format-sources.js";
import { LongPolling } from "./long-polling.js";
import { DEFAULT_FEEDBACK_TTL_MS, TelegramFeedback } from "./feedback-buttons.js";
import { createMessageHandler } from "./message-handler.js";
import { PollerElection } from "./poller-election.js";
import { redactingLogger } from "./redacting-logger.js";
import { abortableSleep, type Sleep } from "./sleep.js";
import { DONE, KeyedTaskQueue, type TaskOutcome } from "./task-queue.js";
import { describeTelegramError, withRetry } from "./telegram-call.js";
import { SECRET_TOKEN, webhookSecretOf } from "./webhook-secret.js";
import { registerWebhook } from "./webhook-registration.js";
import { startWebhookServer, type WebhookServer, type WebhookServerOptions } from "./webhook-server.js";

export interface TelegramAdapterOptions {
  config: TelegramConfig;
  service: AnswerService;
  logger: Logger;
  /** Length limit, rate limit and allow-list (TELEGRAM_ALLOWED_CHAT_IDS), shared with every front end. */
  admission: AdmissionRules;
  /**
   * How long the 👍 / 👎 buttons stay under an answer in a group before they are removed, so a busy
   * group is not lined with old buttons (default 10 minutes; `Infinity` keeps them). Private chats keep them.
   */
  feedbackTtlMs?: number;
  /** How many questions are answered at once across users (default 8). */
  concurrency?: number;
  /** How long `stop()` lets answers in progress finish before aborting them (default 10 s). */
  shutdownGraceMs?: number;
  /** Replaces waiting (retry_after, back-off); lets tests observe waits without spending them. */
  sleep?: Sleep;
  /**
   * Least time between two updates of a language model's draft in one chat (default 1000 ms, the
   * pace Telegram tolerates); tests shorten it.
   */
  draftIntervalMs?: number;
  /** Webhook mode: more routes served on the webhook's port, tried before the webhook path (the health routes when HTTP_PORT equals it). */
  extraRoutes?: WebhookServerOptions["extraRoutes"];
  /**
   * Claims on updates shared by every instance (Redis in production), so each update is answered
   * once across them; default in-process (one instance answers a re-delivered update once).
   */
  claims?: EventClaims;
  /** Leases shared by every instance — the polling lock and the webhook registration; default in-process. */
  locks?: LockService;
  /** TTL of the polling lease and the webhook-registration lease (LEASE_MS; default 10 s). */
  leaseMs?: number;
  /** This instance's name (INSTANCE_ID), added to every log line. */
  instanceId?: string;
}

export interface RunningAdapter {
  stop(reason?: string): Promise<void>;
}

/** What an instance does: polls, stands by for the polling lease, or serves the webhook. */
export type TelegramRole = "polling" | "standby" | "webhook";

/** A running bot; the extra fields are for logs and tests. */
export interface RunningTelegramAdapter extends RunningAdapter {
  readonly botUsername: string;
  readonly mode: "polling" | "webhook";
  /** The local port in webhook mode, else null. */
  readonly webhookPort: number | null;
  /** The role now (a standby becomes the poller when the poller goes away). */
  readonly role: () => TelegramRole;
}

/** Only messages and button presses (👍 / 👎) are used; asking for nothing else saves traffic. */
const ALLOWED_UPDATES = ["message", "callback_query"] as const;
const WEBHOOK_MAX_CONNECTIONS = 100;
export const DEFAULT_LEASE_MS = 10_000;
/** Registered webhook URL: `TELEGRAM_WEBHOOK_URL` as given if it has a path, else with the path appended. */
export function webhookUrlOf(config: TelegramConfig): string | null {
  if (config.webhookUrl === null) return null;
  const url = new URL(config.webhookUrl);
  return url.pathname === "/" || url.pathname === "" ? `${url.origin}${config.webhookPath}` : config.webhookUrl;
}

function startupError(error: unknown, config: TelegramConfig, secrets: string[]): AppError {
  if (error instanceof TelegramError && (error.code === 401 || error.code === 404)) {
    return new AppError(
      "CONFIG_INVALID",
      "Telegram rejected the bot token (401 Unauthorized). Check TELEGRAM_BOT_TOKEN in .env — it comes from @BotFather.",
      { cause: error },
    );
  }
  const where = config.apiRoot ?? "https://api.telegram.org";
  return new AppError("INTERNAL", redact(`Could not start the Telegram bot via ${where}: ${describeTelegramError(error)}`, secrets), {
    cause: error,
  });
}

/**
 * Starts the bot and resolves once it is receiving updates — or, in polling mode, standing by while
 * another instance polls; startup problems reject with an AppError.
 */
export async function startTelegramAdapter(options: TelegramAdapterOptions): Promise<RunningTelegramAdapter> {
  const { config } = options;
  const webhookUrl = webhookUrlOf(config);
  const secretToken = webhookSecretOf(config);
  const secrets = [config.token, secretToken].filter((s) => s !== "");
  const redacting = redactingLogger(options.logger, secrets);
  const logger = options.instanceId === undefined ? redacting : taggedLogger(redacting, { instance: options.instanceId });
  const sleep = options.sleep ?? abortableSleep;
  const lifetime = new AbortController();
  if (webhookUrl !== null && !SECRET_TOKEN.test(secretToken)) {
    throw new AppError("CONFIG_INVALID", "TELEGRAM_WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (at most 256 characters).");
  }
  const ownClaims = options.claims === undefined ? new LocalEventClaims() : null;
  const claims = options.claims ?? (ownClaims as EventClaims);
  const locks = options.locks ?? new LocalLockService();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;

  const bot = new Telegraf(config.token, {
    // telegraf resolves `./bot<token>/<method>` against the root: a root with a path (a self-hosted
    // Bot API behind a prefix) needs its trailing slash, or the last segment is replaced.
    telegram: { webhookReply: false, ...(config.apiRoot === null ? {} : { apiRoot: config.apiRoot.endsWith("/") ? config.apiRoot : `${config.apiRoot}/` }) },
  });
  const retrying = (signal: AbortSignal) => <T>(what: string, fn: () => Promise<T>) =>
    withRetry(fn, { what, sleep, logger, signal, maxAttempts: 3, maxRetryAfterMs: 30_000 });
  const call = retrying(lifetime.signal);

  let me;
  try {
    me = await call("getMe", () => bot.telegram.getMe());
  } catch (error) {
    throw startupError(error, config, secrets);
  }
  bot.botInfo = me;

  const queue = new KeyedTaskQueue({
    concurrency: options.concurrency ?? 8,
    skipOnceAborted: webhookUrl !== null, // a webhook update not yet answered is given back
    onError: (error) => logger.error("telegram: task failed", { error: describeTelegramError(error) }),
  });
  const feedback = new TelegramFeedback({
    telegram: bot.telegram,
    service: options.service,
    logger,
    admission: options.admission,
    sleep,
    groupTtlMs: options.feedbackTtlMs ?? DEFAULT_FEEDBACK_TTL_MS,
  });
  const handleMessage = createMessageHandler({
    telegram: bot.telegram,
    service: options.service,
    bot: { id: me.id, username: me.username },
    logger,
    admission: options.admission,
    queue,
    sleep,
    feedback,
    redeliversAborted: webhookUrl !== null,
    ...(options.draftIntervalMs === undefined ? {} : { draftIntervalMs: options.draftIntervalMs }),
  });
  const handleUpdate = (update: Update): Promise<TaskOutcome> => {
    if ("message" in update) return handleMessage(update.message);
    if ("callback_query" in update) return feedback.handle(update.callback_query).then(() => "done");
    return DONE;
  };
  const claimed = new ClaimedUpdates({ claims, botId: me.id, logger, handle: handleUpdate });

  try {
    await call("setMyCommands", () => bot.telegram.setMyCommands(BOT_COMMANDS.map((c) => ({ ...c }))));
  } catch (error) {
    logger.warn("telegram: could not register the command list", { error: describeTelegramError(error) });
  }

  let polling: LongPolling | null = null;
  let election: PollerElection | null = null;
  let webhook: WebhookServer | null = null;
  let webhookLease: Lease | null = null;
  try {
    if (webhookUrl === null) {
      election = new PollerElection({
        locks,
        name: `telegram:${me.id}:poller`,
        leaseMs,
        logger,
        sleep,
        startPolling: async (signal) => {
          await retrying(signal)("deleteWebhook", () => bot.telegram.deleteWebhook({ drop_pending_updates: false }));
          polling = new LongPolling({ telegram: bot.telegram, onUpdate: (u) => claimed.handOff(u), logger, sleep, allowedUpdates: ALLOWED_UPDATES });
          polling.start();
        },
        stopPolling: async () => {
          const current = polling;
          polling = null;
          await current?.stop();
        },
      });
      await election.start();
    } else {
      webhook = await startWebhookServer({
        path: config.webhookPath,
        port: config.webhookPort,
        secretToken,
        logger,
        onUpdate: async (update) => {
          const result = await claimed.process(update);
          return result.kind === "retry" ? { status: 503, retryAfterMs: result.retryAfterMs } : { status: 200 };
        },
        ...(options.extraRoutes === undefined ? {} : { extraRoutes: options.extraRoutes }),
      });
      webhookLease = await registerWebhook({
        locks,
        name: `telegram:${me.id}:webhook`,
        leaseMs,
        logger,
        setWebhook: () =>
          // Each delivery stays open until its reply is sent, so Telegram's most (100, default 40)
          // lets more answers be written at once across the instances behind the balancer.
          call("setWebhook", () =>
            bot.telegram.setWebhook(webhookUrl, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES], max_connections: WEBHOOK_MAX_CONNECTIONS }),
          ),
      });
    }
  } catch (error) {
    await webhook?.close(0);
    await ownClaims?.close();
    throw error instanceof AppError ? error : startupError(error, config, secrets);
  }
  const mode = webhook === null ? "polling" : "webhook";
  const role = (): TelegramRole => (election === null ? "webhook" : election.role);
  const how = mode === "webhook" ? `webhook on port ${webhook?.port}` : role() === "polling" ? "long polling" : "standing by to poll";
  logger.info(`telegram: @${me.username} is running (${how})`);

  let stopped: Promise<void> | null = null;
  const stop = (reason = "stop requested"): Promise<void> =>
    (stopped ??= (async () => {
      logger.info("telegram: stopping", { reason });
      webhook?.stopAccepting();
      await election?.stop(); // the last updates polled are handed off before the offset is confirmed
      claimed.stop();
      await feedback.close();
      const grace = new AbortController();
      const graceTimer = setTimeout(() => grace.abort(), options.shutdownGraceMs ?? 10_000);
      await Promise.race([queue.drain(), new Promise((resolve) => grace.signal.addEventListener("abort", resolve))]);
      clearTimeout(graceTimer);
      queue.abort();
      lifetime.abort();
      await queue.drain();
      await claimed.drain(); // leases marked done or given back, webhook answers decided
      await webhook?.close();
      await webhookLease?.release().catch((error: unknown) => {
        logger.warn("telegram: could not release the webhook lease (it runs out by itself)", { error: describeTelegramError(error) });
      });
      await ownClaims?.close();
      logger.info("telegram: stopped");
    })());

  return { stop, botUsername: me.username, mode, webhookPort: webhook?.port ?? null, role };
}
