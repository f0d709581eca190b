/**
 * A language model's draft in Discord, with the real discord.js client against the fake Discord: a
 * placeholder reply (or the slash command's deferred response) edited at most once per interval,
 * then edited into the checked answer; a rejected edit never loses the answer or leaves the draft.
 */
import { afterEach, describe, expect, test } from "vitest";
import { formatAnswer } from "../../../src/adapters/discord/format-answer.js";
import { DRAFT_PLACEHOLDER } from "../../../src/adapters/discord/format-draft.js";
import type { Answer } from "../../../src/core/types.js";
import { citationOne } from "../../fakes/discord-answer-service.js";
import type { RecordedRequest } from "../../fakes/discord-fake-server.js";
import { emitDrafts, gaps, growingDrafts, type DraftScript } from "../drafting.js";
import { Harness, contentOf, referencedId } from "./discord-harness.js";

const DRAFT = "Muradil Jumadilde chairs the *Federation* of Trade Unions of Kyrgyzstan [1], which he has led since 2019.";
const CHECKED = "Muradil Jumadilde chairs the Federation of Trade Unions of Kyrgyzstan [1].";
const INTERVAL = 200;
const JITTER_MS = 40;

function checked(question: string, text = CHECKED): Answer {
  return { question, answer: text, grounded: true, citations: [citationOne], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
}

const refusal = (question: string): Answer => ({
  question, answer: "The indexed articles don't cover that.", grounded: false, citations: [], reason: "not_covered",
  timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
});

function drafting(h: Harness, script: DraftScript, answer: (question: string) => Answer = checked): void {
  h.service.respond = async (question, context) => {
    await emitDrafts(context, script);
    return answer(question);
  };
}

const isEdit = (r: RecordedRequest) => r.method === "PATCH" && /^\/channels\/\d+\/messages\/\d+$/.test(r.path);
const isOriginalEdit = (r: RecordedRequest) => r.method === "PATCH" && r.path.endsWith("/messages/@original");

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe("drafts in replies to messages", () => {
  test("a placeholder reply at the first draft, edits at most once per interval, then the checked answer", async () => {
    h = await new Harness({ draftIntervalMs: INTERVAL }).start();
    drafting(h, { drafts: growingDrafts(DRAFT, 12), everyMs: 50 });
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", mention: true });
    const expected = formatAnswer(checked("Who chairs the federation?"), { pingAsker: true })[0]!.content;
    await h.fake.waitForRequest((r) => isEdit(r) && contentOf(r) === expected);

    const posts = h.repliesTo(message.id);
    expect(posts).toHaveLength(1);
    expect(contentOf(posts[0]!)).toBe(DRAFT_PLACEHOLDER);
    const edits = h.fake.requests.filter(isEdit);
    const drafts = edits.slice(0, -1);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const edit of drafts) expect(contentOf(edit).endsWith(" …")).toBe(true);
    expect(drafts.some((e) => contentOf(e).includes("\\*Federation\\*"))).toBe(true); // escaped like an answer
    for (const gap of gaps([posts[0]!.at, ...drafts.map((e) => e.at)])) expect(gap).toBeGreaterThanOrEqual(INTERVAL - JITTER_MS);
    expect(edits.at(-1)!.path).toBe(`/channels/${h.general}/messages/${[...h.fake.botMessages.keys()][0]}`);
    expect([...h.fake.botMessages.values()].map((m) => m.content)).toEqual([expected]);
    for (const edit of edits) expect(edit.body?.allowed_mentions).toMatchObject({ parse: [] });
  });

  test("a refusal replaces the draft: the draft's text is in no message left", async () => {
    h = await new Harness({ draftIntervalMs: 50 }).start();
    drafting(h, { drafts: growingDrafts("The minimum wage in Iran is 200 dollars [1].", 6), everyMs: 40 }, refusal);
    h.sendMessage({ from: h.bob, content: "What is the minimum wage in Iran?", mention: true });
    await h.fake.waitForRequest((r) => isEdit(r) && contentOf(r) === "The indexed articles don't cover that.");
    expect(h.fake.requests.some((r) => isEdit(r) && contentOf(r).includes("200 dollars"))).toBe(true);
    for (const m of h.fake.botMessages.values()) expect(String(m.content)).not.toContain("200 dollars");
  });

  test("a 429 on a draft edit is waited out by discord.js and the final edit still lands last", async () => {
    h = await new Harness({ draftIntervalMs: 100 }).start();
    let edits = 0;
    h.fake.failNext((r) => isEdit(r) && ++edits === 1, {
      status: 429,
      headers: { "retry-after": "1", "x-ratelimit-scope": "user" },
      body: { message: "You are being rate limited.", retry_after: 1, global: false },
    });
    drafting(h, { drafts: growingDrafts(DRAFT, 10), everyMs: 50 });
    h.sendMessage({ from: h.alice, content: "Who chairs it?", mention: true });
    const expected = formatAnswer(checked("Who chairs it?"), { pingAsker: true })[0]!.content;
    await h.fake.waitForRequest((r) => isEdit(r) && contentOf(r) === expected);
    const all = h.fake.requests.filter(isEdit);
    expect(all[0]!.status).toBe(429);
    expect(all[1]!.at - all[0]!.at).toBeGreaterThanOrEqual(1000 - JITTER_MS);
    expect(contentOf(all.at(-1)!)).toBe(expected);
    expect([...h.fake.botMessages.values()].map((m) => m.content)).toEqual([expected]);
  });

  test("a rejected final edit sends the answer as a new reply and deletes the draft", async () => {
    h = await new Harness({ draftIntervalMs: 50 }).start();
    h.fake.failNext((r) => isEdit(r) && contentOf(r).includes("**Sources**"), { status: 404, body: { message: "Unknown Message", code: 10008 } });
    drafting(h, { drafts: growingDrafts(DRAFT, 6), everyMs: 40 });
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs it?", mention: true });
    const expected = formatAnswer(checked("Who chairs it?"), { pingAsker: true })[0]!.content;
    const anew = await h.fake.waitForRequest((r) => r.method === "POST" && referencedId(r) === message.id && contentOf(r) === expected);
    const removed = await h.fake.waitForRequest((r) => r.method === "DELETE" && /^\/channels\/\d+\/messages\/\d+$/.test(r.path));
    expect(removed.at).toBeGreaterThan(anew.at);
    expect([...h.fake.botMessages.values()].map((m) => m.content)).toEqual([expected]);
    expect(h.logs.join("\n")).toContain("could not edit the draft into the answer");
  });

  test("without drafts nothing is edited (the offline reader)", async () => {
    h = await new Harness({ draftIntervalMs: 50 }).start();
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs it?", mention: true });
    await h.replyTo(message.id);
    expect(h.fake.requests.filter(isEdit)).toHaveLength(0);
    expect(h.service.asks[0]?.context?.onDraft).toBeTypeOf("function");
  });
});

describe("drafts in slash commands", () => {
  test("/ask edits the deferred response with the drafts, then with the checked answer; the rest follow up", async () => {
    h = await new Harness({ draftIntervalMs: INTERVAL }).start();
    const long = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of the answer explains one more point [1].`).join(" ");
    drafting(h, { drafts: growingDrafts(DRAFT, 12), everyMs: 50 }, (q) => checked(q, long));
    const { interaction } = h.sendCommand({ from: h.bob, name: "ask", question: "Who chairs the federation?" });
    const parts = formatAnswer(checked("Who chairs the federation?", long), { echoQuestion: true });
    expect(parts.length).toBeGreaterThan(1);
    const callback = await h.callbackOf(interaction);
    expect(callback.body).toMatchObject({ type: 5 });
    await h.fake.waitUntil(() => (h.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/${interaction.token}`)).length === parts.length - 1 ? true : undefined));

    const edits = h.fake.requests.filter(isOriginalEdit);
    expect(contentOf(edits[0]!)).toBe(`**Q:** Who chairs the federation?\n\n${DRAFT_PLACEHOLDER}`);
    const drafts = edits.slice(1, -1);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const e of drafts) expect(contentOf(e)).toMatch(/^\*\*Q:\*\* Who chairs the federation\?\n\nMuradil.* …$/s);
    for (const gap of gaps(edits.slice(0, -1).map((e) => e.at))) expect(gap).toBeGreaterThanOrEqual(INTERVAL - JITTER_MS);
    expect(contentOf(edits.at(-1)!)).toBe(parts[0]!.content);
    const followUps = h.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/${interaction.token}`));
    expect(followUps.map(contentOf)).toEqual(parts.slice(1).map((p) => p.content));
    expect(followUps[0]!.at).toBeGreaterThan(edits.at(-1)!.at);
  });

  test("/ask with a refusal: the deferred response ends as the refusal, not the draft", async () => {
    h = await new Harness({ draftIntervalMs: 50 }).start();
    drafting(h, { drafts: growingDrafts("The minimum wage in Iran is 200 dollars [1].", 6), everyMs: 40 }, refusal);
    h.sendCommand({ from: h.bob, name: "ask", question: "What is the minimum wage?" });
    const expected = formatAnswer(refusal("What is the minimum wage?"), { echoQuestion: true })[0]!.content;
    await h.fake.waitForRequest((r) => isOriginalEdit(r) && contentOf(r) === expected);
    expect(h.fake.requests.some((r) => isOriginalEdit(r) && contentOf(r).includes("200 dollars"))).toBe(true);
    expect(contentOf(h.fake.requests.filter(isOriginalEdit).at(-1)!)).toBe(expected);
    for (const m of h.fake.botMessages.values()) expect(String(m.content)).not.toContain("200 dollars");
  });
});
