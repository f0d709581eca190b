/**
 * The real discord.js client against a fake Discord on 127.0.0.1: slash commands, mentions, DMs,
 * follow-ups, splitting, errors and odd events, asserted on the requests the bot makes.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { userMessageOf } from "../../../src/core/errors.js";
import { replies } from "../../../src/adapters/discord/user-replies.js";
import { Harness, TOKEN, allowedMentionsOf, contentOf, isMessageSend, referencedId } from "./discord-harness.js";
import type { RecordedRequest } from "../../fakes/discord-fake-server.js";
import { rawUser, snowflake } from "../../fakes/discord-payloads.js";

const EPHEMERAL = 1 << 6;
const SUPPRESS_EMBEDS = 1 << 2;

let h: Harness;
beforeEach(async () => {
  h = await new Harness().start();
});
afterEach(async () => {
  await h.close();
  expect(h.logs.join("\n")).not.toContain(TOKEN);
});

describe("slash commands", () => {
  test("registers /ask, /sources and /help globally at start", () => {
    const put = h.fake.requests.find((r) => r.method === "PUT" && r.path === `/applications/${h.fake.applicationId}/commands`);
    const body = (put?.body ?? []) as unknown as Array<{ name: string; options?: Array<{ name: string; max_length?: number; required?: boolean }> }>;
    expect(body.map((c) => c.name)).toEqual(["ask", "sources", "help"]);
    expect(body[0]?.options?.[0]).toMatchObject({ name: "question", required: true, max_length: 500 });
  });

  test("/ask defers at once, then edits the reply with the cited answer", async () => {
    const { interaction } = h.sendCommand({ from: h.bob, name: "ask", question: "Who chairs the federation?" });
    const callback = await h.callbackOf(interaction);
    expect(callback.body).toMatchObject({ type: 5 });
    const edit = await h.originalEditOf(interaction);
    expect(edit.at).toBeGreaterThan(callback.at);
    const content = contentOf(edit);
    expect(content).toContain("**Q:** Who chairs the federation?");
    expect(content).toContain("Muradil Jumadilde chairs the federation [1].");
    expect(content).toContain("**Sources**\n[Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation](<https://azertag.az/en/xeber/example-3884393>) · AZERTAC · 2025-11-04");
    expect(content).toContain("\n> **[1]** Muradil Jumadilde, Chairman of the Federation");
    expect(edit.body?.flags).toBe(SUPPRESS_EMBEDS);
    expect(h.service.asks[0]).toMatchObject({ question: "Who chairs the federation?", context: { conversationId: `discord:${h.general}:${h.bob.id}` } });
  });

  test("/sources lists the indexed articles, only to the caller", async () => {
    const { interaction } = h.sendCommand({ from: h.alice, name: "sources" });
    const callback = await h.callbackOf(interaction);
    expect(callback.body).toMatchObject({ type: 4 });
    const data = callback.body?.data as { content: string; flags: number };
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toContain("2 news articles from AZERTAC and Mehr News Agency, 2019-06-18 to 2025-11-04");
    expect(data.content).toContain("[Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation](<https://azertag.az/en/xeber/example-3884393>)");
    expect(data.content).toContain("**Iran, Azerbaijan to expand labor cooperation** · Mehr News Agency · 2019-06-18");
    expect(h.service.asks).toHaveLength(0);
  });

  test("/help explains asking, follow-ups and commands", async () => {
    const { interaction } = h.sendCommand({ from: h.alice, name: "help", place: h.inDm });
    const data = (await h.callbackOf(interaction)).body?.data as { content: string; flags: number };
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.content).toContain("`/ask`");
    expect(data.content).toContain(`<@${h.fake.bot.id}>`);
    expect(data.content).toContain("follow-up");
    expect(data.content).toContain("`/sources`");
  });

  test("registers to DISCORD_GUILD_ID when set, for instant updates while testing", async () => {
    const g = new Harness({ config: { guildId: "123456789012345678" } });
    await g.start();
    await g.close();
    expect(g.fake.requests.some((r) => r.method === "PUT" && r.path === `/applications/${g.fake.applicationId}/guilds/123456789012345678/commands`)).toBe(true);
  });
});

describe("messages", () => {
  test("a mention in a channel is answered with a cited reply", async () => {
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", mention: true });
    const reply = await h.replyTo(message.id);
    expect(reply.path).toBe(`/channels/${h.general}/messages`);
    expect(contentOf(reply)).toMatch(/^Answer to "Who chairs the federation\?": Muradil Jumadilde chairs the federation \[1\]\.\n\n\*\*Sources\*\*\n\[Trade unions[^\n]+\n> \*\*\[1\]\*\* /);
    expect(reply.body?.flags).toBe(SUPPRESS_EMBEDS);
    expect(h.service.asks[0]).toMatchObject({ question: "Who chairs the federation?", context: { conversationId: `discord:${h.general}:${h.alice.id}` } });
  });

  test("a slow answer shows the typing indicator first", async () => {
    let release: () => void = () => undefined;
    h.service.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { message } = h.sendMessage({ from: h.alice, content: "slow one", mention: true });
    const typing = await h.fake.waitForRequest((r) => r.path === `/channels/${h.general}/typing`);
    release();
    expect((await h.replyTo(message.id)).at).toBeGreaterThan(typing.at);
  });

  test("a message without a mention is ignored", async () => {
    const { message: chatter } = h.sendMessage({ from: h.alice, content: "Who chairs the federation? (just chatting)" });
    const { message: sentinel } = h.sendMessage({ from: h.bob, content: "sentinel", mention: true });
    await h.replyTo(sentinel.id);
    expect(h.repliesTo(chatter.id)).toHaveLength(0);
    expect(h.service.asks.map((a) => a.question)).toEqual(["sentinel"]);
  });

  test("a DM is answered without a mention", async () => {
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", place: h.inDm });
    const reply = await h.replyTo(message.id);
    expect(reply.path).toBe(`/channels/${h.dmChannel}/messages`);
    expect(contentOf(reply)).toContain("[1]");
    expect(h.service.asks[0]?.context?.conversationId).toBe(`discord:${h.dmChannel}:${h.alice.id}`);
  });

  test("a reply to the bot's answer is a follow-up with the asker's own memory only", async () => {
    const { message: first } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", mention: true });
    await h.replyTo(first.id);
    const botAnswer = [...h.fake.botMessages.values()].find((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === first.id);
    expect(botAnswer).toBeDefined();

    if (botAnswer === undefined) return;
    const { message: bobs } = h.sendMessage({ from: h.bob, content: "and when was that?", replyTo: botAnswer });
    const bobReply = contentOf(await h.replyTo(bobs.id));
    expect(bobReply).not.toContain("following up");

    const { message: alices } = h.sendMessage({ from: h.alice, content: "and who signed it?", replyTo: botAnswer });
    const aliceReply = contentOf(await h.replyTo(alices.id));
    expect(aliceReply).toContain("(following up on: Who chairs the federation?)");
    expect(aliceReply).not.toContain("when was that");

    const keys = h.service.asks.map((a) => a.context?.conversationId);
    expect(keys).toEqual([`discord:${h.general}:${h.alice.id}`, `discord:${h.general}:${h.bob.id}`, `discord:${h.general}:${h.alice.id}`]);
  });

  test("in a thread the bot started, messages are follow-ups without a mention; other threads need one", async () => {
    const inBotThread = { channelId: h.botThread, guildId: h.guildId };
    const inUserThread = { channelId: h.userThread, guildId: h.guildId };
    const { message: one } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", place: inBotThread });
    await h.replyTo(one.id);
    const { message: two } = h.sendMessage({ from: h.alice, content: "and who signed it?", place: inBotThread });
    expect(contentOf(await h.replyTo(two.id))).toContain("following up on: Who chairs the federation?");
    const { message: ignored } = h.sendMessage({ from: h.alice, content: "chatting in my own thread", place: inUserThread });
    const { message: sentinel } = h.sendMessage({ from: h.bob, content: "sentinel", place: inUserThread, mention: true });
    await h.replyTo(sentinel.id);
    expect(h.repliesTo(ignored.id)).toHaveLength(0);
    expect(h.service.asks[0]?.context?.conversationId).toBe(`discord:${h.botThread}:${h.alice.id}`);
  });

  test("a mention with no question gets a hint, not an error", async () => {
    const { message } = h.sendMessage({ from: h.alice, content: "", mention: true });
    expect(contentOf(await h.replyTo(message.id))).toBe(replies.emptyQuestion);
    expect(h.service.asks).toHaveLength(0);
  });
});

describe("formatting and safety", () => {
  test("no message can ping anyone: allowed_mentions is empty on every message the bot sends", async () => {
    const question = "@everyone @here <@&555555555555555555> <@444444444444444444> **bold** ||spoiler|| what now?";
    const { message } = h.sendMessage({ from: h.alice, content: question, mention: true });
    const reply = contentOf(await h.replyTo(message.id));
    expect(reply).toContain("@\u200beveryone @\u200bhere \\<@&555555555555555555> \\<@444444444444444444> \\*\\*bold\\*\\* \\|\\|spoiler\\|\\|");
    const { interaction } = h.sendCommand({ from: h.bob, name: "ask", question });
    expect(contentOf(await h.originalEditOf(interaction))).toContain("**Q:** @\u200beveryone @\u200bhere \\<@&555555555555555555>");
    // Every other kind of message too: DM, hint, apology, long answers, /sources, /help.
    const others = [
      h.sendMessage({ from: h.alice, content: "@everyone in a DM", place: h.inDm }).message,
      h.sendMessage({ from: h.alice, content: "", mention: true }).message,
      h.sendMessage({ from: h.alice, content: "FAIL @everyone", mention: true }).message,
      h.sendMessage({ from: h.alice, content: "LONG @everyone", mention: true }).message,
    ];
    for (const m of others) await h.replyTo(m.id);
    const commands = [
      h.sendCommand({ from: h.bob, name: "sources" }).interaction,
      h.sendCommand({ from: h.bob, name: "help" }).interaction,
      h.sendCommand({ from: h.bob, name: "ask", question: "LONG again" }).interaction,
    ];
    for (const c of commands) await h.callbackOf(c);
    await h.fake.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/webhooks/${h.fake.applicationId}/${commands[2]?.token}`));

    const sends = h.fake.requests.filter(isMessageSend);
    expect(sends.length).toBeGreaterThanOrEqual(12);
    for (const send of sends) {
      const allowed = allowedMentionsOf(send);
      expect(allowed, `${send.method} ${send.path}`).toBeDefined();
      expect(allowed?.parse).toEqual([]);
      expect(allowed?.users ?? []).toEqual([]);
      expect(allowed?.roles ?? []).toEqual([]);
      // Only a reply may ping, and then only the asker it replies to.
      if (allowed?.replied_user === true) expect(referencedId(send)).toBeDefined();
    }
  });

  test("a long answer is split under 2,000 characters, never inside a citation", async () => {
    const { message } = h.sendMessage({ from: h.alice, content: "LONG answer please", mention: true });
    await h.replyTo(message.id);
    const parts = await h.fake.waitUntil(() => {
      const sent = h.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${h.general}/messages`);
      return sent.length > 0 && sent.map(contentOf).join("\n").includes("**[6]**") ? sent : undefined;
    });
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(referencedId(parts[0] as RecordedRequest)).toBe(message.id);
    for (const part of parts) expect(contentOf(part).length).toBeLessThanOrEqual(2000);
    checkCitationsWhole(parts.map(contentOf));

    const { interaction } = h.sendCommand({ from: h.bob, name: "ask", question: "LONG via slash" });
    const first = await h.originalEditOf(interaction);
    const followUps = await h.fake.waitUntil(() => {
      const sent = h.fake.requests.filter((r) => r.method === "POST" && r.path === `/webhooks/${h.fake.applicationId}/${interaction.token}`);
      return sent.map(contentOf).join("\n").includes("**[6]**") ? sent : undefined;
    });
    checkCitationsWhole([first, ...followUps].map(contentOf));
  });

  test("a failing answer gets a short apology and is logged without secrets", async () => {
    const { message } = h.sendMessage({ from: h.alice, content: "FAIL now", mention: true });
    expect(contentOf(await h.replyTo(message.id))).toBe(userMessageOf(new Error("x")));
    const { message: refused } = h.sendMessage({ from: h.alice, content: "REFUSE this", mention: true });
    expect(contentOf(await h.replyTo(refused.id))).toBe("I can only answer questions about the articles.");
    const { interaction } = h.sendCommand({ from: h.bob, name: "ask", question: "FAIL via slash" });
    expect(contentOf(await h.originalEditOf(interaction))).toBe(userMessageOf(new Error("x")));
    expect(h.logs.filter((l) => l.includes("ERROR discord: answering failed"))).toHaveLength(3);
    expect(h.logs.join("\n")).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });

  test("unknown interactions, message types and events never crash the bot", async () => {
    h.fake.dispatch("SOMETHING_NEW", { hello: "world" });
    h.sendCommand({ from: h.alice, name: "ask", type: 99 });
    h.sendCommand({ from: h.alice, name: "button", type: 3 });
    const { interaction: unknown } = h.sendCommand({ from: h.alice, name: "nope" });
    h.sendMessage({ from: h.alice, content: "joined", mention: true, type: 7 });
    h.sendMessage({ from: h.alice, content: "mystery", mention: true, type: 4242 });
    h.sendMessage({ from: rawUser(snowflake(), "otherbot", true), content: "I am a bot", mention: true });
    const data = (await h.callbackOf(unknown)).body?.data as { content: string; flags: number };
    expect(data.content).toBe(replies.unknownCommand);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const { message } = h.sendMessage({ from: h.bob, content: "still there?", mention: true });
    expect(contentOf(await h.replyTo(message.id))).toContain("still there?");
    expect(h.service.asks.map((a) => a.question)).toEqual(["still there?"]);
  });
});

/** Every citation header and its quote line are in the same message; all six are present once. */
function checkCitationsWhole(messages: string[]): void {
  const seen: number[] = [];
  for (const text of messages) {
    // The article's header, then its numbered quote, whole, in the same message.
    for (const match of text.matchAll(/\[Article number (\d+) about cooperation\][^\n]*\n> \*\*\[(\d+)\]\*\* Quoted sentence (\d+): [^\n]*exchange delegations(\n|$)/g)) {
      expect(match[1]).toBe(match[2]);
      expect(match[2]).toBe(match[3]);
      seen.push(Number(match[1]));
    }
    expect(text).not.toMatch(/\[\d*$/); // no marker cut at the end
  }
  expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
}
