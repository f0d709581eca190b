import { afterEach, describe, expect, it } from "vitest";
import { alice, bob, group, startHarness, type Harness } from "../../fakes/telegram-harness.js";

/** Messages in groups are answered only when addressed to the bot. */
describe("Telegram adapter: groups", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("ignores ordinary group messages and commands for other bots, answers /ask and /ask@bot", async () => {
    h = await startHarness();
    const api = h.api;
    api.sendUserMessage({ chat: group, from: alice, text: "Who chairs the federation?" });
    api.sendUserMessage({ chat: group, from: alice, text: "/ask@some_other_bot who signed it?" });
    api.sendUserMessage({ chat: group, from: alice, text: "/weather" });
    api.sendUserMessage({ chat: { id: -5, type: "group" }, from: bob, text: "just chatting about @someone" });
    const plain = await h.ask(group, alice, "/ask who signed the memorandum?");
    const addressed = await h.ask(group, bob, "/ask@dossier_test_bot where was it signed?");
    const upper = await h.ask(group, bob, "/ASK@Dossier_Test_Bot when?");
    expect(plain.replies[0]!.text).toContain("Answer to: who signed the memorandum?");
    expect(addressed.replies[0]!.text).toContain("Answer to: where was it signed?");
    expect(upper.replies[0]!.text).toContain("Answer to: when?");
    // The queue is per user and in order, so the earlier ignored messages would have been answered by now.
    expect(h.service.asked.map((a) => a.question)).toEqual(["who signed the memorandum?", "where was it signed?", "when?"]);
    expect(api.sent).toHaveLength(3);
  });

  it("answers a mention of the bot, with the mention removed from the question", async () => {
    h = await startHarness();
    const text = "@dossier_test_bot who chairs the federation?";
    const id = h.api.sendUserMessage({ chat: group, from: alice, text, extra: { entities: [{ type: "mention", offset: 0, length: 17 }] } });
    await h.api.waitFor(() => h!.api.repliesTo(group.id, id).length === 1, "reply to mention");
    expect(h.service.asked[0]?.question).toBe("who chairs the federation?");
    expect(h.service.asked[0]?.context?.conversationId).toBe(`telegram:${group.id}:${alice.id}`);
  });

  it("answers a reply to one of the bot's messages, but not a reply to someone else", async () => {
    h = await startHarness();
    const first = await h.ask(group, alice, "/ask who chairs the federation?");
    const botMessage = { message_id: first.replies[0]!.messageId, date: 0, chat: group, from: { id: h.api.bot.id, is_bot: true, first_name: "Dossier", username: h.api.bot.username }, text: "…" };
    const humanMessage = { message_id: 1, date: 0, chat: group, from: { id: bob.id, is_bot: false, first_name: "Bob" }, text: "hi" };
    h.api.sendUserMessage({ chat: group, from: alice, text: "I agree with Bob", extra: { reply_to_message: humanMessage } });
    const followUp = h.api.sendUserMessage({ chat: group, from: alice, text: "and who signed it?", extra: { reply_to_message: botMessage } });
    await h.api.waitFor(() => h!.api.repliesTo(group.id, followUp).length === 1, "reply to the reply");
    expect(h.service.asked.map((a) => a.question)).toEqual(["who chairs the federation?", "and who signed it?"]);
    expect(h.api.repliesTo(group.id, followUp)[0]!.text).toContain("Following up on “who chairs the federation?”");
  });

  it("stays quiet about stickers in groups unless they reply to the bot", async () => {
    h = await startHarness();
    h.api.sendUserMessage({ chat: group, from: alice, extra: { sticker: { file_id: "x" } } });
    const asked = await h.ask(group, alice, "/ask ping?");
    expect(asked.replies).toHaveLength(1);
    expect(h.api.sent).toHaveLength(1);
  });
});
