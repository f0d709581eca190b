/**
 * Turns one Telegram message into at most one piece of work for the answer service and sends the
 * reply: access and size checks, per-user rate limit, "typing…", the question with its per-(chat,
 * user) conversation key, a language model's draft while it writes (replaced by the checked
 * answer), 👍 / 👎 buttons under a grounded answer, and a short apology instead of a crash when
 * anything fails. The work is queued; the returned promise settles when it is finished (a webhook
 * answers Telegram only then), and says "aborted" when shutdown cut an answer short.
 */
import { randomInt } from "node:crypto";
import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup, Message } from "telegraf/types";
import type { Logger } from "../../core/logger.js";
import type { AnswerService } from "../../core/types.js";
import { isAppError, userMessageOf } from "../../core/errors.js";
import type { AdmissionRules, Asker } from "../../service/admission.js";
import { classifyMessage, type BotIdentity, type Intent } from "./classify-message.js";
import { formatAnswer } from "./format-answer.js";
import { formatHelp, formatSources, formatStart } from "./format-sources.js";
import { DEFAULT_DRAFT_INTERVAL_MS, type AnswerDraft, type ReplyTarget } from "./answer-draft.js";
import { TelegramDraftMessage } from "./draft-message.js";
import { TelegramDraftStream } from "./draft-stream.js";
import type { Sleep } from "./sleep.js";
import { plainBlock, type MessagePart } from "./split-message.js";
import { DONE, type KeyedTaskQueue, type TaskOutcome } from "./task-queue.js";
import { describeTelegramError, sendParts } from "./telegram-call.js";
import type { TelegramFeedback } from "./feedback-buttons.js";

export interface MessageHandlerOptions {
  telegram: Telegram;
  service: AnswerService;
  bot: BotIdentity;
  logger: Logger;
  /** Length limit, rate limit and the chat allow-list, shared with every front end. */
  admission: AdmissionRules;
  queue: KeyedTaskQueue;
  sleep: Sleep;
  /** Telegram shows "typing…" for about 5 s; it is renewed this often while answering. */
  typingIntervalMs?: number;
  /** Least time between two draft updates of one answer (default 1000: Telegram's pace per chat). */
  draftIntervalMs?: number;
  /** 👍 / 👎 under grounded answers (none without it). */
  feedback?: TelegramFeedback;
  /**
   * Webhook mode: an answer cut short by shutdown sends no "I'm restarting" apology and removes its
   * draft, because the update is given back and Telegram re-delivers it (to another instance). The
   * queue, built with `skipOnceAborted`, does the same for answers that had not started.
   */
  redeliversAborted?: boolean;
}

/** Bot API integers for draft ids: non-zero and within 31 bits. */
const MAX_DRAFT_ID = 2 ** 31 - 1;

/** The conversation key for follow-up memory: one per user per chat, never shared. */
export function conversationIdOf(chatId: number, userId: number): string {
  return `telegram:${chatId}:${userId}`;
}

const EXAMPLE = "who signed the agreement?";

/**
 * Returns the function that receives every incoming message; it never throws or rejects, and queues
 * the work synchronously (so messages are queued in the order they arrive). It resolves when the
 * work is finished.
 */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => Promise<TaskOutcome> {
  const { logger, admission, queue } = options;

  const targetOf = (message: Message, signal: AbortSignal): ReplyTarget => {
    const threadId = (message as { is_topic_message?: boolean }).is_topic_message === true ? message.message_thread_id : undefined;
    return {
      telegram: options.telegram,
      chatId: message.chat.id,
      replyTo: message.message_id,
      ...(threadId === undefined ? {} : { threadId }),
      sleep: options.sleep,
      logger,
      signal,
    };
  };
  /**
   * Sends the reply (through the answer's draft when there is one), with `replyMarkup` under its last
   * message, whose id it resolves to; failures are logged, never thrown (null then).
   */
  const deliver = async (
    message: Message,
    parts: readonly MessagePart[],
    signal: AbortSignal,
    draft?: AnswerDraft,
    replyMarkup?: InlineKeyboardMarkup,
  ): Promise<number | null> => {
    try {
      if (draft !== undefined) return await draft.deliver(parts, replyMarkup);
      return await sendParts({ ...targetOf(message, signal), parts, ...(replyMarkup === undefined ? {} : { replyMarkup }) });
    } catch (error) {
      logger.error("telegram: could not send reply", { chat: message.chat.id, error: describeTelegramError(error) });
      return null;
    }
  };
  const reply = async (message: Message, parts: readonly MessagePart[], signal: AbortSignal): Promise<void> => {
    await deliver(message, parts, signal);
  };

  // Unique per answer while the bot runs; a random start keeps ids apart across restarts.
  let nextDraftId = randomInt(1, MAX_DRAFT_ID);
  const draftFor = (message: Message, signal: AbortSignal): AnswerDraft => {
    const target = targetOf(message, signal);
    const intervalMs = options.draftIntervalMs ?? DEFAULT_DRAFT_INTERVAL_MS;
    if (message.chat.type !== "private") return new TelegramDraftMessage({ target, intervalMs });
    const draftId = nextDraftId;
    nextDraftId = nextDraftId >= MAX_DRAFT_ID ? 1 : nextDraftId + 1;
    return new TelegramDraftStream({ target, draftId, intervalMs });
  };
  const say = (message: Message, key: string, text: string) =>
    queue.run(key, (signal) => reply(message, [plainBlock(text)], signal));

  /** Runs `work` if admission takes the request; otherwise says why (once per rate-limit episode). */
  const admitted = (message: Message, key: string, asker: Asker, question: string | undefined, work: (signal: AbortSignal) => Promise<void | "aborted">) =>
    queue.run(key, async (signal) => {
      const decision = await admission.admit({ asker, ...(question === undefined ? {} : { question }) });
      if (decision.ok) return work(signal);
      if (decision.notify) await reply(message, [plainBlock(decision.error.userMessage)], signal);
    });

  const answer = async (message: Message, question: string, userId: number, signal: AbortSignal): Promise<void | "aborted"> => {
    const chatId = message.chat.id;
    const typing = () =>
      options.telegram.sendChatAction(chatId, "typing").catch((error: unknown) => {
        logger.debug("telegram: sendChatAction failed", { error: describeTelegramError(error) });
      });
    void typing();
    const timer = setInterval(() => void typing(), options.typingIntervalMs ?? 4500);
    const draft = draftFor(message, signal);
    // The draft on screen shows progress from now on; "typing…" over it would only flicker.
    const onDraft = (text: string) => {
      clearInterval(timer);
      draft.offer(text);
    };
    let parts: MessagePart[];
    let buttons: InlineKeyboardMarkup | undefined;
    let aborted = false;
    const started = performance.now();
    try {
      const result = await options.service.ask(question, {
        conversationId: conversationIdOf(chatId, userId),
        signal,
        onDraft,
        platform: "telegram",
        userId: String(userId),
        chat: message.chat.type === "private" ? "private" : "group",
      });
      parts = formatAnswer(result);
      buttons = options.feedback?.keyboardFor(result);
      logger.debug("telegram: answered", { chat: chatId, grounded: result.grounded, parts: parts.length, ms: Math.round(performance.now() - started) });
    } catch (error) {
      if (signal.aborted && options.redeliversAborted === true) {
        logger.info("telegram: answer cut short by shutdown; the update is given back", { chat: chatId });
        await draft.discard();
        return "aborted";
      }
      logger.error("telegram: answering failed", {
        chat: chatId,
        code: isAppError(error) ? error.code : "INTERNAL",
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      aborted = signal.aborted;
      const text = aborted ? "Sorry, I'm restarting — please ask again in a moment." : userMessageOf(error);
      parts = [plainBlock(text)];
    } finally {
      clearInterval(timer);
    }
    const lastId = await deliver(message, parts, signal, draft, buttons);
    if (buttons !== undefined && lastId !== null) options.feedback?.shown(message.chat, lastId);
    return aborted ? "aborted" : undefined;
  };

  const act = (message: Message, intent: Intent, key: string, asker: Asker, userId: number): Promise<TaskOutcome> => {
    const group = message.chat.type !== "private";
    const greeting = { botUsername: options.bot.username, group };
    switch (intent.kind) {
      case "ignore":
        return DONE;
      case "start":
        return queue.run(key, (signal) => reply(message, formatStart(options.service.corpus(), greeting), signal));
      case "help":
        return queue.run(key, (signal) => reply(message, formatHelp(greeting), signal));
      case "sources":
        return admitted(message, key, asker, undefined, (signal) => reply(message, formatSources(options.service.corpus()), signal));
      case "unknown-command":
        return say(message, key, `I don't know /${intent.command}. /help lists what I can do.`);
      case "non-text":
        return say(message, key, `I can only read text. Please type your question, e.g. “${EXAMPLE}”`);
      case "empty-question":
        return say(message, key, `Please put your question after the command or mention, e.g. /ask ${EXAMPLE}`);
      case "question":
        return admitted(message, key, asker, intent.text, (signal) => answer(message, intent.text, userId, signal));
    }
  };

  return (message: Message) => {
    try {
      const from = message.from;
      if (from === undefined || (from.is_bot && from.id !== 1087968824)) return DONE; // bots (not anonymous admins)
      const intent = classifyMessage(message, options.bot);
      if (intent.kind === "ignore") return DONE;
      const key = conversationIdOf(message.chat.id, from.id);
      const asker: Asker = {
        platform: "telegram",
        userId: String(from.id),
        place: { ids: { chat: [String(message.chat.id)] }, name: `this chat (chat id ${message.chat.id})` },
      };
      const access = admission.checkAccess(asker);
      if (!access.ok) {
        logger.info("telegram: message from a chat not in TELEGRAM_ALLOWED_CHAT_IDS", { chat: message.chat.id });
        return say(message, key, access.error.userMessage);
      }
      return act(message, intent, key, asker, from.id);
    } catch (error) {
      logger.error("telegram: could not handle message", { error: describeTelegramError(error) });
      return DONE;
    }
  };
}
