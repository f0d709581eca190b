import { tooLongMessage } from "../../../src/service/admission.js";
import { afterEach, describe, expect, it } from "vitest";
import { alice, privateChat, startHarness, type Harness } from "../../fakes/telegram-harness.js";

describe("Telegram adapter: private chats (real telegraf against a fake Bot API)", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("registers the command list and starts long polling", async () => {
    h = await startHarness();
    expect(h.adapter.mode).toBe("polling");
    expect(h.adapter.botUsername).toBe("dossier_test_bot");
    const commands = h.api.callsOf("setMyCommands")[0]?.payload.commands as { command: string }[];
    expect(commands.map((c) => c.command)).toEqual(["ask", "sources", "help", "start"]);
    expect(h.api.callsOf("deleteWebhook")).toHaveLength(1);
    await h.api.waitFor(() => h!.api.pendingPolls === 1, "a long poll");
  });

  it("answers any text with a cited HTML reply to the asking message, showing typing first", async () => {
    h = await startHarness();
    const { messageId, replies } = await h.ask(privateChat(alice), alice, "Who chairs the Federation of Trade Unions of Kyrgyzstan?");
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.parseMode).toBe("HTML");
    expect(reply.linkPreviewDisabled).toBe(true);
    expect(reply.replyTo).toBe(messageId);
    expect(reply.text).toContain("Answer to: Who chairs the Federation of Trade Unions of Kyrgyzstan? [1]");
    expect(reply.text).toContain("Sources\nAZERTAC · 4 Nov 2025 · Kyrgyz and Azerbaijani trade unions sign cooperation memorandum\n[1] Muradil Jumadilde, Chairman of the Federation");
    expect(reply.links).toEqual([
      { text: "Kyrgyz and Azerbaijani trade unions sign cooperation memorandum", href: "https://azertag.az/en/xeber/kyrgyz_trade_unions-1" },
    ]);
    const typing = h.api.callsOf("sendChatAction");
    expect(typing[0]?.payload).toMatchObject({ chat_id: alice.id, action: "typing" });
    const firstSend = h.api.callsOf("sendMessage")[0]!;
    expect(typing[0]!.at).toBeLessThan(firstSend.at); // order of events, not a duration
    expect(h.service.asked[0]?.context?.conversationId).toBe(`telegram:${alice.id}:${alice.id}`);
  });

  it("/start explains in two lines what the bot knows and how to ask", async () => {
    h = await startHarness();
    const { replies } = await h.ask(privateChat(alice), alice, "/start");
    const lines = replies[0]!.text.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "I answer questions about 2 news articles from AZERTAC, Mehr News Agency (17 Jun 2019 – 4 Nov 2025), and cite the sentence every answer comes from.",
    );
    expect(lines[1]).toMatch(/^Just send me a question/);
    expect(h.service.asked).toHaveLength(0);
  });

  it("/help lists the commands", async () => {
    h = await startHarness();
    const { replies } = await h.ask(privateChat(alice), alice, "/help");
    const text = replies[0]!.text;
    for (const command of ["/ask <question>", "/sources", "/help", "/start"]) expect(text).toContain(command);
    expect(text).toContain("mention @dossier_test_bot");
  });

  it("/sources lists every article with title, outlet, date and link", async () => {
    h = await startHarness();
    const { replies } = await h.ask(privateChat(alice), alice, "/sources");
    expect(replies[0]!.text).toBe(
      [
        "Indexed articles (2)",
        "1. Kyrgyz and Azerbaijani trade unions sign cooperation memorandum — AZERTAC, 4 Nov 2025",
        "2. Iran and Azerbaijan discuss labour cooperation — Mehr News Agency, 17 Jun 2019",
      ].join("\n"),
    );
    expect(replies[0]!.links.map((l) => l.href)).toEqual(["https://azertag.az/en/xeber/kyrgyz_trade_unions-1"]);
  });

  it("/ask <question> asks; a bare /ask explains the usage", async () => {
    h = await startHarness();
    const asked = await h.ask(privateChat(alice), alice, "/ask who signed the memorandum?");
    expect(asked.replies[0]!.text).toContain("Answer to: who signed the memorandum?");
    const bare = await h.ask(privateChat(alice), alice, "/ask");
    expect(bare.replies[0]!.text).toMatch(/^Please put your question after the command/);
    expect(h.service.asked.map((a) => a.question)).toEqual(["who signed the memorandum?"]);
  });

  it("explains non-text messages, unknown commands and over-long questions without asking the service", async () => {
    h = await startHarness({ maxQuestionLength: 20 });
    const chat = privateChat(alice);
    const sticker = h.api.sendUserMessage({ chat, from: alice, extra: { sticker: { file_id: "x", width: 1, height: 1 } } });
    await h.api.waitFor(() => h!.api.repliesTo(chat.id, sticker).length === 1, "sticker reply");
    expect(h.api.repliesTo(chat.id, sticker)[0]!.text).toMatch(/^I can only read text/);

    const unknown = await h.ask(chat, alice, "/frobnicate");
    expect(unknown.replies[0]!.text).toBe("I don't know /frobnicate. /help lists what I can do.");

    const long = await h.ask(chat, alice, "x".repeat(21));
    expect(long.replies[0]!.text).toBe(tooLongMessage(21, 20));
    expect(h.service.asked).toHaveLength(0);
  });
});
