/**
 * Messages → the question desk → replies. A message is a question when it mentions the bot, replies
 * to one of the bot's messages, is written in a thread the bot started, or is a DM; everything else
 * (other bots, system messages, unknown types, chatter) is ignored. Without the Message Content
 * intent a mention may arrive without its text: the user is pointed to `/ask` instead. A language
 * model's draft is shown in a placeholder reply that becomes the checked answer (`draft-editor.ts`).
 * A message addressed to the bot is claimed (`discord:message:<id>`) before it is answered, so it is
 * answered once however many instances receive it; chatter is never claimed, so the shared claims
 * store sees questions only.
 */
import { MessageType, type Message } from "discord.js";
import type { DiscordFeedback } from "./feedback-buttons.js";
import type { EventClaims } from "../../core/event-claims.js";
import type { Logger } from "../../core/logger.js";
import type { AdmissionRules, Asker } from "../../service/admission.js";
import { answerOnce } from "./answer-once.js";
import { conversationKey } from "./conversation-key.js";
import { discordAsker } from "./discord-place.js";
import { DEFAULT_DRAFT_INTERVAL_MS, DraftEditor } from "./draft-editor.js";
import { replySurface } from "./draft-surfaces.js";
import { formatDraft } from "./format-draft.js";
import { safePayload, type SafePayload } from "./message-payload.js";
import type { QuestionDesk } from "./question-desk.js";
import { replies } from "./user-replies.js";

export interface MessageHandlerOptions {
  desk: QuestionDesk;
  /** Length limit, rate limit and allow-lists, shared with every front end. */
  admission: AdmissionRules;
  logger: Logger;
  /** Who answers each message, shared by every instance of the bot. */
  claims: EventClaims;
  messageContent: boolean;
  /** Aborted when the adapter stops. */
  signal: AbortSignal;
  /** Show "typing…" when an answer takes longer than this. */
  typingDelayMs?: number;
  /** Least time between two edits of a language model's draft (default 1000 ms). */
  draftIntervalMs?: number;
  /** Told where an answer's 👍 / 👎 row went (guild rows are removed after a while). */
  feedback?: DiscordFeedback;
}

const DEFAULT_TYPING_DELAY_MS = 300;

/** How a message reached the bot, if it did. */
type Route = "dm" | "mention" | "reply" | "thread";

/** Builds the `messageCreate` listener. */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => Promise<void> {
  return async (message) => {
    if (message.author.bot || message.system || message.webhookId !== null) return;
    if (message.type !== MessageType.Default && message.type !== MessageType.Reply) return;
    const botId = message.client.user.id;
    const route = routeOf(message, botId);
    if (route === null) return;

    const channel = message.channel;
    const asker = discordAsker(message.author.id, {
      guildId: message.guildId,
      channelId: message.channelId,
      parentChannelId: channel.isThread() ? channel.parentId : null,
    });
    // Outside the allow-lists messages are ignored, not answered: a refusal would be noise in
    // channels the bot is not meant for (slash commands, which must reply, say why privately).
    if (!options.admission.checkAccess(asker).ok) {
      options.logger.debug("discord: message outside the allow-lists ignored", { channel: message.channelId });
      return;
    }
    await answerOnce({ claims: options.claims, logger: options.logger, eventId: `discord:message:${message.id}` }, () =>
      answerMessage(message, { route, asker, botId }, options),
    );
  };
}

/** Answers a message addressed to the bot (claimed by this instance). */
async function answerMessage(message: Message, addressed: { route: Route; asker: Asker; botId: string }, options: MessageHandlerOptions): Promise<void> {
  const { route, asker, botId } = addressed;
  const channel = message.channel;
  const question = stripBotMention(message.content, botId);
  // In a bot thread an empty message is chatter we cannot read (no intent), not a question.
  if (question === "" && route === "thread") return;
  if (question === "") {
    const hint = options.messageContent ? replies.emptyQuestion : replies.useSlashCommand;
    await reply(message, safePayload(hint, { pingAsker: true }), options.logger);
    return;
  }

  const admission = await options.admission.admit({ asker, question });
  if (!admission.ok) {
    if (admission.notify) await reply(message, safePayload(admission.error.userMessage, { pingAsker: true }), options.logger);
    return;
  }

  // Typing only for slow answers: a fast answer needs none, and it halves REST calls per question.
  const typing = setTimeout(() => {
    if (channel.isSendable()) channel.sendTyping().catch((error: unknown) => options.logger.debug("discord: typing failed", { error }));
  }, options.typingDelayMs ?? DEFAULT_TYPING_DELAY_MS);
  const surface = replySurface(message);
  const drafts = new DraftEditor({
    surface,
    intervalMs: options.draftIntervalMs ?? DEFAULT_DRAFT_INTERVAL_MS,
    render: (draft) => safePayload(formatDraft(draft), { pingAsker: true }),
    logger: options.logger,
  });
  let parts: SafePayload[];
  try {
    parts = await options.desk.answer({
      question,
      conversationId: conversationKey(message.channelId, message.author.id),
      signal: options.signal,
      format: { pingAsker: true },
      route,
      userId: message.author.id,
      chat: message.guildId === null ? "private" : "group",
      onDraft: (draft) => {
        clearTimeout(typing); // the draft message shows progress from now on
        drafts.offer(draft);
      },
    });
  } finally {
    clearTimeout(typing);
  }
  let last: Message | null;
  if (await drafts.deliver(parts)) {
    last = surface.last;
  } else {
    const [first, ...rest] = parts;
    if (first === undefined) return;
    last = await reply(message, first, options.logger);
    if (last === null) return;
    for (const part of rest) {
      if (!channel.isSendable()) return;
      last = await channel.send(part);
    }
  }
  const sent = last;
  if (sent !== null && parts.at(-1)?.components !== undefined) {
    options.feedback?.shown({ messageId: sent.id, inGuild: message.guildId !== null, edit: (payload) => sent.edit(payload) });
  }
}

/** Why this message is addressed to the bot, or null when it is not. */
function routeOf(message: Message, botId: string): Route | null {
  if (message.guildId === null) return "dm";
  if (message.mentions.users.has(botId)) return "mention";
  if (message.reference?.messageId !== undefined && repliedAuthorId(message) === botId) return "reply";
  const channel = message.channel;
  if (channel.isThread() && channel.ownerId === botId) return "thread";
  return null;
}

function repliedAuthorId(message: Message): string | undefined {
  const referenceId = message.reference?.messageId;
  const cached = referenceId === undefined ? undefined : message.channel.messages.cache.get(referenceId);
  return cached?.author.id ?? message.mentions.repliedUser?.id;
}

/** The question without the bot's own mention (`<@id>` or the legacy `<@!id>`). */
export function stripBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").trim();
}

/** Replies to the question; null when Discord refused (e.g. no permission to send here). */
async function reply(message: Message, payload: SafePayload, logger: Logger): Promise<Message | null> {
  try {
    return await message.reply(payload);
  } catch (error) {
    logger.warn("discord: could not reply", { channel: message.channelId, error });
    return null;
  }
}
