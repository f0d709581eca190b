/**
 * Turns one Telegram message into at most one piece of work for the answer service and sends the
 * reply: access and size checks, per-user rate limit, "typing…", the question with its per-(chat,
 * user) conversation key, and a short apology instead of a crash when anything fails.
 */
import type { Telegram } from "telegraf";
import type { Message } from "telegraf/types";
import type { Logger } from "../../core/logger.js";
import type { RateLimiter } from "../../service/sliding-window-rate-limiter.js";
import type { AnswerService } from "../../core/types.js";
import { isAppError, userMessageOf } from "../../core/errors.js";
import { classifyMessage, type BotIdentity, type Intent } from "./classify-message.js";
import { formatAnswer } from "./format-answer.js";
import { formatHelp, formatSources, formatStart } from "./format-sources.js";
import type { Sleep } from "./sleep.js";
import { plainBlock, type MessagePart } from "./split-message.js";
import type { KeyedTaskQueue } from "./task-queue.js";
import { describeTelegramError, sendParts } from "./telegram-call.js";

export interface MessageHandlerOptions {
  telegram: Telegram;
  service: AnswerService;
  bot: BotIdentity;
  logger: Logger;
  rateLimiter: RateLimiter;
  maxQuestionLength: number;
  /** Chat ids the bot works in; null for everywhere. */
  allowedChatIds: ReadonlySet<string> | null;
  queue: KeyedTaskQueue;
  sleep: Sleep;
  /** Telegram shows "typing…" for about 5 s; it is renewed this often while answering. */
  typingIntervalMs?: number;
}

/** The conversation key for follow-up memory: one per user per chat, never shared. */
export function conversationIdOf(chatId: number, userId: number): string {
  return `telegram:${chatId}:${userId}`;
}

const EXAMPLE = "who signed the agreement?";

/** Returns the function that receives every incoming message; it never throws and never blocks. */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => void {
  const { logger, queue } = options;
  const notifiedUntil = new Map<string, number>();

  const reply = async (message: Message, parts: readonly MessagePart[], signal: AbortSignal) => {
    const threadId = (message as { is_topic_message?: boolean }).is_topic_message === true ? message.message_thread_id : undefined;
    try {
      await sendParts({
        telegram: options.telegram,
        chatId: message.chat.id,
        parts,
        replyTo: message.message_id,
        ...(threadId === undefined ? {} : { threadId }),
        sleep: options.sleep,
        logger,
        signal,
      });
    } catch (error) {
      logger.error("telegram: could not send reply", { chat: message.chat.id, error: describeTelegramError(error) });
    }
  };
  const say = (message: Message, key: string, text: string) =>
    queue.run(key, (signal) => reply(message, [plainBlock(text)], signal));

  /** True if allowed; tells the user once per blocked period otherwise. */
  const withinRateLimit = (message: Message, key: string, userId: number): boolean => {
    const decision = options.rateLimiter.take(`telegram:${userId}`);
    if (decision.ok) return true;
    const now = Date.now();
    if ((notifiedUntil.get(key) ?? 0) > now) return false;
    if (notifiedUntil.size > 10_000) for (const [k, until] of notifiedUntil) if (until <= now) notifiedUntil.delete(k);
    notifiedUntil.set(key, now + decision.retryAfterMs);
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    say(message, key, `You're asking faster than I can keep up — please wait about ${seconds} s and ask again.`);
    return false;
  };

  const answer = async (message: Message, question: string, userId: number, signal: AbortSignal) => {
    const chatId = message.chat.id;
    const typing = () =>
      options.telegram.sendChatAction(chatId, "typing").catch((error: unknown) => {
        logger.debug("telegram: sendChatAction failed", { error: describeTelegramError(error) });
      });
    void typing();
    const timer = setInterval(() => void typing(), options.typingIntervalMs ?? 4500);
    let parts: MessagePart[];
    const started = performance.now();
    try {
      const result = await options.service.ask(question, { conversationId: conversationIdOf(chatId, userId), signal });
      parts = formatAnswer(result);
      logger.debug("telegram: answered", { chat: chatId, grounded: result.grounded, parts: parts.length, ms: Math.round(performance.now() - started) });
    } catch (error) {
      logger.error("telegram: answering failed", {
        chat: chatId,
        code: isAppError(error) ? error.code : "INTERNAL",
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      const text = signal.aborted ? "Sorry, I'm restarting — please ask again in a moment." : userMessageOf(error);
      parts = [plainBlock(text)];
    } finally {
      clearInterval(timer);
    }
    await reply(message, parts, signal);
  };

  const act = (message: Message, intent: Intent, key: string, userId: number) => {
    const group = message.chat.type !== "private";
    const greeting = { botUsername: options.bot.username, group };
    switch (intent.kind) {
      case "ignore":
        return;
      case "start":
        return queue.run(key, (signal) => reply(message, formatStart(options.service.corpus(), greeting), signal));
      case "help":
        return queue.run(key, (signal) => reply(message, formatHelp(greeting), signal));
      case "sources":
        if (!withinRateLimit(message, key, userId)) return;
        return queue.run(key, (signal) => reply(message, formatSources(options.service.corpus()), signal));
      case "unknown-command":
        return say(message, key, `I don't know /${intent.command}. /help lists what I can do.`);
      case "non-text":
        return say(message, key, `I can only read text. Please type your question, e.g. “${EXAMPLE}”`);
      case "empty-question":
        return say(message, key, `Please put your question after the command or mention, e.g. /ask ${EXAMPLE}`);
      case "question": {
        const length = Array.from(intent.text).length;
        if (length > options.maxQuestionLength) {
          return say(message, key, `Your question is ${length} characters long; please keep it to ${options.maxQuestionLength} characters or fewer.`);
        }
        if (!withinRateLimit(message, key, userId)) return;
        return queue.run(key, (signal) => answer(message, intent.text, userId, signal));
      }
    }
  };

  return (message: Message) => {
    try {
      const from = message.from;
      if (from === undefined || (from.is_bot && from.id !== 1087968824)) return; // bots (not anonymous admins)
      const intent = classifyMessage(message, options.bot);
      if (intent.kind === "ignore") return;
      const key = conversationIdOf(message.chat.id, from.id);
      if (options.allowedChatIds !== null && !options.allowedChatIds.has(String(message.chat.id))) {
        logger.info("telegram: message from a chat not in TELEGRAM_ALLOWED_CHAT_IDS", { chat: message.chat.id });
        say(message, key, `Sorry, I'm not enabled in this chat (chat id ${message.chat.id}).`);
        return;
      }
      act(message, intent, key, from.id);
    } catch (error) {
      logger.error("telegram: could not handle message", { error: describeTelegramError(error) });
    }
  };
}
