/**
 * Streams a draft in a private chat with `sendMessageDraft` (Bot API 9.3): Telegram shows it as the
 * bot's message being written, animated while the same `draft_id` grows, and drops it when the real
 * message is sent. At most one call per interval; a 429 is waited out; any other failure (an older
 * or self-hosted Bot API server answers 400/404 to an unknown method) ends drafting for this answer
 * and the final message is sent as usual — the answer never depends on the draft.
 */
import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { AnswerDraft, ReplyTarget } from "./answer-draft.js";
import { DraftThrottle } from "../../service/draft-throttle.js";
import { formatDraftText } from "./format-draft.js";
import type { MessagePart } from "./split-message.js";
import { sendParts, waitOutRateLimit } from "./telegram-call.js";

export interface DraftStreamOptions {
  target: ReplyTarget;
  /** Non-zero and unique per answer: drafts with the same id are shown as one growing message. */
  draftId: number;
  intervalMs: number;
}

/** telegraf 4.16's typings predate the method; the call itself is the generic Bot API POST. */
type RawCall = (this: Telegram, method: string, payload: Record<string, unknown>) => Promise<unknown>;

export class TelegramDraftStream implements AnswerDraft {
  private readonly throttle: DraftThrottle;
  private shown = "";

  constructor(private readonly options: DraftStreamOptions) {
    this.throttle = new DraftThrottle({ intervalMs: options.intervalMs, push: (draft) => this.push(draft) });
  }

  offer(draft: string): void {
    this.throttle.offer(draft);
  }

  async deliver(parts: readonly MessagePart[], replyMarkup?: InlineKeyboardMarkup): Promise<number | null> {
    await this.throttle.close();
    return sendParts({ ...this.options.target, parts, ...(replyMarkup === undefined ? {} : { replyMarkup }) });
  }

  /** Telegram drops a `sendMessageDraft` draft by itself when no message follows; only drafting stops. */
  async discard(): Promise<void> {
    await this.throttle.close();
  }

  private async push(draft: string): Promise<boolean> {
    const text = formatDraftText(draft);
    if (text === null || text === this.shown) return true;
    const { target, draftId } = this.options;
    const payload = {
      chat_id: target.chatId,
      draft_id: draftId,
      text,
      ...(target.threadId === undefined ? {} : { message_thread_id: target.threadId }),
    };
    try {
      await (target.telegram.callApi as unknown as RawCall).call(target.telegram, "sendMessageDraft", payload);
      this.shown = text;
      return true;
    } catch (error) {
      return waitOutRateLimit(error, { ...target, what: "sendMessageDraft" });
    }
  }
}
