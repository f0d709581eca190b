/**
 * 👍 / 👎 under grounded answers, with the real discord.js client against the fake Discord: one row
 * of two buttons on the answer's last message (replies and slash commands), clicks delivered as
 * MESSAGE_COMPONENT interactions and answered by updating the row's counts in place, "too old"
 * privately, and in guild channels the row's removal after the TTL.
 */
import { afterEach, describe, expect, test } from "vitest";
import type { RecordedRequest } from "../../fakes/discord-fake-server.js";
import { snowflake, type RawUser } from "../../fakes/discord-payloads.js";
import { FakeVotes } from "../../fakes/fake-votes.js";
import { citationOne } from "../../fakes/discord-answer-service.js";
import { emitDrafts } from "../drafting.js";
import { Harness, allowedMentionsOf, type HarnessOptions } from "./discord-harness.js";

const EPHEMERAL = 1 << 6;

interface RawButton { type: number; style: number; custom_id: string; label: string }
type RawRow = { type: number; components: RawButton[] };

let h: Harness | undefined;
let votes: FakeVotes;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(options: HarnessOptions = {}): Promise<Harness> {
  votes = new FakeVotes();
  h = await new Harness({ votes, ...options }).start();
  return h;
}

const componentsOf = (message: Record<string, unknown> | undefined): RawRow[] => (message?.components ?? []) as RawRow[];
const labels = (rows: RawRow[]) => rows.map((row) => row.components.map((b) => b.label));

/** The bot's messages that reply to a question, as they are now. */
function answerTo(questionId: string): Record<string, unknown>[] {
  return [...h!.fake.botMessages.values()].filter((m) => (m.message_reference as { message_id?: string } | undefined)?.message_id === questionId);
}

/** Asks by mention and waits for the reply; returns the bot's reply message and the answer's id. */
async function askByMention(content: string, place = h!.inGeneral): Promise<{ message: Record<string, unknown>; answerId: string }> {
  const { message } = h!.sendMessage({ from: h!.alice, content, mention: place.guildId !== null, place });
  await h!.replyTo(message.id);
  const reply = answerTo(message.id)[0];
  if (reply === undefined) throw new Error("no reply");
  return { message: reply, answerId: h!.service.answers.at(-1)?.id ?? "" };
}

/** Clicks and waits for the interaction's callback (the first response). */
async function click(from: RawUser, messageId: string, customId: string, message?: Record<string, unknown>): Promise<RecordedRequest> {
  const { interaction } = h!.click({ from, messageId, customId, ...(message === undefined ? {} : { message }) });
  return h!.callbackOf(interaction);
}

describe("Discord feedback buttons", () => {
  test("one row of 👍 / 👎 under a grounded reply, carrying the answer's id; platform, user and chat go to the service", async () => {
    await start();
    const { message, answerId } = await askByMention("Who chairs the federation?");
    const rows = componentsOf(message);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.type).toBe(1);
    expect(rows[0]?.components.map((b) => [b.type, b.style, b.custom_id, b.label])).toEqual([
      [2, 2, `v:1:${answerId}`, "👍"],
      [2, 2, `v:-1:${answerId}`, "👎"],
    ]);
    expect(h!.service.asks[0]?.context).toMatchObject({ platform: "discord", userId: h!.alice.id, chat: "group" });

    await askByMention("And in a DM?", h!.inDm);
    expect(h!.service.asks[1]?.context).toMatchObject({ platform: "discord", userId: h!.alice.id, chat: "private" });
    const { interaction } = h!.sendCommand({ from: h!.bob, name: "ask", question: "Who signed?" });
    await h!.originalEditOf(interaction);
    expect(h!.service.asks[2]?.context).toMatchObject({ platform: "discord", userId: h!.bob.id, chat: "group" });
  });

  test("no row under a refusal, nor when the service keeps no votes", async () => {
    await start();
    const refusal = await askByMention("UNKNOWN thing");
    expect(componentsOf(refusal.message)).toEqual([]);
    await h!.close();

    h = await new Harness().start(); // a service without a vote store
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", mention: true });
    const reply = await h.replyTo(message.id);
    expect(reply.body?.components ?? []).toEqual([]);
    expect(h.fake.requests.some((r) => Array.isArray(r.body?.components) && (r.body.components as unknown[]).length > 0)).toBe(false);
  });

  test("the row goes under the last message of a long answer only", async () => {
    await start();
    const { message } = h!.sendMessage({ from: h!.alice, content: "LONG answer please", mention: true });
    await h!.replyTo(message.id);
    const sent = await h!.fake.waitUntil(() => {
      const posts = h!.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${h!.general}/messages`);
      return posts.some((r) => Array.isArray(r.body?.components)) ? posts : undefined;
    });
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.slice(0, -1).every((r) => r.body?.components === undefined)).toBe(true);
    expect(labels(sent.at(-1)?.body?.components as RawRow[])).toEqual([["👍", "👎"]]);
  });

  test("two users vote (1 / 1), one changes their vote (0 / 2): each click updates the row in place", async () => {
    await start();
    const { message, answerId } = await askByMention("Who chairs the federation?");
    const id = String(message.id);

    const first = await click(h!.alice, id, `v:1:${answerId}`);
    expect(first.body).toMatchObject({ type: 7 });
    expect(labels(componentsOf(h!.fake.botMessages.get(id)))).toEqual([["👍 1", "👎 0"]]);
    await click(h!.bob, id, `v:-1:${answerId}`);
    expect(labels(componentsOf(h!.fake.botMessages.get(id)))).toEqual([["👍 1", "👎 1"]]);
    await click(h!.alice, id, `v:-1:${answerId}`);
    expect(labels(componentsOf(h!.fake.botMessages.get(id)))).toEqual([["👍 0", "👎 2"]]);
    // The answer itself is untouched, and no message was added to the channel.
    expect(h!.fake.botMessages.get(id)?.content).toContain("Muradil Jumadilde chairs the federation [1].");
    expect(h!.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(1);

    expect(votes.received.map((v) => [v.answerId, v.platform, v.userId, v.value])).toEqual([
      [answerId, "discord", h!.alice.id, 1],
      [answerId, "discord", h!.bob.id, -1],
      [answerId, "discord", h!.alice.id, -1],
    ]);
  });

  test("slash-command answers get the row too, and votes on them count", async () => {
    await start();
    const { interaction } = h!.sendCommand({ from: h!.bob, name: "ask", question: "Who chairs the federation?" });
    const edit = await h!.originalEditOf(interaction);
    expect(labels(edit.body?.components as RawRow[])).toEqual([["👍", "👎"]]);
    const original = h!.fake.originalMessageOf(interaction.token);
    const answerId = h!.service.answers[0]?.id ?? "";
    await click(h!.alice, String(original?.id), `v:1:${answerId}`);
    expect(labels(componentsOf(h!.fake.originalMessageOf(interaction.token)))).toEqual([["👍 1", "👎 0"]]);
  });

  test("a vote on an unknown answer: the row goes, and only the voter is told it is too old", async () => {
    await start();
    const { message, answerId } = await askByMention("Who chairs the federation?");
    votes.forget(answerId);
    const { interaction } = h!.click({ from: h!.bob, messageId: String(message.id), customId: `v:1:${answerId}` });
    const callback = await h!.callbackOf(interaction);
    expect(callback.body).toMatchObject({ type: 7, data: { components: [] } });
    const followUp = await h!.fake.waitForRequest((r) => r.method === "POST" && r.path === `/webhooks/${h!.fake.applicationId}/${interaction.token}`);
    expect(followUp.body).toMatchObject({ content: "This answer is too old to vote on." });
    expect(Number(followUp.body?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(allowedMentionsOf(followUp)?.parse).toEqual([]);
    expect(componentsOf(h!.fake.botMessages.get(String(message.id)))).toEqual([]);
  });

  test("a failed vote is logged and answered privately with a short apology; other buttons are just acknowledged", async () => {
    await start();
    const { message, answerId } = await askByMention("Who chairs the federation?");
    votes.failure = new Error("SQLITE_BUSY: database is locked at /secret/path/questions.sqlite");
    const failed = await click(h!.alice, String(message.id), `v:1:${answerId}`);
    expect(failed.body).toMatchObject({ type: 4, data: { content: "Sorry, I couldn't record your vote. Please try again later." } });
    expect(Number((failed.body?.data as { flags?: number }).flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(h!.logs.some((l) => l.includes("discord: could not record a vote"))).toBe(true);
    expect(labels(componentsOf(h!.fake.botMessages.get(String(message.id))))).toEqual([["👍", "👎"]]);

    const other = await click(h!.alice, String(message.id), "something-else");
    expect(other.body).toMatchObject({ type: 6 });
  });

  test("in a guild channel the row is removed after the TTL (replies and slash answers); a DM keeps it", async () => {
    await start({ feedbackTtlMs: 400 });
    const inGuild = await askByMention("Who chairs the federation?");
    const inDm = await askByMention("Who chairs it, privately?", h!.inDm);
    const { interaction } = h!.sendCommand({ from: h!.bob, name: "ask", question: "Who signed?" });
    await h!.originalEditOf(interaction);

    const removal = await h!.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path === `/channels/${h!.general}/messages/${String(inGuild.message.id)}`,
      3000,
    );
    expect(removal.body).toMatchObject({ components: [] });
    expect(componentsOf(h!.fake.botMessages.get(String(inGuild.message.id)))).toEqual([]);
    expect(h!.fake.botMessages.get(String(inGuild.message.id))?.content).toContain("Muradil Jumadilde chairs the federation [1]."); // the answer stays

    const original = h!.fake.originalMessageOf(interaction.token);
    const slashRemoval = await h!.fake.waitForRequest(
      (r) => r.method === "PATCH" && r.path === `/webhooks/${h!.fake.applicationId}/${interaction.token}/messages/${String(original?.id)}`,
      3000,
    );
    expect(slashRemoval.body).toMatchObject({ components: [] });
    expect(componentsOf(h!.fake.originalMessageOf(interaction.token))).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(labels(componentsOf(h!.fake.botMessages.get(String(inDm.message.id))))).toEqual([["👍", "👎"]]);
  });

  test("a click on a guild row older than the TTL (left from before a restart) counts and takes the row down", async () => {
    await start({ feedbackTtlMs: 60_000 });
    const { message, answerId } = await askByMention("Who chairs the federation?");
    // The same message as Discord would send it, had it been posted two minutes ago.
    const oldId = snowflake(Date.now() - 120_000);
    const old = { ...message, id: oldId };
    h!.fake.botMessages.set(oldId, old);
    const callback = await click(h!.bob, oldId, `v:1:${answerId}`, old);
    expect(callback.body).toMatchObject({ type: 7, data: { components: [] } });
    expect(votes.tally(answerId)).toEqual({ up: 1, down: 0 });
  });

  test("a draft placeholder edited into the answer carries the row, and its removal keeps the answer", async () => {
    await start({ draftIntervalMs: 50, feedbackTtlMs: 600 });
    h!.service.respond = async (question, context) => {
      await emitDrafts(context, { drafts: ["Muradil", "Muradil Jumadilde chairs"], everyMs: 60 });
      return { question, answer: "Muradil Jumadilde chairs the federation [1].", grounded: true, citations: [citationOne], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
    };
    const { message } = h!.sendMessage({ from: h!.alice, content: "Who chairs the federation?", mention: true });
    const final = await h!.fake.waitForRequest((r) => r.method === "PATCH" && Array.isArray(r.body?.components) && (r.body.components as unknown[]).length > 0);
    expect(labels(final.body?.components as RawRow[])).toEqual([["👍", "👎"]]);
    const [reply] = answerTo(message.id);
    expect(answerTo(message.id)).toHaveLength(1);
    expect(labels(componentsOf(reply))).toEqual([["👍", "👎"]]);
    await h!.fake.waitUntil(() => (componentsOf(h!.fake.botMessages.get(String(reply?.id))).length === 0 ? true : undefined), 3000, "row removed");
    expect(h!.fake.botMessages.get(String(reply?.id))?.content).toContain("Muradil Jumadilde chairs the federation [1].");
  });

  test("stopping the adapter stops the removal timers", async () => {
    await start({ feedbackTtlMs: 300 });
    await askByMention("Who chairs the federation?");
    await h!.adapter?.stop("test");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h!.fake.requests.filter((r) => r.method === "PATCH")).toHaveLength(0);
  });
});
