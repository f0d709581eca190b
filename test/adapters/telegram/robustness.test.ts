import { afterEach, describe, expect, it } from "vitest";
import { startTelegramAdapter } from "../../../src/adapters/telegram/telegram-adapter.js";
import { AppError } from "../../../src/core/errors.js";
import { silentLogger } from "../../../src/core/logger.js";
import { FakeTelegramBotApi } from "../../fakes/telegram-bot-api.js";
import { FakeAnswerService } from "../../fakes/telegram-answer-service.js";
import { alice, group, privateChat, startHarness, telegramConfig, TEST_TOKEN, type Harness, telegramAdmission } from "../../fakes/telegram-harness.js";

/** Records every wait the adapter asks for and returns at once, so waits are checked without spending them. */
function recordingSleep(waits: number[]) {
  return async (ms: number) => {
    waits.push(ms);
  };
}

describe("Telegram adapter: robustness", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("honours 429 retry_after and delivers the answer exactly once", async () => {
    const waits: number[] = [];
    h = await startHarness({ adapter: { sleep: recordingSleep(waits) } });
    h.api.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } });
    const { replies } = await h.ask(privateChat(alice), alice, "who chairs it?");
    expect(waits).toEqual([7000]);
    expect(h.api.callsOf("sendMessage")).toHaveLength(2);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("Answer to: who chairs it?");
  });

  it("retries 5xx with back-off", async () => {
    const waits: number[] = [];
    h = await startHarness({ adapter: { sleep: recordingSleep(waits) } });
    h.api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" }, 2);
    const { replies } = await h.ask(privateChat(alice), alice, "still there?");
    expect(waits).toEqual([500, 1000]);
    expect(replies).toHaveLength(1);
  });

  it("falls back to plain text when Telegram rejects the HTML", async () => {
    h = await startHarness();
    h.api.rejectHtml = true;
    const { replies } = await h.ask(privateChat(alice), alice, "who chairs <it> & why?");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.parseMode).toBeUndefined();
    expect(replies[0]!.text).toContain("Answer to: who chairs <it> & why? [1]");
    expect(replies[0]!.text).toContain("Sources\nAZERTAC · 4 Nov 2025 · Kyrgyz and Azerbaijani trade unions sign cooperation memorandum (https://azertag.az/en/xeber/kyrgyz_trade_unions-1)\n[1] “Muradil Jumadilde");
    expect(replies[0]!.text).not.toMatch(/<blockquote>|&amp;|<b>/);
    expect(h.logs.some((l) => l.includes("HTML rejected"))).toBe(true);
  });

  it("apologises for a failed answer, shows an AppError's own message, logs without the token, and keeps going", async () => {
    h = await startHarness();
    h.service.respond = (q) => {
      if (q === "crash") throw new Error(`boom while using token ${TEST_TOKEN}`);
      if (q === "typed") throw new AppError("INDEX_MISSING", "The article index is not built yet. Please try again later.");
      throw new Error("unreachable");
    };
    const chat = privateChat(alice);
    const crash = await h.ask(chat, alice, "crash");
    expect(crash.replies[0]!.text).toBe("Sorry, something went wrong while answering. Please try again.");
    const typed = await h.ask(chat, alice, "typed");
    expect(typed.replies[0]!.text).toBe("The article index is not built yet. Please try again later.");
    expect(h.logs.filter((l) => l.startsWith("error telegram: answering failed"))).toHaveLength(2);
    expect(h.logs.join("\n")).not.toContain(TEST_TOKEN.split(":")[1]);
  });

  it("survives updates it does not understand and getUpdates failures", async () => {
    const waits: number[] = [];
    h = await startHarness({ adapter: { sleep: recordingSleep(waits) } });
    h.api.pushUpdate({ callback_query: { id: "1", from: alice, data: "x" } });
    h.api.pushUpdate({ edited_message: { message_id: 1, date: 0, chat: privateChat(alice), text: "edited" } });
    h.api.pushUpdate({ brand_new_update_kind: { whatever: true } });
    h.api.pushUpdate({ message: { message_id: 2, date: 0, chat: group } }); // no sender, no content
    h.api.pushUpdate({ message: { message_id: 3, date: 0, chat: { id: -1001, type: "channel" }, text: "post" } });
    h.api.pushUpdate({ message: { message_id: 4, date: 0, chat: group, from: { id: 77, is_bot: true, first_name: "Other bot" }, text: "/ask loop?", entities: [{ type: "bot_command", offset: 0, length: 4 }] } });
    h.api.failNext("getUpdates", { error_code: 500, description: "Internal Server Error" });
    h.api.failNext("getUpdates", { error_code: 409, description: "Conflict: terminated by other getUpdates request" });
    const { replies } = await h.ask(privateChat(alice), alice, "still alive?");
    expect(replies[0]!.text).toContain("Answer to: still alive?");
    expect(h.api.sent).toHaveLength(1);
    expect(h.service.asked).toHaveLength(1);
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(h.logs.some((l) => l.includes("another instance is polling"))).toBe(true);
  });

  it("rejects a bad token at start with a clear AppError and no token in the message", async () => {
    const api = await FakeTelegramBotApi.start({ token: "999:other" });
    try {
      const start = startTelegramAdapter({
        config: telegramConfig(api.apiRoot),
        service: new FakeAnswerService(),
        logger: silentLogger,
        admission: telegramAdmission({ rateLimit: { max: 5, windowMs: 60_000 } }),
      });
      await expect(start).rejects.toMatchObject({ code: "CONFIG_INVALID", userMessage: expect.stringContaining("TELEGRAM_BOT_TOKEN") });
      await start.catch((error: AppError) => expect(error.userMessage).not.toContain(TEST_TOKEN));
      expect(api.callsOf("getUpdates")).toHaveLength(0);
    } finally {
      await api.close();
    }
  });

  it("reports an unreachable Bot API server clearly", async () => {
    const api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const root = api.apiRoot;
    await api.close();
    const start = startTelegramAdapter({
      config: telegramConfig(root),
      service: new FakeAnswerService(),
      logger: silentLogger,
      admission: telegramAdmission({ rateLimit: { max: 5, windowMs: 60_000 } }),
      sleep: async () => undefined,
    });
    await expect(start).rejects.toMatchObject({ userMessage: expect.stringContaining(`Could not start the Telegram bot via ${root}`) });
  });
});
