/**
 * 👍 / 👎 under grounded answers, with real telegraf against the fake Bot API: the keyboard on the
 * answer's last message, votes from button presses (callback_query) recorded with the service, a
 * toast for the voter, counts on the buttons, and in groups the buttons' removal after the TTL.
 */
import { afterEach, describe, expect, it } from "vitest";
import { makeAnswer } from "../../fakes/telegram-answer-service.js";
import { FakeAnswerService } from "../../fakes/telegram-answer-service.js";
import { FakeVotes } from "../../fakes/fake-votes.js";
import type { FakeInlineKeyboard, SentMessage } from "../../fakes/telegram-bot-api.js";
import { alice, bob, group, privateChat, startHarness, type Harness, type HarnessOptions } from "../../fakes/telegram-harness.js";
import { emitDrafts } from "../drafting.js";

const labels = (markup: FakeInlineKeyboard | undefined) => markup?.inline_keyboard.map((row) => row.map((b) => b.text));
const data = (markup: FakeInlineKeyboard | undefined) => markup?.inline_keyboard.flat().map((b) => b.callback_data);

describe("Telegram feedback buttons", () => {
  let h: Harness | undefined;
  let votes: FakeVotes;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function start(options: HarnessOptions = {}): Promise<Harness> {
    votes = new FakeVotes();
    h = await startHarness({ service: new FakeAnswerService({ votes }), ...options });
    return h;
  }

  /** Presses a button and waits for the toast; returns its text. */
  async function press(from: typeof alice, message: SentMessage, callbackData: string, overrides?: Record<string, unknown>): Promise<string | undefined> {
    const api = h!.api;
    const current = api.message(message.chatId, message.messageId) ?? message;
    const id = api.pressButton({ from, message: current, data: callbackData, ...(overrides === undefined ? {} : { messageOverrides: overrides }) });
    await api.waitFor(() => api.callbackQueries.get(id)?.answer !== undefined, `answer to ${callbackData}`);
    return api.callbackQueries.get(id)?.answer?.text;
  }

  it("puts 👍 / 👎 under a grounded answer, carrying its id, and passes platform, user and chat to the service", async () => {
    await start();
    const { replies } = await h!.ask(privateChat(alice), alice, "Who chairs the federation?");
    const id = h!.service.answers[0]!.id!;
    expect(labels(replies[0]!.replyMarkup)).toEqual([["👍", "👎"]]);
    expect(data(replies[0]!.replyMarkup)).toEqual([`v:1:${id}`, `v:-1:${id}`]);
    expect(h!.service.asked[0]?.context).toMatchObject({ platform: "telegram", userId: String(alice.id), chat: "private" });

    await h!.ask(group, bob, "/ask who signed it?");
    expect(h!.service.asked[1]?.context).toMatchObject({ platform: "telegram", userId: String(bob.id), chat: "group" });
  });

  it("shows no buttons under a refusal, nor when the service keeps no votes", async () => {
    await start();
    h!.service.respond = (q) => makeAnswer(q, "The articles do not cover that.", []);
    const refusal = await h!.ask(privateChat(alice), alice, "What's the weather?");
    expect(refusal.replies[0]!.replyMarkup).toBeUndefined();
    await h!.close();

    h = await startHarness(); // a service without a vote store
    const plain = await h.ask(privateChat(alice), alice, "Who chairs the federation?");
    expect(plain.replies[0]!.text).toContain("Answer to:");
    expect(plain.replies[0]!.replyMarkup).toBeUndefined();
    expect(h.api.callsOf("sendMessage").some((c) => c.payload.reply_markup !== undefined)).toBe(false);
  });

  it("puts the buttons only under the last message of a long answer", async () => {
    await start();
    const long = Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} explains one more point of the memorandum [1].`).join(" ");
    h!.service.respond = (q) => makeAnswer(q, long);
    await h!.ask(privateChat(alice), alice, "Tell me everything", 2);
    const sent = h!.api.sent.filter((m) => m.chatId === alice.id);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.slice(0, -1).every((m) => m.replyMarkup === undefined)).toBe(true);
    expect(labels(sent.at(-1)!.replyMarkup)).toEqual([["👍", "👎"]]);
  });

  it("counts votes from several users, one each: 1 / 1, then a changed vote makes it 0 / 2", async () => {
    await start();
    const { replies } = await h!.ask(group, alice, "/ask who chairs the federation?");
    const answer = replies[0]!;
    const id = h!.service.answers[0]!.id!;

    expect(await press(alice, answer, `v:1:${id}`)).toBe("Thanks — noted 👍");
    await h!.api.waitFor(() => h!.api.markupEdits.length === 1, "counts after the first vote");
    expect(labels(h!.api.message(group.id, answer.messageId)?.replyMarkup)).toEqual([["👍 1", "👎 0"]]);

    expect(await press(bob, answer, `v:-1:${id}`)).toBe("Thanks — noted 👎");
    await h!.api.waitFor(() => h!.api.markupEdits.length === 2, "counts after the second vote");
    expect(labels(h!.api.message(group.id, answer.messageId)?.replyMarkup)).toEqual([["👍 1", "👎 1"]]);

    expect(await press(alice, answer, `v:-1:${id}`)).toBe("Vote changed to 👎");
    await h!.api.waitFor(() => h!.api.markupEdits.length === 3, "counts after the changed vote");
    expect(labels(h!.api.message(group.id, answer.messageId)?.replyMarkup)).toEqual([["👍 0", "👎 2"]]);
    // Still votable: the buttons keep the answer's id.
    expect(data(h!.api.message(group.id, answer.messageId)?.replyMarkup)).toEqual([`v:1:${id}`, `v:-1:${id}`]);

    // The same vote again changes nothing, so the keyboard is not edited.
    expect(await press(bob, answer, `v:-1:${id}`)).toBe("Thanks — noted 👎");
    expect(h!.api.markupEdits).toHaveLength(3);

    expect(votes.received.map((v) => [v.answerId, v.platform, v.userId, v.value])).toEqual([
      [id, "telegram", String(alice.id), 1],
      [id, "telegram", String(bob.id), -1],
      [id, "telegram", String(alice.id), -1],
      [id, "telegram", String(bob.id), -1],
    ]);
    expect(votes.received.every((v) => Math.abs(v.at - Date.now()) < 60_000)).toBe(true);
  });

  it("says an unknown answer is too old to vote on, and takes its buttons down", async () => {
    await start();
    const { replies } = await h!.ask(privateChat(alice), alice, "Who chairs the federation?");
    const id = h!.service.answers[0]!.id!;
    votes.forget(id);
    expect(await press(alice, replies[0]!, `v:1:${id}`)).toBe("This answer is too old to vote on");
    await h!.api.waitFor(() => h!.api.markupEdits.length === 1, "buttons removed");
    expect(h!.api.message(alice.id, replies[0]!.messageId)?.replyMarkup).toBeUndefined();
  });

  it("answers a failed vote with a short apology (logged, no details), and ignores other buttons quietly", async () => {
    await start();
    const { replies } = await h!.ask(privateChat(alice), alice, "Who chairs the federation?");
    const id = h!.service.answers[0]!.id!;
    votes.failure = new Error("SQLITE_BUSY: database is locked at /secret/path/questions.sqlite");
    const toast = await press(alice, replies[0]!, `v:1:${id}`);
    expect(toast).toBe("Sorry, I couldn't record your vote. Please try again later.");
    expect(toast).not.toContain("SQLITE");
    expect(h!.logs.some((l) => l.startsWith("error telegram: could not record a vote") && l.includes("SQLITE_BUSY"))).toBe(true);
    expect(h!.api.markupEdits).toHaveLength(0);

    expect(await press(alice, replies[0]!, "something-else")).toBeUndefined(); // spinner stopped, no toast
    expect(await press(alice, replies[0]!, "v:2:nope")).toBeUndefined();
    expect(votes.received).toHaveLength(1);
  });

  it("in a group takes the buttons away after the TTL; a private chat keeps them", async () => {
    await start({ adapter: { feedbackTtlMs: 400 } });
    const inGroup = (await h!.ask(group, alice, "/ask who chairs the federation?")).replies[0]!;
    const inPrivate = (await h!.ask(privateChat(bob), bob, "Who chairs the federation?")).replies[0]!;
    expect(labels(inGroup.replyMarkup)).toEqual([["👍", "👎"]]);

    // A vote before the deadline updates the counts and does not restart the countdown.
    const id = h!.service.answers[0]!.id!;
    expect(await press(bob, inGroup, `v:1:${id}`)).toBe("Thanks — noted 👍");
    await h!.api.waitFor(() => h!.api.markupEdits.length === 1, "counts");

    await h!.api.waitFor(() => h!.api.markupEdits.length === 2, "buttons removed after the TTL", 3000);
    expect(h!.api.markupEdits[1]).toMatchObject({ chatId: group.id, messageId: inGroup.messageId, replyMarkup: undefined });
    expect(h!.api.message(group.id, inGroup.messageId)?.replyMarkup).toBeUndefined();
    expect(h!.api.message(group.id, inGroup.messageId)?.text).toContain("Answer to: who chairs the federation?"); // the answer stays

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(labels(h!.api.message(bob.id, inPrivate.messageId)?.replyMarkup)).toEqual([["👍", "👎"]]);
    expect(h!.api.markupEdits).toHaveLength(2);
  });

  it("in a group, a tap on buttons older than the TTL (left from before a restart) counts and takes them down", async () => {
    await start({ adapter: { feedbackTtlMs: 60_000 } });
    const answer = (await h!.ask(group, alice, "/ask who chairs the federation?")).replies[0]!;
    const id = h!.service.answers[0]!.id!;
    const twoMinutesAgo = Math.floor(Date.now() / 1000) - 120;
    await h!.adapter.stop("restart");
    await h!.close();

    // The same message after a restart: a new adapter has no timer for it.
    const service = new FakeAnswerService({ votes });
    h = await startHarness({ service, adapter: { feedbackTtlMs: 60_000 } });
    const old = { ...answer, chatId: group.id, date: twoMinutesAgo };
    h.api.sent.push(old);
    expect(await press(bob, old, `v:1:${id}`)).toBe("Thanks — noted 👍");
    await h.api.waitFor(() => h!.api.markupEdits.length === 1, "stale buttons removed");
    expect(h.api.markupEdits[0]?.replyMarkup).toBeUndefined();
    expect(votes.tally(id)).toEqual({ up: 1, down: 0 });
  });

  it("stops the removal timers when the adapter stops", async () => {
    await start({ adapter: { feedbackTtlMs: 300 } });
    await h!.ask(group, alice, "/ask who chairs the federation?");
    await h!.adapter.stop("test");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h!.api.callsOf("editMessageReplyMarkup")).toHaveLength(0);
  });

  it("in a group, the draft placeholder edited into the answer carries the buttons", async () => {
    await start({ adapter: { draftIntervalMs: 50 } });
    h!.service.respond = async (question, _history, context) => {
      await emitDrafts(context, { drafts: ["Muradil", "Muradil Jumadilde chairs"], everyMs: 60 });
      return makeAnswer(question, "Muradil Jumadilde chairs the federation [1].");
    };
    const messageId = h!.api.sendUserMessage({ chat: group, from: alice, text: "/ask who chairs the federation?" });
    await h!.api.waitFor(() => h!.api.edits.some((e) => e.text.startsWith("Muradil Jumadilde chairs the federation [1].")), "the final edit");
    const [placeholder] = h!.api.repliesTo(group.id, messageId);
    expect(h!.api.repliesTo(group.id, messageId)).toHaveLength(1);
    expect(labels(placeholder!.replyMarkup)).toEqual([["👍", "👎"]]);
  });
});
