/**
 * Long polling with `getUpdates`, written here rather than using `bot.launch()` so that: updates are
 * handed off without waiting for the previous batch's answers; 401/409 and unexpected errors are
 * logged and retried instead of silently ending the loop; and `stop()` aborts the pending request
 * and every back-off at once, confirms the last offset, and leaves no timer or socket behind.
 */
import type { Telegram } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../../core/logger.js";
import type { Sleep } from "./sleep.js";
import { describeTelegramError, retryDelayMs } from "./telegram-call.js";
import { TelegramError } from "telegraf";

export interface LongPollingOptions {
  telegram: Telegram;
  /** Receives each update once, in order; must not throw (errors are logged if it does). */
  onUpdate: (update: Update) => void;
  logger: Logger;
  sleep: Sleep;
  /** Seconds Telegram holds an empty `getUpdates`; 50 like telegraf. */
  timeoutSeconds?: number;
  allowedUpdates?: readonly string[];
}

type CallSignal = NonNullable<NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"]>;

export class LongPolling {
  private readonly controller = new AbortController();
  private offset = 0;
  private confirmed = 0;
  private loopDone: Promise<void> | null = null;

  constructor(private readonly options: LongPollingOptions) {}

  start(): void {
    this.loopDone ??= this.loop();
  }

  /** Aborts the pending poll and any back-off, then tells Telegram which updates were received. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.loopDone;
    if (this.offset > this.confirmed) {
      await this.options.telegram
        .callApi("getUpdates", { offset: this.offset, limit: 1, timeout: 0 }, { signal: AbortSignal.timeout(5000) as CallSignal })
        .catch(() => undefined);
    }
  }

  private async loop(): Promise<void> {
    const { logger } = this.options;
    const signal = this.controller.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const requested = this.offset;
        const updates = await this.options.telegram.callApi(
          "getUpdates",
          {
            offset: requested,
            timeout: this.options.timeoutSeconds ?? 50,
            limit: 100,
            ...(this.options.allowedUpdates === undefined ? {} : { allowed_updates: [...this.options.allowedUpdates] as never }),
          },
          { signal: signal as CallSignal },
        );
        this.confirmed = requested;
        failures = 0;
        for (const update of updates) this.deliver(update);
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const delay = pollRetryDelayMs(error, failures);
        logger.error(`telegram: getUpdates failed${hintFor(error)}`, { error: describeTelegramError(error), retryInMs: delay });
        await this.options.sleep(delay, signal);
      }
    }
  }

  private deliver(update: Update): void {
    if (typeof update.update_id !== "number" || update.update_id < this.offset) return; // duplicate
    this.offset = update.update_id + 1;
    try {
      this.options.onUpdate(update);
    } catch (error) {
      this.options.logger.error("telegram: update handler threw", { error: describeTelegramError(error) });
    }
  }
}

function pollRetryDelayMs(error: unknown, failures: number): number {
  const suggested = retryDelayMs(error, failures);
  if (suggested !== null) return suggested;
  return Math.min(60_000, 1000 * 2 ** Math.min(failures - 1, 6)); // 1 s … 60 s for anything else
}

function hintFor(error: unknown): string {
  if (!(error instanceof TelegramError)) return "";
  if (error.code === 401) return " (the bot token was rejected; check TELEGRAM_BOT_TOKEN)";
  if (error.code === 409) return " (another instance is polling with this token, or a webhook is set)";
  return "";
}
