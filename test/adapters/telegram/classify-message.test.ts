import { describe, expect, it } from "vitest";
import type { Message } from "telegraf/types";
import { classifyMessage } from "../../../src/adapters/telegram/classify-message.js";

const bot = { id: 42, username: "dossier_bot" };
const privateChat = { id: 1, type: "private", first_name: "A" };
const groupChat = { id: -2, type: "supergroup", title: "G" };
const from = { id: 1, is_bot: false, first_name: "A" };

function msg(fields: Record<string, unknown>, chat: object = groupChat): Message {
  return { message_id: 10, date: 0, chat, from, ...fields } as unknown as Message;
}
function cmd(text: string, chat: object = groupChat): Message {
  const length = /^\/\S+/.exec(text)?.[0].length ?? 0;
  return msg({ text, entities: [{ type: "bot_command", offset: 0, length }] }, chat);
}
const botMessage = { message_id: 5, date: 0, chat: groupChat, from: { id: 42, is_bot: true, first_name: "Bot" }, text: "answer" };

describe("classifyMessage", () => {
  it("treats any private text as a question", () => {
    expect(classifyMessage(msg({ text: "  who?  " }, privateChat), bot)).toEqual({ kind: "question", text: "who?" });
  });

  it("recognises commands, with or without the bot's name, and ignores other bots' commands", () => {
    expect(classifyMessage(cmd("/ask who?"), bot)).toEqual({ kind: "question", text: "who?" });
    expect(classifyMessage(cmd("/ask@Dossier_Bot who?"), bot)).toEqual({ kind: "question", text: "who?" });
    expect(classifyMessage(cmd("/ask@other_bot who?"), bot)).toEqual({ kind: "ignore" });
    expect(classifyMessage(cmd("/sources"), bot)).toEqual({ kind: "sources" });
    expect(classifyMessage(cmd("/weather"), bot)).toEqual({ kind: "ignore" });
    expect(classifyMessage(cmd("/weather@dossier_bot"), bot)).toEqual({ kind: "unknown-command", command: "weather" });
    expect(classifyMessage(cmd("/weather", privateChat), bot)).toEqual({ kind: "unknown-command", command: "weather" });
    expect(classifyMessage(cmd("/ask"), bot)).toEqual({ kind: "empty-question" });
  });

  it("uses the replied-to text for a bare /ask in reply to a message", () => {
    const m = { ...cmd("/ask"), reply_to_message: { ...botMessage, from, text: "Who signed the memorandum?" } } as Message;
    expect(classifyMessage(m, bot)).toEqual({ kind: "question", text: "Who signed the memorandum?" });
  });

  it("answers mentions (removing them) and replies to the bot in groups, nothing else", () => {
    const mention = msg({ text: "@dossier_bot, who chairs it?", entities: [{ type: "mention", offset: 0, length: 12 }] });
    expect(classifyMessage(mention, bot)).toEqual({ kind: "question", text: "who chairs it?" });
    const other = msg({ text: "@someone_else who?", entities: [{ type: "mention", offset: 0, length: 13 }] });
    expect(classifyMessage(other, bot)).toEqual({ kind: "ignore" });
    const textMention = msg({ text: "Dossier who?", entities: [{ type: "text_mention", offset: 0, length: 7, user: { id: 42, is_bot: true, first_name: "D" } }] });
    expect(classifyMessage(textMention, bot)).toEqual({ kind: "question", text: "who?" });
    expect(classifyMessage(msg({ text: "and who signed?", reply_to_message: botMessage }), bot)).toEqual({ kind: "question", text: "and who signed?" });
    expect(classifyMessage(msg({ text: "plain chatter" }), bot)).toEqual({ kind: "ignore" });
  });

  it("does not mistake a forum topic's root message for a reply to the bot", () => {
    const inTopic = msg({ text: "hello all", is_topic_message: true, message_thread_id: 5, reply_to_message: botMessage });
    expect(classifyMessage(inTopic, bot)).toEqual({ kind: "ignore" });
  });

  it("explains non-text content only where it is addressed to the bot; ignores service messages", () => {
    expect(classifyMessage(msg({ voice: { file_id: "v" } }, privateChat), bot)).toEqual({ kind: "non-text" });
    expect(classifyMessage(msg({ photo: [] }), bot)).toEqual({ kind: "ignore" });
    expect(classifyMessage(msg({ photo: [], reply_to_message: botMessage }), bot)).toEqual({ kind: "non-text" });
    expect(classifyMessage(msg({ new_chat_members: [from] }), bot)).toEqual({ kind: "ignore" });
    expect(classifyMessage(msg({ pinned_message: botMessage }, privateChat), bot)).toEqual({ kind: "ignore" });
  });
});
