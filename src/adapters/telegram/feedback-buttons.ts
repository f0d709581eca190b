/**
 * 👍 / 👎 under grounded answers: the keyboard an answer gets, what a tap does (record the vote with
 * the service, a short toast only the voter sees, the counts on the buttons), and, in groups, the
 * buttons' removal after `groupTtlMs` so old answers do not keep a row of buttons in a busy chat.
 * Private chats keep them. Taps and removals of one message run in order, so a late vote never puts
 * back buttons that were just removed. Failures are logged and end with a toast, never a crash.
 */
import type { Telegram } from "telegraf";
import type { CallbackQuery, Chat, InlineKeyboardMarkup, MaybeInaccessibleMessage } from "telegraf/types";
import type { VoteTally } from "../../core/answer-log.js";
import type { Logger } from "../../core/logger.js";
import type { Answer, AnswerService } from "../../core/types.js";
import type { AdmissionRules } from "../../service/admission.js";
import type { Sleep } from "./sleep.js";
import { KeyedTaskQueue } from "./task-queue.js";
import { describeTelegramError, isNotModifiedError, withRetry } from "./telegram-call.js";
import { parseVoteData, sameKeyboard, tallyOfKeyboard, voteKeyboard, voteToast, voteToasts, wantsVoteButtons, type VoteData } from "./vote-keyboard.js";

export interface TelegramFeedbackOptions {
  telegram: Telegram;
  service: AnswerService;
  logger: Logger;
  /** The chat allow-list applies to taps as it does to questions. */
  admission: AdmissionRules;
  sleep: Sleep;
  /** How long the buttons stay under an answer in a group; `Infinity` keeps them. */
  groupTtlMs: number;
}

/** Production default for `groupTtlMs`: long enough to react to an answer, short enough to keep a group tidy. */
export const DEFAULT_FEEDBACK_TTL_MS = 10 * 60_000;

interface OpenKeyboard {
  deadline: number;
  timer: NodeJS.Timeout;
}

export class TelegramFeedback {
  /** Group messages whose buttons are still up, by `chat:message`, with the timer that takes them down. */
  private readonly open = new Map<string, OpenKeyboard>();
  private readonly queue: KeyedTaskQueue;
  private closed = false;

  constructor(private readonly options: TelegramFeedbackOptions) {
    this.queue = new KeyedTaskQueue({
      concurrency: 16,
      onError: (error) => options.logger.error("telegram: feedback task failed", { error: describeTelegramError(error) }),
    });
  }

  /** The buttons for an answer, or undefined when it gets none (refusals, no vote store). */
  keyboardFor(answer: Answer): InlineKeyboardMarkup | undefined {
    return wantsVoteButtons(answer, this.options.service) ? voteKeyboard(answer.id) : undefined;
  }

  /** Tells the feedback that `messageId` now carries the buttons; in groups it starts the countdown to their removal. */
  shown(chat: Pick<Chat, "id" | "type">, messageId: number): void {
    if (chat.type === "private" || this.closed || !Number.isFinite(this.options.groupTtlMs)) return;
    this.expireAt(chat.id, messageId, Date.now() + this.options.groupTtlMs);
  }

  /**
   * Handles a button press; never throws or rejects, and queues the work at once (per message). It
   * resolves when the press has been answered (a webhook acknowledges the update only then).
   */
  async handle(query: CallbackQuery): Promise<void> {
    const vote = "data" in query ? parseVoteData(query.data) : null;
    const message = query.message;
    if (vote === null || message === undefined || this.closed) {
      await this.toast(query.id); // not one of ours: just stop the client's spinner
      return;
    }
    await this.queue.run(keyOf(message.chat.id, message.message_id), (signal) => this.vote(query, message, vote, signal));
  }

  /** Stops the removal timers (buttons still up stay, and are removed at the next tap once stale) and waits for taps in progress. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { timer } of this.open.values()) clearTimeout(timer);
    this.open.clear();
    this.queue.abort();
    await this.queue.drain();
  }

  private async vote(query: CallbackQuery, message: MaybeInaccessibleMessage, vote: VoteData, signal: AbortSignal): Promise<void> {
    const { service, logger } = this.options;
    const chat = message.chat;
    const access = this.options.admission.checkAccess({
      platform: "telegram",
      userId: String(query.from.id),
      place: { ids: { chat: [String(chat.id)] }, name: `this chat (chat id ${chat.id})` },
    });
    if (!access.ok) return this.toast(query.id, voteToasts.notAllowed);
    if (service.acceptsVotes !== true || service.vote === undefined) {
      await this.toast(query.id, voteToasts.off);
      return this.setKeyboard(message, undefined, signal);
    }
    let tally: VoteTally | null;
    try {
      tally = await service.vote({ answerId: vote.answerId, platform: "telegram", userId: String(query.from.id), value: vote.value, at: Date.now() });
    } catch (error) {
      logger.error("telegram: could not record a vote", { chat: chat.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      return this.toast(query.id, voteToasts.failed);
    }
    if (tally === null) {
      await this.toast(query.id, voteToasts.tooOld);
      return this.setKeyboard(message, undefined, signal);
    }
    const shownMarkup = "reply_markup" in message ? message.reply_markup : undefined;
    await this.toast(query.id, voteToast(vote.value, tallyOfKeyboard(shownMarkup), tally));
    if (this.expired(message)) return this.setKeyboard(message, undefined, signal);
    const markup = voteKeyboard(vote.answerId, tally);
    if (!sameKeyboard(shownMarkup, markup)) await this.setKeyboard(message, markup, signal);
  }

  /**
   * In a group, whether the buttons' time is up. Buttons left over from before a restart have no
   * timer: their deadline is the message's date plus the TTL (and a timer is started when it is
   * still ahead), so a tap on stale buttons takes them down instead of updating them.
   */
  private expired(message: MaybeInaccessibleMessage): boolean {
    if (message.chat.type === "private" || !Number.isFinite(this.options.groupTtlMs)) return false;
    const open = this.open.get(keyOf(message.chat.id, message.message_id));
    if (open !== undefined) return Date.now() >= open.deadline;
    if (message.date === 0) return true; // inaccessible to the bot: old, or deleted
    const deadline = message.date * 1000 + this.options.groupTtlMs;
    if (Date.now() >= deadline) return true;
    this.expireAt(message.chat.id, message.message_id, deadline);
    return false;
  }

  private expireAt(chatId: number, messageId: number, deadline: number): void {
    const key = keyOf(chatId, messageId);
    const previous = this.open.get(key);
    if (previous !== undefined) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      this.open.delete(key);
      void this.queue.run(key, (signal) => this.setKeyboard({ chat: { id: chatId }, message_id: messageId }, undefined, signal));
    }, Math.max(0, deadline - Date.now()));
    timer.unref();
    this.open.set(key, { deadline, timer });
  }

  /** Shows `markup` under the message, or removes its buttons (undefined); failures are logged. */
  private async setKeyboard(message: { chat: { id: number }; message_id: number }, markup: InlineKeyboardMarkup | undefined, signal: AbortSignal): Promise<void> {
    const { telegram, logger, sleep } = this.options;
    const what = markup === undefined ? "remove feedback buttons" : "update feedback counts";
    try {
      await withRetry(() => telegram.editMessageReplyMarkup(message.chat.id, message.message_id, undefined, markup), {
        what,
        sleep,
        logger,
        signal,
        maxAttempts: 3,
        maxRetryAfterMs: 30_000,
      });
    } catch (error) {
      if (isNotModifiedError(error)) return;
      logger.warn(`telegram: could not ${what}`, { chat: message.chat.id, error: describeTelegramError(error) });
    }
  }

  /** Answers the button press (a toast when `text` is given); a late or failed answer only costs the spinner. */
  private async toast(queryId: string, text?: string): Promise<void> {
    try {
      await this.options.telegram.answerCbQuery(queryId, text);
    } catch (error) {
      this.options.logger.debug("telegram: answerCallbackQuery failed", { error: describeTelegramError(error) });
    }
  }
}

function keyOf(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}
