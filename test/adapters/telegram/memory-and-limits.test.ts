import { afterEach, describe, expect, it } from "vitest";
import { alice, bob, group, privateChat, startHarness, type Harness } from "../../fakes/telegram-harness.js";

describe("Telegram adapter: follow-ups, rate limit, allow-list", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("remembers the previous turn for a follow-up, per (chat, user), never across users", async () => {
    h = await startHarness();
    await h.ask(group, alice, "/ask who chairs the federation?");
    const aliceFollowUp = await h.ask(group, alice, "/ask and who signed it?");
    const bobFollowUp = await h.ask(group, bob, "/ask and who signed it?");
    const alicePrivate = await h.ask(privateChat(alice), alice, "and who signed it?");
    expect(aliceFollowUp.replies[0]!.text).toContain("Following up on “who chairs the federation?”");
    expect(bobFollowUp.replies[0]!.text).toContain("Answer to: and who signed it?");
    expect(alicePrivate.replies[0]!.text).toContain("Answer to: and who signed it?");
    expect(h.service.asked.map((a) => [a.context?.conversationId, a.history.length])).toEqual([
      [`telegram:${group.id}:${alice.id}`, 0],
      [`telegram:${group.id}:${alice.id}`, 1],
      [`telegram:${group.id}:${bob.id}`, 0],
      [`telegram:${alice.id}:${alice.id}`, 0],
    ]);
  });

  it("rate-limits per user with one friendly notice, leaving other users unaffected", async () => {
    h = await startHarness({ rateLimit: { max: 2, windowMs: 60_000 } });
    const chat = privateChat(alice);
    await h.ask(chat, alice, "one?");
    await h.ask(chat, alice, "two?");
    const third = await h.ask(chat, alice, "three?");
    expect(third.replies[0]!.text).toMatch(/^You're asking faster than I can keep up — please wait \d+ s/);
    const fourth = h.api.sendUserMessage({ chat, from: alice, text: "four?" });
    const other = await h.ask(privateChat(bob), bob, "bob's question?");
    expect(other.replies[0]!.text).toContain("Answer to: bob's question?");
    expect(h.api.repliesTo(chat.id, fourth)).toHaveLength(0); // no second notice
    expect(h.service.asked.map((a) => a.question)).toEqual(["one?", "two?", "bob's question?"]);
  });

  it("answers only in allowed chats and tells others why", async () => {
    h = await startHarness({ config: { allowedChatIds: [String(group.id)] } });
    const outside = await h.ask(privateChat(bob), bob, "can I ask?");
    expect(outside.replies[0]!.text).toBe(`Sorry, I'm not enabled in this chat (chat id ${bob.id}).`);
    h.api.sendUserMessage({ chat: { id: -777, type: "group" }, from: bob, text: "unaddressed chatter" });
    const inside = await h.ask(group, alice, "/ask who chairs the federation?");
    expect(inside.replies[0]!.text).toContain("Answer to: who chairs the federation?");
    expect(h.service.asked.map((a) => a.question)).toEqual(["who chairs the federation?"]);
    expect(h.api.sent.filter((m) => m.chatId === -777)).toHaveLength(0);
  });
});
