/**
 * HTTP_PORT equal to the webhook's port: one server. The health routes are mounted on the Telegram
 * webhook server (`extraRoutes`), tried before the webhook path, which keeps working as before.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startTelegramAdapter, type RunningTelegramAdapter } from "../../../src/adapters/telegram/telegram-adapter.js";
import { PrometheusMetrics } from "../../../src/providers/prometheus-metrics.js";
import { createHealthRoutes } from "../../../src/service/health-routes.js";
import { Readiness } from "../../../src/service/readiness.js";
import { FakeAnswerService } from "../../fakes/telegram-answer-service.js";
import { FakeTelegramBotApi, postWebhook } from "../../fakes/telegram-bot-api.js";
import { TEST_TOKEN, alice, privateChat, recordingLogger, telegramAdmission, telegramConfig } from "../../fakes/telegram-harness.js";
import { answeredEvent } from "../../helpers/answered-event.js";
import { parsePrometheusText, sampleValue } from "../../helpers/prometheus-text.js";

const SECRET = "s3cret_Token-for-tests";

describe("Telegram webhook server shares its port with the health routes", () => {
  let api: FakeTelegramBotApi | undefined;
  let adapter: RunningTelegramAdapter | undefined;
  afterEach(async () => {
    await adapter?.stop("test done");
    await api?.close();
    adapter = undefined;
    api = undefined;
  });

  it("serves /healthz, /readyz and /metrics next to the webhook, and the webhook still answers", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const readiness = new Readiness(["index", "telegram"]);
    const metrics = new PrometheusMetrics({ defaultMetrics: false });
    const service = new FakeAnswerService();
    const config = { webhookUrl: "https://bot.example.org", webhookSecret: SECRET, webhookPort: 0, webhookPath: "/tg/hook" };
    adapter = await startTelegramAdapter({
      config: telegramConfig(api.apiRoot, config),
      service,
      logger: recordingLogger([]),
      admission: telegramAdmission({ config }),
      extraRoutes: createHealthRoutes({ ready: () => readiness.checks(), metrics }),
    });
    readiness.set("telegram", true);
    const base = `http://127.0.0.1:${adapter.webhookPort}`;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ notReady: ["index"] });
    readiness.set("index", true);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`, { method: "PUT" })).status).toBe(405);

    const update = api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "who chairs the federation?" });
    expect(await postWebhook(`${base}/tg/hook`, update, SECRET)).toBe(200);
    await api.waitFor(() => api!.sent.length === 1, "webhook answer");
    // Routes that are not ours still go to telegraf, which refuses them without the secret.
    expect(await postWebhook(`${base}/elsewhere`, update, undefined)).toBe(403);

    metrics.answered(answeredEvent({ platform: "telegram" }));
    const families = parsePrometheusText(await (await fetch(`${base}/metrics`)).text());
    expect(sampleValue(families, "dossier_questions_total", { platform: "telegram", outcome: "answered" })).toBe(1);
  });

  it("a route handler that throws gets a 500 and does not take the server down", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const logs: string[] = [];
    const config = { webhookUrl: "https://bot.example.org", webhookSecret: SECRET, webhookPort: 0 };
    adapter = await startTelegramAdapter({
      config: telegramConfig(api.apiRoot, config),
      service: new FakeAnswerService(),
      logger: recordingLogger(logs),
      admission: telegramAdmission({ config }),
      extraRoutes: (req) => {
        if (req.url === "/boom") throw new Error("route broke");
        return false;
      },
    });
    const base = `http://127.0.0.1:${adapter.webhookPort}`;
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect(logs.some((l) => l.includes("extra route failed"))).toBe(true);
    const update = api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "still there?" });
    expect(await postWebhook(`${base}/telegram/webhook`, update, SECRET)).toBe(200);
  });
});
