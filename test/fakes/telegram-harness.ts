/**
 * Starts the real Telegram adapter against the fake Bot API server with a fake answer service, and
 * tears both down, so each adapter test is a few lines of "user sends X, bot replies Y".
 */
import { createAdmission } from "../../src/compose.js";
import type { TelegramConfig } from "../../src/config.js";
import type { Logger } from "../../src/core/logger.js";
import { startTelegramAdapter, type RunningTelegramAdapter, type TelegramAdapterOptions } from "../../src/adapters/telegram/telegram-adapter.js";
import { FakeTelegramBotApi, type FakeChat, type FakeUser } from "./telegram-bot-api.js";
import { FakeAnswerService } from "./telegram-answer-service.js";

/** Token-shaped, so a leak into logs would be noticed by the tests. */
export const TEST_TOKEN = "123456789:AAHtestTokenTHATmustNEVERappearInLogs0";

export interface HarnessOptions {
  config?: Partial<TelegramConfig>;
  rateLimit?: { max: number; windowMs: number };
  maxQuestionLength?: number;
  adapter?: Partial<Pick<TelegramAdapterOptions, "concurrency" | "shutdownGraceMs" | "sleep" | "draftIntervalMs" | "feedbackTtlMs">>;
  service?: FakeAnswerService;
}

export interface Harness {
  api: FakeTelegramBotApi;
  service: FakeAnswerService;
  adapter: RunningTelegramAdapter;
  logs: string[];
  /** Sends a text message and waits until the bot replied to it (`parts` messages). */
  ask(chat: FakeChat, from: FakeUser, text: string, parts?: number): Promise<{ messageId: number; replies: ReturnType<FakeTelegramBotApi["repliesTo"]> }>;
  close(): Promise<void>;
}

/** A logger that keeps raw lines (no redaction), so the tests see exactly what the adapter logged. */
export function recordingLogger(lines: string[]): Logger {
  const put = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields === undefined ? "" : JSON.stringify(fields)}`);
  };
  return { debug: put("debug"), info: put("info"), warn: put("warn"), error: put("error") };
}

export function telegramConfig(apiRoot: string, overrides: Partial<TelegramConfig> = {}): TelegramConfig {
  return {
    token: TEST_TOKEN,
    apiRoot,
    webhookUrl: null,
    webhookPort: 0,
    webhookPath: "/telegram/webhook",
    webhookSecret: null,
    allowedChatIds: null,
    ...overrides,
  };
}

/** The admission rules the harness gives the adapter, as `npm start` builds them from the configuration. */
export function telegramAdmission(options: Pick<HarnessOptions, "config" | "rateLimit" | "maxQuestionLength"> = {}) {
  return createAdmission({
    maxQuestionLength: options.maxQuestionLength ?? 500,
    rateLimit: options.rateLimit ?? { max: 1000, windowMs: 60_000 },
    telegram: telegramConfig("http://127.0.0.1", options.config),
    discord: null,
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
  const service = options.service ?? new FakeAnswerService();
  const logs: string[] = [];
  let adapter: RunningTelegramAdapter;
  try {
    adapter = await startTelegramAdapter({
      config: telegramConfig(api.apiRoot, options.config),
      service,
      logger: recordingLogger(logs),
      admission: telegramAdmission(options),
      ...options.adapter,
    });
  } catch (error) {
    await api.close();
    throw error;
  }
  return {
    api,
    service,
    adapter,
    logs,
    async ask(chat, from, text, parts = 1) {
      const messageId = api.sendUserMessage({ chat, from, text });
      await api.waitFor(() => api.sent.filter((m) => m.chatId === chat.id && m.replyTo === messageId).length >= 1, `reply to "${text}"`);
      if (parts > 1) await api.waitFor(() => api.sent.filter((m) => m.chatId === chat.id).length >= parts, `${parts} parts`);
      return { messageId, replies: api.repliesTo(chat.id, messageId) };
    },
    async close() {
      await adapter.stop("test done");
      await api.close();
    },
  };
}

export const alice: FakeUser = { id: 1001, first_name: "Alice" };
export const bob: FakeUser = { id: 1002, first_name: "Bob" };
export const privateChat = (user: FakeUser): FakeChat => ({ id: user.id, type: "private" });
export const group: FakeChat = { id: -100200300, type: "supergroup", title: "Union news" };
