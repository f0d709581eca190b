/**
 * Limits and allow-lists, end to end: per-user rate limit (one notice per episode for messages,
 * ephemeral for slash commands), question length, guild/channel allow-lists, and running without
 * the privileged Message Content intent.
 */
import { notAllowedMessage, tooLongMessage } from "../../../src/service/admission.js";
import { afterEach, describe, expect, test } from "vitest";
import { replies } from "../../../src/adapters/discord/user-replies.js";
import { Harness, contentOf, type HarnessOptions } from "./discord-harness.js";

const EPHEMERAL = 1 << 6;
const MESSAGE_CONTENT_INTENT = 1 << 15;

let h: Harness;
async function start(options: HarnessOptions): Promise<Harness> {
  h = await new Harness(options).start();
  return h;
}
afterEach(async () => {
  await h.close();
});

function callbackData(body: Record<string, unknown> | null): { content: string; flags: number } {
  return body?.data as { content: string; flags: number };
}

describe("rate limit", () => {
  test("per user: the extra question gets one friendly notice, later ones are silent, others unaffected", async () => {
    await start({ rateLimit: { max: 2, windowMs: 60_000 } });
    for (const q of ["one", "two"]) await h.replyTo(h.sendMessage({ from: h.alice, content: q, mention: true }).message.id);
    const third = h.sendMessage({ from: h.alice, content: "three", mention: true }).message;
    expect(contentOf(await h.replyTo(third.id))).toMatch(/^You're asking faster than I can keep up — please wait \d+ s/);
    const fourth = h.sendMessage({ from: h.alice, content: "four", mention: true }).message;
    const sentinel = h.sendMessage({ from: h.bob, content: "bob is fine", mention: true }).message;
    expect(contentOf(await h.replyTo(sentinel.id))).toContain("bob is fine");
    expect(h.repliesTo(fourth.id)).toHaveLength(0);
    expect(h.service.asks.map((a) => a.question)).toEqual(["one", "two", "bob is fine"]);

    const { interaction } = h.sendCommand({ from: h.alice, name: "ask", question: "five" });
    const data = callbackData((await h.callbackOf(interaction)).body);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toMatch(/^You're asking faster/);
  });
});

describe("question length", () => {
  test("an over-long question is refused clearly and never reaches the service", async () => {
    await start({ maxQuestionLength: 40 });
    const long = "Who chairs the Federation of Trade Unions of Kyrgyzstan today?";
    const { message } = h.sendMessage({ from: h.alice, content: long, mention: true });
    expect(contentOf(await h.replyTo(message.id))).toBe(tooLongMessage(long.length, 40));
    const { interaction } = h.sendCommand({ from: h.bob, name: "ask", question: long });
    const data = callbackData((await h.callbackOf(interaction)).body);
    expect(data.content).toBe(tooLongMessage(long.length, 40));
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(h.service.asks).toHaveLength(0);
  });
});

describe("allow-lists", () => {
  test("guild + channel allow-list: only that channel (and its threads) is answered; elsewhere ignored or refused", async () => {
    await start({ config: (x) => ({ allowedGuildIds: [x.guildId], allowedChannelIds: [x.help] }) });
    const inHelp = { channelId: h.help, guildId: h.guildId };
    const ignored = [
      h.sendMessage({ from: h.alice, content: "in general", mention: true }).message,
      h.sendMessage({ from: h.alice, content: "in a thread of general", place: { channelId: h.botThread, guildId: h.guildId } }).message,
      h.sendMessage({ from: h.alice, content: "in the other guild", mention: true, place: { channelId: h.otherChannel, guildId: h.otherGuildId } }).message,
      h.sendMessage({ from: h.alice, content: "in a DM", place: h.inDm }).message,
    ];
    const answered = h.sendMessage({ from: h.alice, content: "in help", mention: true, place: inHelp }).message;
    expect(contentOf(await h.replyTo(answered.id))).toContain("in help");
    for (const m of ignored) expect(h.repliesTo(m.id)).toHaveLength(0);
    expect(h.service.asks.map((a) => a.question)).toEqual(["in help"]);

    const refused = h.sendCommand({ from: h.bob, name: "ask", question: "slash in general" }).interaction;
    const data = callbackData((await h.callbackOf(refused)).body);
    expect(data).toMatchObject({ content: notAllowedMessage("this channel") });
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const allowed = h.sendCommand({ from: h.bob, name: "ask", question: "slash in help", place: inHelp }).interaction;
    expect(contentOf(await h.originalEditOf(allowed))).toContain("slash in help");
  });

  test("guild allow-list alone: any channel of that guild, no other guild, no DMs", async () => {
    await start({ config: (x) => ({ allowedGuildIds: [x.guildId] }) });
    const other = h.sendMessage({ from: h.alice, content: "other guild", mention: true, place: { channelId: h.otherChannel, guildId: h.otherGuildId } }).message;
    const dm = h.sendMessage({ from: h.alice, content: "dm", place: h.inDm }).message;
    const general = h.sendMessage({ from: h.alice, content: "general", mention: true }).message;
    await h.replyTo(general.id);
    expect(h.repliesTo(other.id)).toHaveLength(0);
    expect(h.repliesTo(dm.id)).toHaveLength(0);
    const refused = h.sendCommand({ from: h.bob, name: "help", place: { channelId: h.otherChannel, guildId: h.otherGuildId } }).interaction;
    expect(callbackData((await h.callbackOf(refused)).body).content).toBe(notAllowedMessage("this channel"));
  });
});

describe("without the Message Content intent", () => {
  test("the intent is not requested; a mention without text gets a hint to use /ask; slash commands work", async () => {
    await start({ config: { messageContent: false }, fake: { disallowMessageContent: true } });
    expect(h.fake.identifies).toHaveLength(1);
    expect((h.fake.identifies[0]?.intents ?? 0) & MESSAGE_CONTENT_INTENT).toBe(0);
    const { message } = h.sendMessage({ from: h.alice, content: "", mention: true });
    expect(contentOf(await h.replyTo(message.id))).toBe(replies.useSlashCommand);
    const { interaction } = h.sendCommand({ from: h.alice, name: "ask", question: "Who chairs the federation?" });
    expect(contentOf(await h.originalEditOf(interaction))).toContain("[1]");
  });

  test("with it enabled in config, the intent is requested", async () => {
    await start({});
    expect((h.fake.identifies[0]?.intents ?? 0) & MESSAGE_CONTENT_INTENT).toBe(MESSAGE_CONTENT_INTENT);
  });
});
