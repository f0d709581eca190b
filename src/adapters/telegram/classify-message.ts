/**
 * Decides what an incoming Telegram message asks of the bot. In private chats any text is a
 * question; in groups only messages addressed to the bot count (`/ask`, `/ask@bot`, a mention, a
 * reply to the bot), so the bot never answers every message. Pure, so the rules are unit-tested.
 */
import type { Message, MessageEntity } from "telegraf/types";

export interface BotIdentity {
  id: number;
  username: string;
}

export type Intent =
  | { kind: "ignore" }
  | { kind: "start" | "help" | "sources" }
  | { kind: "unknown-command"; command: string }
  | { kind: "question"; text: string }
  | { kind: "empty-question" }
  | { kind: "non-text" };

/** Message fields that carry content the bot cannot read (as opposed to service messages). */
const NON_TEXT_CONTENT = [
  "photo", "sticker", "voice", "video", "video_note", "audio", "document", "animation",
  "location", "venue", "contact", "poll", "dice", "story",
] as const;

const KNOWN_COMMANDS = new Set(["start", "help", "sources"]);

function field<T>(message: Message, key: string): T | undefined {
  return (message as unknown as Record<string, T | undefined>)[key];
}

/** True when the message is a reply to one of the bot's own messages (not a forum-topic root). */
export function isReplyToBot(message: Message, bot: BotIdentity): boolean {
  const reply = field<Message>(message, "reply_to_message");
  if (reply === undefined || reply.from?.id !== bot.id) return false;
  const inTopic = field<boolean>(message, "is_topic_message") === true;
  return !(inTopic && reply.message_id === field<number>(message, "message_thread_id"));
}

function mentionsBot(text: string, entities: readonly MessageEntity[], bot: BotIdentity): MessageEntity[] {
  const handle = `@${bot.username}`.toLowerCase();
  return entities.filter(
    (e) =>
      (e.type === "mention" && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === "text_mention" && e.user.id === bot.id),
  );
}

function withoutEntities(text: string, remove: readonly MessageEntity[]): string {
  let out = text;
  for (const e of [...remove].sort((a, b) => b.offset - a.offset)) {
    out = `${out.slice(0, e.offset)} ${out.slice(e.offset + e.length)}`;
  }
  return tidy(out);
}

function tidy(text: string): string {
  return text.replace(/[ \t]+/g, " ").replace(/^[\s,:;–—-]+/, "").trim();
}

function repliedText(message: Message): string {
  const reply = field<Message>(message, "reply_to_message");
  const text = reply === undefined ? undefined : field<string>(reply, "text");
  return text?.trim() ?? "";
}

function classifyCommand(message: Message, text: string, entity: MessageEntity, bot: BotIdentity, isPrivate: boolean): Intent {
  const [head = "", target] = text.slice(1, entity.length).split("@");
  if (target !== undefined && target.toLowerCase() !== bot.username.toLowerCase()) return { kind: "ignore" };
  const command = head.toLowerCase();
  if (command === "ask") {
    const question = tidy(text.slice(entity.length));
    if (question !== "") return { kind: "question", text: question };
    const quoted = repliedText(message);
    return quoted === "" ? { kind: "empty-question" } : { kind: "question", text: quoted };
  }
  if (KNOWN_COMMANDS.has(command)) return { kind: command as "start" | "help" | "sources" };
  // In groups an unaddressed unknown command is probably for another bot.
  return isPrivate || target !== undefined ? { kind: "unknown-command", command } : { kind: "ignore" };
}

/** What the bot should do with a message: answer, run a command, explain, or stay quiet. */
export function classifyMessage(message: Message, bot: BotIdentity): Intent {
  const isPrivate = message.chat.type === "private";
  if (message.chat.type === "channel") return { kind: "ignore" };
  const text = field<string>(message, "text");

  if (text === undefined) {
    const hasContent = NON_TEXT_CONTENT.some((key) => field<unknown>(message, key) !== undefined);
    if (!hasContent) return { kind: "ignore" }; // service messages: joins, pins, …
    if (isPrivate || isReplyToBot(message, bot)) return { kind: "non-text" };
    const caption = field<string>(message, "caption") ?? "";
    const captionEntities = field<MessageEntity[]>(message, "caption_entities") ?? [];
    return mentionsBot(caption, captionEntities, bot).length > 0 ? { kind: "non-text" } : { kind: "ignore" };
  }

  const entities = field<MessageEntity[]>(message, "entities") ?? [];
  const first = entities[0];
  if (first?.type === "bot_command" && first.offset === 0) {
    return classifyCommand(message, text, first, bot, isPrivate);
  }

  if (isPrivate) {
    const question = text.trim();
    return question === "" ? { kind: "ignore" } : { kind: "question", text: question };
  }

  const mentions = mentionsBot(text, entities, bot);
  if (mentions.length > 0) {
    const question = withoutEntities(text, mentions);
    return question === "" ? { kind: "empty-question" } : { kind: "question", text: question };
  }
  if (isReplyToBot(message, bot)) {
    const question = text.trim();
    return question === "" ? { kind: "ignore" } : { kind: "question", text: question };
  }
  return { kind: "ignore" };
}
