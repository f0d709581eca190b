/**
 * The Telegram front end: a telegraf bot that receives updates (long polling, or a webhook when
 * `TELEGRAM_WEBHOOK_URL` is set), hands each message to the message handler and sends the replies.
 * It only translates — all answering stays in the `AnswerService`. Signal handling belongs to the
 * caller, which calls `stop()`.
 */
import { randomBytes } from "node:crypto";
import { Telegraf, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { TelegramConfig } from "./telegram-config.js";
import type { Logger } from "../../core/logger.js";
import { redact } from "../../text/redact-secrets.js";
import type { AdmissionRules } from "../../service/admission.js";
import type { AnswerService } from "../../core/types.js";
import { AppError } from "../../core/errors.js";
import { BOT_COMMANDS } from "./format-sources.js";
import { LongPolling } from "./long-polling.js";
import { DEFAULT_FEEDBACK_TTL_MS, TelegramFeedback } from "./feedback-buttons.js";
import { createMessageHandler } from "./message-handler.js";
import { redactingLogger } from "./redacting-logger.js";
import { abortableSleep, type Sleep } from "./sleep.js";
import { KeyedTaskQueue } from "./task-queue.js";
import { describeTelegramError, withRetry } from "./telegram-call.js";
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
}

export interface RunningAdapter {
  stop(reason?: string): Promise<void>;
}

/** A running bot; the extra fields are for logs and tests. */
export interface RunningTelegramAdapter extends RunningAdapter {
  readonly botUsername: string;
  readonly mode: "polling" | "webhook";
  /** The local port in webhook mode, else null. */
  readonly webhookPort: number | null;
}

/** Only messages and button presses (👍 / 👎) are used; asking for nothing else saves traffic. */
const ALLOWED_UPDATES = ["message", "callback_query"] as const;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

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

/** Starts the bot and resolves once it is receiving updates; startup problems reject with an AppError. */
export async function startTelegramAdapter(options: TelegramAdapterOptions): Promise<RunningTelegramAdapter> {
  const { config } = options;
  const secrets = [config.token, config.webhookSecret].filter((s): s is string => s !== null && s !== "");
  const logger = redactingLogger(options.logger, secrets);
  const sleep = options.sleep ?? abortableSleep;
  const lifetime = new AbortController();
  const webhookUrl = webhookUrlOf(config);
  const secretToken = config.webhookSecret ?? randomBytes(32).toString("hex");
  if (webhookUrl !== null && !SECRET_TOKEN.test(secretToken)) {
    throw new AppError("CONFIG_INVALID", "TELEGRAM_WEBHOOK_SECRET may only contain A-Z, a-z, 0-9, _ and - (at most 256 characters).");
  }

  const bot = new Telegraf(config.token, {
    telegram: { webhookReply: false, ...(config.apiRoot === null ? {} : { apiRoot: config.apiRoot }) },
  });
  const call = <T>(what: string, fn: () => Promise<T>) =>
    withRetry(fn, { what, sleep, logger, signal: lifetime.signal, maxAttempts: 3, maxRetryAfterMs: 30_000 });

  let me;
  try {
    me = await call("getMe", () => bot.telegram.getMe());
  } catch (error) {
    throw startupError(error, config, secrets);
  }
  bot.botInfo = me;

  const queue = new KeyedTaskQueue({
    concurrency: options.concurrency ?? 8,
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
    ...(options.draftIntervalMs === undefined ? {} : { draftIntervalMs: options.draftIntervalMs }),
  });
  let stopping = false;
  bot.on("message", (ctx) => {
    if (!stopping) handleMessage(ctx.message);
  });
  bot.on("callback_query", (ctx) => {
    if (!stopping) feedback.handle(ctx.callbackQuery);
  });
  bot.catch((error) => logger.error("telegram: update failed", { error: describeTelegramError(error) }));

  const handling = new Set<Promise<void>>();
  const onUpdate = (update: Update) => {
    const p = bot.handleUpdate(update).catch((error: unknown) => {
      logger.error("telegram: update failed", { error: describeTelegramError(error) });
    });
    handling.add(p);
    void p.finally(() => handling.delete(p));
  };

  try {
    await call("setMyCommands", () => bot.telegram.setMyCommands(BOT_COMMANDS.map((c) => ({ ...c }))));
  } catch (error) {
    logger.warn("telegram: could not register the command list", { error: describeTelegramError(error) });
  }

  let polling: LongPolling | null = null;
  let webhook: WebhookServer | null = null;
  try {
    if (webhookUrl === null) {
      await call("deleteWebhook", () => bot.telegram.deleteWebhook({ drop_pending_updates: false }));
      polling = new LongPolling({ telegram: bot.telegram, onUpdate, logger, sleep, allowedUpdates: ALLOWED_UPDATES });
      polling.start();
    } else {
      webhook = await startWebhookServer({
        bot,
        path: config.webhookPath,
        port: config.webhookPort,
        secretToken,
        logger,
        ...(options.extraRoutes === undefined ? {} : { extraRoutes: options.extraRoutes }),
      });
      await call("setWebhook", () =>
        bot.telegram.setWebhook(webhookUrl, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] }),
      );
    }
  } catch (error) {
    await webhook?.close();
    throw error instanceof AppError ? error : startupError(error, config, secrets);
  }
  const mode = webhook === null ? "polling" : "webhook";
  logger.info(`telegram: @${me.username} is running (${mode === "polling" ? "long polling" : `webhook on port ${webhook?.port}`})`);

  let stopped: Promise<void> | null = null;
  const stop = (reason = "stop requested"): Promise<void> =>
    (stopped ??= (async () => {
      logger.info("telegram: stopping", { reason });
      stopping = true;
      await Promise.all([polling?.stop(), webhook?.close()]);
      await Promise.allSettled([...handling]);
      await feedback.close();
      const grace = new AbortController();
      const graceTimer = setTimeout(() => grace.abort(), options.shutdownGraceMs ?? 10_000);
      await Promise.race([queue.drain(), new Promise((resolve) => grace.signal.addEventListener("abort", resolve))]);
      clearTimeout(graceTimer);
      queue.abort();
      lifetime.abort();
      await queue.drain();
      logger.info("telegram: stopped");
    })());

  return { stop, botUsername: me.username, mode, webhookPort: webhook?.port ?? null };
}
