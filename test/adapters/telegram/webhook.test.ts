import { afterEach, describe, expect, it } from "vitest";
import { postWebhook } from "../../fakes/telegram-bot-api.js";
import { alice, privateChat, startHarness, type Harness } from "../../fakes/telegram-harness.js";

const SECRET = "s3cret_Token-for-tests";

describe("Telegram adapter: webhook mode", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("registers the webhook with its secret and answers updates that carry it", async () => {
    h = await startHarness({ config: { webhookUrl: "https://bot.example.org", webhookSecret: SECRET, webhookPort: 0, webhookPath: "/tg/hook" } });
    expect(h.adapter.mode).toBe("webhook");
    const port = h.adapter.webhookPort;
    expect(port).toBeGreaterThan(0);
    expect(h.api.callsOf("setWebhook")[0]?.payload).toMatchObject({
      url: "https://bot.example.org/tg/hook",
      secret_token: SECRET,
      allowed_updates: ["message", "callback_query"],
    });
    expect(h.api.callsOf("deleteWebhook")).toHaveLength(0);
    expect(h.api.callsOf("getUpdates")).toHaveLength(0);

    const update = h.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "who chairs the federation?" });
    const messageId = (update.message as { message_id: number }).message_id;
    const status = await postWebhook(`http://127.0.0.1:${port}/tg/hook`, update, SECRET);
    expect(status).toBe(200);
    await h.api.waitFor(() => h!.api.repliesTo(alice.id, messageId).length === 1, "webhook answer");
    expect(h.api.repliesTo(alice.id, messageId)[0]!.text).toContain("Answer to: who chairs the federation?");
  });

  it("rejects requests with a wrong or missing secret (403) and does not answer them", async () => {
    h = await startHarness({ config: { webhookUrl: "https://bot.example.org/custom/path", webhookSecret: SECRET, webhookPort: 0 } });
    expect(h.api.callsOf("setWebhook")[0]?.payload.url).toBe("https://bot.example.org/custom/path");
    const url = `http://127.0.0.1:${h.adapter.webhookPort}/telegram/webhook`;
    const update = () => h!.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "let me in" });
    expect(await postWebhook(url, update(), "wrong-secret")).toBe(403);
    expect(await postWebhook(url, update(), undefined)).toBe(403);
    expect(await postWebhook(`http://127.0.0.1:${h.adapter.webhookPort}/elsewhere`, update(), SECRET)).toBe(403);
    expect(await postWebhook(url, update(), SECRET)).toBe(200);
    await h.api.waitFor(() => h!.api.sent.length === 1, "the one authorised answer");
    expect(h.service.asked).toHaveLength(1);
  });

  it("refuses a webhook secret Telegram would not accept", async () => {
    await expect(startHarness({ config: { webhookUrl: "https://bot.example.org", webhookSecret: "has spaces!", webhookPort: 0 } })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
  });
});
