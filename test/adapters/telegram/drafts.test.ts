/**
 * A language model's draft in Telegram, with real telegraf against the fake Bot API: private chats
 * stream it with sendMessageDraft, groups edit a placeholder reply; either way at most one call per
 * interval, and the checked answer — never the unchecked draft — is what stays in the chat.
 */
import { afterEach, describe, expect, it } from "vitest";
import { formatAnswer } from "../../../src/adapters/telegram/format-answer.js";
import { DRAFT_PLACEHOLDER } from "../../../src/adapters/telegram/format-draft.js";
import type { Answer } from "../../../src/core/types.js";
import { makeAnswer } from "../../fakes/telegram-answer-service.js";
import { alice, bob, group, privateChat, startHarness, type Harness } from "../../fakes/telegram-harness.js";
import { notCoveredAnswer } from "../../fakes/grouped-answer.js";
import { emitDrafts, gaps, growingDrafts, type DraftScript } from "../drafting.js";

const DRAFT = "Muradil Jumadilde chairs the Federation of Trade Unions of Kyrgyzstan [1], which he has led since 2019.";
const CHECKED = "Muradil Jumadilde chairs the Federation of Trade Unions of Kyrgyzstan [1].";

/** Arrival times at the fake may jitter by a few ms around the adapter's pace. */
const JITTER_MS = 40;

/** The service streams `script` and then answers `answer(question)`. */
function drafting(h: Harness, script: DraftScript, answer: (question: string) => Answer = (q) => makeAnswer(q, CHECKED)): void {
  h.service.respond = async (question, _history, context) => {
    await emitDrafts(context, script);
    return answer(question);
  };
}

function ask(h: Harness, chat: typeof group, from: typeof alice, text: string): number {
  return h.api.sendUserMessage({ chat, from, text });
}

describe("Telegram drafts in private chats (sendMessageDraft)", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("streams the draft at most once a second (production pace), then sends the checked answer", async () => {
    h = await startHarness();
    // Ten drafts over 2.5 s, as a model writes.
    drafting(h, { drafts: growingDrafts(DRAFT, 10), everyMs: 250 });
    const chat = privateChat(alice);
    const started = performance.now();
    const id = ask(h, chat, alice, "Who chairs the federation?");
    await h.api.waitFor(() => h!.api.repliesTo(chat.id, id).length === 1, "the final reply", 10_000);

    const drafts = h.api.drafts;
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeLessThanOrEqual(3);
    expect(drafts[0]!.at - started).toBeLessThan(500); // the first draft at once, not after a second
    for (const gap of gaps(drafts.map((d) => d.at))) expect(gap).toBeGreaterThanOrEqual(1000 - JITTER_MS);
    expect(new Set(drafts.map((d) => d.draftId)).size).toBe(1);
    expect(drafts[0]!.draftId).not.toBe(0);
    for (const d of drafts) {
      expect(d.chatId).toBe(chat.id);
      expect(d.parseMode).toBeUndefined(); // plain text: an unchecked draft can never break the HTML parser
      expect(d.text.endsWith(" …")).toBe(true);
    }

    const reply = h.api.repliesTo(chat.id, id)[0]!;
    expect(reply.raw).toBe(formatAnswer(makeAnswer("Who chairs the federation?", CHECKED))[0]!.html);
    expect(reply.at).toBeGreaterThan(drafts.at(-1)!.at);
    expect(reply.text).not.toContain("since 2019"); // the draft's unchecked claim is gone
    expect(h.api.sent).toHaveLength(1);
    expect(h.api.callsOf("editMessageText")).toHaveLength(0);
  });

  it("sends drafts as plain text, whatever markup the model wrote, and gives each answer its own draft_id", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 20 } });
    drafting(h, { drafts: ["<b>Muradil & <i>co", "<b>Muradil & <i>co</b> [1]\u001b[31m"], everyMs: 40 });
    const chat = privateChat(alice);
    await h.ask(chat, alice, "first?");
    await h.ask(chat, alice, "second?");
    expect(h.api.drafts.map((d) => d.text)).toEqual(["<b>Muradil & <i>co …", "<b>Muradil & <i>co</b> [1] [31m …", "<b>Muradil & <i>co …", "<b>Muradil & <i>co</b> [1] [31m …"]);
    const [a, , b] = h.api.drafts;
    expect(a!.draftId).not.toBe(b!.draftId);
  });

  it("without sendMessageDraft on the server (404) stops drafting for the answer and still sends it", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 20 } });
    h.api.supportsDrafts = false;
    drafting(h, { drafts: growingDrafts(DRAFT, 6), everyMs: 30 });
    const chat = privateChat(alice);
    const { replies } = await h.ask(chat, alice, "Who chairs it?");
    expect(h.api.callsOf("sendMessageDraft")).toHaveLength(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.raw).toBe(formatAnswer(makeAnswer("Who chairs it?", CHECKED))[0]!.html);
    expect(h.logs.some((l) => l.includes("sendMessageDraft failed; no more drafts"))).toBe(true);
  });

  it("a draft answered with 429 is waited out and the answer still arrives", async () => {
    const waits: number[] = [];
    h = await startHarness({ adapter: { draftIntervalMs: 20, sleep: async (ms) => void waits.push(ms) } });
    h.api.failCall("sendMessageDraft", 1, { error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } });
    drafting(h, { drafts: growingDrafts(DRAFT, 5), everyMs: 30 });
    const { replies } = await h.ask(privateChat(alice), alice, "Who?");
    expect(waits).toContain(3000);
    expect(h.api.drafts.length).toBeGreaterThanOrEqual(1); // drafting went on after the wait
    expect(replies[0]!.text).toContain(CHECKED);
  });
});

describe("Telegram drafts in groups (a placeholder reply, edited)", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const INTERVAL = 200;

  /** The placeholder reply to `id`, once its edit with the checked answer landed (HTML). */
  async function finalOf(harness: Harness, id: number) {
    await harness.api.waitFor(() => harness.api.repliesTo(group.id, id).some((m) => m.parseMode === "HTML"), "the final edit", 10_000);
    return harness.api.repliesTo(group.id, id)[0]!;
  }

  it("posts the placeholder at the first draft, edits it at most once per interval, and ends with the checked answer", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: INTERVAL } });
    drafting(h, { drafts: growingDrafts(DRAFT, 12), everyMs: 50 });
    const id = ask(h, group, alice, "/ask who chairs the federation?");
    const final = await finalOf(h, id);

    const posts = h.api.callsOf("sendMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.payload).toMatchObject({ text: DRAFT_PLACEHOLDER, reply_parameters: { message_id: id } });
    const edits = h.api.edits;
    expect(edits.length).toBeGreaterThanOrEqual(3);
    const drafts = edits.slice(0, -1);
    for (const e of drafts) {
      expect(e.parseMode).toBeUndefined();
      expect(e.text.endsWith(" …")).toBe(true);
    }
    expect(drafts.some((e) => e.text.includes("since 2019"))).toBe(true); // the draft was shown…
    for (const gap of gaps([posts[0]!.at, ...drafts.map((e) => e.at)])) expect(gap).toBeGreaterThanOrEqual(INTERVAL - JITTER_MS);

    const expected = formatAnswer(makeAnswer("who chairs the federation?", CHECKED))[0]!.html;
    expect(edits.at(-1)!.raw).toBe(expected);
    expect(final.raw).toBe(expected); // …and replaced by the checked answer
    expect(final.messageId).toBe(edits.at(-1)!.messageId);
    expect(h.api.sent).toHaveLength(1);
    expect(h.api.callsOf("sendMessageDraft")).toHaveLength(0);
  });

  it("a refusal replaces the draft: the draft's text is in no message left in the chat", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 50 } });
    const unchecked = "The minimum wage in Iran is 200 dollars [1] according to the ministry.";
    drafting(h, { drafts: growingDrafts(unchecked, 8), everyMs: 40 }, (q) => ({ ...notCoveredAnswer(), question: q }));
    const id = ask(h, group, bob, "/ask what is the minimum wage in Iran?");
    const final = await finalOf(h, id);
    expect(h.api.edits.some((e) => e.text.includes("200 dollars"))).toBe(true);
    expect(final.text).toBe("The indexed articles don't cover that.");
    for (const message of h.api.sent) expect(message.text).not.toContain("200 dollars");
  });

  it("waits out a 429 on a draft edit (skipping the drafts meanwhile) and the final edit still lands", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 100 } });
    h.api.failCall("editMessageText", 1, { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    drafting(h, { drafts: growingDrafts(DRAFT, 12), everyMs: 50 });
    const id = ask(h, group, alice, "/ask who chairs it?");
    const final = await finalOf(h, id);
    const calls = h.api.callsOf("editMessageText");
    const limited = calls[0]!;
    const next = calls[1]!;
    expect(next.at - limited.at).toBeGreaterThanOrEqual(1000 - JITTER_MS);
    // The drafts ended (~650 ms) during the wait: the next edit is already the checked answer.
    expect(calls).toHaveLength(2);
    expect(next.payload.parse_mode).toBe("HTML");
    expect(final.raw).toBe(formatAnswer(makeAnswer("who chairs it?", CHECKED))[0]!.html);
  });

  it("an answer that needs several messages: the placeholder becomes the first, the rest follow", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 50 } });
    const long = Array.from({ length: 80 }, (_, i) => `Sentence ${i + 1} says one more thing about the memorandum [1].`).join(" ");
    const answer = makeAnswer("/ask", long);
    const parts = formatAnswer(answer);
    expect(parts.length).toBeGreaterThan(1);
    drafting(h, { drafts: growingDrafts(DRAFT, 4), everyMs: 40 }, () => answer);
    const id = ask(h, group, alice, "/ask tell me everything");
    await h.api.waitFor(() => h!.api.sent.length === parts.length && h!.api.sent[0]!.parseMode === "HTML", "all parts", 10_000);
    expect(h.api.sent.map((m) => m.raw)).toEqual(parts.map((p) => p.html));
    expect(h.api.sent[0]!.replyTo).toBe(id);
    expect(h.api.sent.slice(1).every((m) => m.replyTo === undefined)).toBe(true);
  });

  it("if the placeholder was deleted, the answer is sent as a new reply", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 50 } });
    drafting(h, { drafts: growingDrafts(DRAFT, 8), everyMs: 40 });
    const id = ask(h, group, alice, "/ask who chairs it?");
    await h.api.waitFor(() => h!.api.sent.length === 1, "the placeholder");
    h.api.sent.splice(0, 1); // an admin deletes it
    await h.api.waitFor(() => h!.api.repliesTo(group.id, id).length === 1, "the answer anew", 10_000);
    const reply = h.api.repliesTo(group.id, id)[0]!;
    expect(reply.raw).toBe(formatAnswer(makeAnswer("who chairs it?", CHECKED))[0]!.html);
    expect(h.logs.some((l) => l.includes("could not edit the draft into the answer"))).toBe(true);
  });

  it("a failure after drafts turns the placeholder into the apology", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 50 } });
    h.service.respond = async (_q, _history, context) => {
      await emitDrafts(context, { drafts: growingDrafts(DRAFT, 4), everyMs: 40 });
      throw new Error("model connection reset");
    };
    const id = ask(h, group, alice, "/ask who chairs it?");
    await h.api.waitFor(() => h!.api.repliesTo(group.id, id)[0]?.text.startsWith("Sorry") === true, "the apology", 10_000);
    expect(h.api.sent).toHaveLength(1);
    expect(h.api.sent[0]!.text).toBe("Sorry, something went wrong while answering. Please try again.");
  });

  it("without drafts (the offline reader) nothing is posted early or edited", async () => {
    h = await startHarness({ adapter: { draftIntervalMs: 50 } });
    const { replies } = await h.ask(group, alice, "/ask who chairs it?");
    expect(replies[0]!.text).toContain("Answer to: who chairs it? [1]");
    expect(h.api.callsOf("sendMessage")).toHaveLength(1);
    expect(h.api.callsOf("editMessageText")).toHaveLength(0);
    expect(h.api.callsOf("sendMessageDraft")).toHaveLength(0);
  });
});
