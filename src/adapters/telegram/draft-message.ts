/**
 * Shows a draft in a group, where `sendMessageDraft` does not exist: a placeholder reply ("Searching
 * the articles…") posted when the first draft arrives, edited at most once per interval into the
 * draft so far, and finally edited into the checked answer — the first of its messages, the rest
 * sent after it. A 429 on a draft is waited out (drafts written meanwhile are skipped); the final
 * edit retries like any reply, and if Telegram still refuses it (the placeholder was deleted, say)
 * the answer is sent as a new reply and the placeholder removed, so the unchecked draft never stays.
 */
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { AnswerDraft, ReplyTarget } from "./answer-draft.js";
import { DraftThrottle } from "../../service/draft-throttle.js";
import { DRAFT_PLACEHOLDER, formatDraftText } from "./format-draft.js";
import type { MessagePart } from "./split-message.js";
import { describeTelegramError, editPart, isNotModifiedError, sendParts, waitOutRateLimit } from "./telegram-call.js";

export interface DraftMessageOptions {
  target: ReplyTarget;
  intervalMs: number;
}

const NO_PREVIEW = { link_preview_options: { is_disabled: true } };

export class TelegramDraftMessage implements AnswerDraft {
  private readonly throttle: DraftThrottle;
  private messageId: number | null = null;
  private shown = "";

  constructor(private readonly options: DraftMessageOptions) {
    this.throttle = new DraftThrottle({ intervalMs: options.intervalMs, push: (draft) => this.push(draft) });
  }

  offer(draft: string): void {
    this.throttle.offer(draft);
  }

  async deliver(parts: readonly MessagePart[], replyMarkup?: InlineKeyboardMarkup): Promise<number | null> {
    await this.throttle.close();
    const { target } = this.options;
    const markup = replyMarkup === undefined ? {} : { replyMarkup };
    const messageId = this.messageId;
    const [first, ...rest] = parts;
    if (messageId === null || first === undefined) {
      return sendParts({ ...target, parts, ...markup });
    }
    try {
      await editPart({ ...target, messageId, part: first, ...(rest.length === 0 ? markup : {}) });
    } catch (error) {
      target.logger.warn("telegram: could not edit the draft into the answer; sending it as a new reply", {
        chat: target.chatId,
        error: describeTelegramError(error),
      });
      const lastId = await sendParts({ ...target, parts, ...markup });
      await this.remove(messageId);
      return lastId;
    }
    const { replyTo: _asking, ...following } = target;
    if (rest.length === 0) return messageId;
    return sendParts({ ...following, parts: rest, ...markup });
  }

  async discard(): Promise<void> {
    await this.throttle.close();
    if (this.messageId !== null) await this.remove(this.messageId);
    this.messageId = null;
  }

  private async push(draft: string): Promise<boolean> {
    const { target } = this.options;
    const text = this.messageId === null ? DRAFT_PLACEHOLDER : formatDraftText(draft);
    if (text === null || text === this.shown) return true;
    try {
      if (this.messageId === null) {
        const sent = await target.telegram.sendMessage(target.chatId, text, {
          ...NO_PREVIEW,
          reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true },
          ...(target.threadId === undefined ? {} : { message_thread_id: target.threadId }),
        });
        this.messageId = sent.message_id;
      } else {
        await target.telegram.editMessageText(target.chatId, this.messageId, undefined, text, NO_PREVIEW);
      }
      this.shown = text;
      return true;
    } catch (error) {
      if (isNotModifiedError(error)) return true;
      return waitOutRateLimit(error, { ...target, what: this.messageId === null ? "draft placeholder" : "draft edit" });
    }
  }

  /** Best effort: a placeholder that can be neither edited nor deleted is logged, nothing more can be done. */
  private async remove(messageId: number): Promise<void> {
    const { target } = this.options;
    try {
      await target.telegram.deleteMessage(target.chatId, messageId);
    } catch (error) {
      target.logger.warn("telegram: could not delete the draft placeholder", { chat: target.chatId, error: describeTelegramError(error) });
    }
  }
}
