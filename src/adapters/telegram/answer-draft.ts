/**
 * What the message handler needs from a way of showing a model's draft: take drafts while the
 * answer is written, then deliver the checked answer so that no unchecked draft stays visible.
 * Private chats stream with `sendMessageDraft` (`draft-stream.ts`); groups, where that method does
 * not exist, edit a placeholder reply (`draft-message.ts`).
 */
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { SendPartsOptions } from "./telegram-call.js";
import type { MessagePart } from "./split-message.js";

/** Where the answer goes: the chat, the asking message, the topic, and how to wait and log. */
export type ReplyTarget = Omit<SendPartsOptions, "parts" | "replyTo"> & { replyTo: number };

export interface AnswerDraft {
  /** The whole draft so far (unchecked). Cheap and never throws: it may be called many times a second. */
  offer(draft: string): void;
  /**
   * Sends the checked answer (or the apology) as the reply, replacing the draft; with no draft
   * shown it is exactly the plain reply. `replyMarkup` goes under the answer's last message, whose
   * id it resolves to (null for no parts). Rejects only when the answer could not be sent at all.
   */
  deliver(parts: readonly MessagePart[], replyMarkup?: InlineKeyboardMarkup): Promise<number | null>;
  /**
   * Ends the draft without an answer (shutdown cut the answer short and another instance will give
   * it): stops drafting and takes down whatever draft is on screen. Never throws.
   */
  discard(): Promise<void>;
}

/** Production pace: Telegram tolerates about one edit a second per chat. */
export const DEFAULT_DRAFT_INTERVAL_MS = 1000;
