/**
 * Calls to the Bot API that survive Telegram's normal failures: 429 waits exactly `retry_after`,
 * 5xx and network errors back off and retry, and a message Telegram cannot parse as HTML is resent
 * as plain text, so the user always gets the answer.
 */
import { TelegramError, type Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Logger } from "../../core/logger.js";
import type { Sleep } from "./sleep.js";
import type { MessagePart } from "./split-message.js";

export interface RetryOptions {
  sleep: Sleep;
  logger: Logger;
  /** Names the call in logs. */
  what: string;
  signal?: AbortSignal;
  maxAttempts?: number;
  /** A `retry_after` longer than this is not waited for (the message is given up and logged). */
  maxRetryAfterMs?: number;
}

/** How long to wait before retrying `error`, or null when retrying cannot help. */
export function retryDelayMs(error: unknown, attempt: number): number | null {
  if (error instanceof TelegramError) {
    if (error.code === 429) return Math.max(0, error.parameters?.retry_after ?? 1) * 1000;
    if (error.code >= 500) return Math.min(30_000, 500 * 2 ** (attempt - 1));
    return null;
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "FetchError") return Math.min(30_000, 500 * 2 ** (attempt - 1));
  return null;
}

/** Short, token-free description of a Bot API error for logs. */
export function describeTelegramError(error: unknown): string {
  if (error instanceof TelegramError) return `${error.code} ${error.description}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Runs `call`, retrying after 429 / 5xx / network errors as Telegram asks. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = retryDelayMs(error, attempt);
      if (delay === null || delay > maxRetryAfterMs || attempt >= maxAttempts || options.signal?.aborted === true) {
        throw error;
      }
      options.logger.warn(`telegram: ${options.what} failed, retrying`, {
        error: describeTelegramError(error),
        attempt,
        waitMs: delay,
      });
      await options.sleep(delay, options.signal);
    }
  }
}

/** True for Telegram's "can't parse entities" rejection of malformed HTML. */
export function isParseEntitiesError(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /can't parse entities|can not parse entities/i.test(error.description);
}

export interface SendPartsOptions extends Omit<RetryOptions, "what"> {
  telegram: Telegram;
  chatId: number;
  parts: readonly MessagePart[];
  /** The asking message; the first part replies to it. */
  replyTo?: number;
  /** Forum topic to post in. */
  threadId?: number;
  /** Buttons under the last part (the answer's 👍 / 👎). */
  replyMarkup?: InlineKeyboardMarkup;
}

/**
 * Sends the parts in order (HTML, link previews off), falling back to plain text per part if needed.
 * Resolves to the id of the last message sent (the one carrying `replyMarkup`), null for no parts.
 */
export async function sendParts(options: SendPartsOptions): Promise<number | null> {
  const { telegram, chatId, parts } = options;
  let lastId: number | null = null;
  for (const [i, part] of parts.entries()) {
    const extra = {
      link_preview_options: { is_disabled: true },
      ...(options.threadId === undefined ? {} : { message_thread_id: options.threadId }),
      ...(i === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === parts.length - 1 && options.replyMarkup !== undefined ? { reply_markup: options.replyMarkup } : {}),
    };
    try {
      const sent = await withRetry(() => telegram.sendMessage(chatId, part.html, { ...extra, parse_mode: "HTML" }), {
        ...options,
        what: "sendMessage",
      });
      lastId = sent.message_id;
    } catch (error) {
      if (!isParseEntitiesError(error)) throw error;
      options.logger.warn("telegram: HTML rejected, sending plain text", { error: describeTelegramError(error) });
      const sent = await withRetry(() => telegram.sendMessage(chatId, part.text, extra), { ...options, what: "sendMessage (plain)" });
      lastId = sent.message_id;
    }
  }
  return lastId;
}

/** True for Telegram's refusal to "edit" a message into exactly what it already says. */
export function isNotModifiedError(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /message is not modified/i.test(error.description);
}

/**
 * For calls that may be skipped, like showing a draft: after a 429 it waits `retry_after` (the
 * drafts written meanwhile are skipped, not queued) and says to go on; after any other failure it
 * logs and says to stop, since retrying a draft only delays the answer.
 */
export async function waitOutRateLimit(error: unknown, options: RetryOptions): Promise<boolean> {
  if (error instanceof TelegramError && error.code === 429) {
    const waitMs = Math.max(0, error.parameters?.retry_after ?? 1) * 1000;
    options.logger.debug(`telegram: ${options.what} rate limited, waiting`, { waitMs });
    await options.sleep(waitMs, options.signal);
    return options.signal?.aborted !== true;
  }
  options.logger.debug(`telegram: ${options.what} failed; no more drafts for this answer`, { error: describeTelegramError(error) });
  return false;
}

export interface EditPartOptions extends Omit<RetryOptions, "what"> {
  telegram: Telegram;
  chatId: number;
  messageId: number;
  part: MessagePart;
  /** Buttons to show under the edited message (an edit without them removes any). */
  replyMarkup?: InlineKeyboardMarkup;
}

/** Edits a message into `part` with the same retries and plain-text fallback as `sendParts`. */
export async function editPart(options: EditPartOptions): Promise<void> {
  const { telegram, chatId, messageId, part } = options;
  const extra = {
    link_preview_options: { is_disabled: true },
    ...(options.replyMarkup === undefined ? {} : { reply_markup: options.replyMarkup }),
  };
  const edit = async (what: string, call: () => Promise<unknown>) => {
    try {
      await withRetry(call, { ...options, what });
    } catch (error) {
      if (!isNotModifiedError(error)) throw error;
    }
  };
  try {
    await edit("editMessageText", () => telegram.editMessageText(chatId, messageId, undefined, part.html, { ...extra, parse_mode: "HTML" }));
  } catch (error) {
    if (!isParseEntitiesError(error)) throw error;
    options.logger.warn("telegram: HTML rejected, editing in plain text", { error: describeTelegramError(error) });
    await edit("editMessageText (plain)", () => telegram.editMessageText(chatId, messageId, undefined, part.text, extra));
  }
}
