/**
 * Several in-process Telegram adapters against one fake Bot API, as N identical instances of the
 * bot: each gets its own API root (so the fake knows which instance called, `ApiCall.client`) and
 * its own log, and shares what the test gives them — the event claims, the lock service and the
 * answer service stand in for the stores shared through Redis in production.
 */
import type { TelegramConfig } from "../../src/config.js";
import type { EventClaims } from "../../src/core/event-claims.js";
import type { LockService } from "../../src/core/lock-service.js";
import { startTelegramAdapter, type RunningTelegramAdapter, type TelegramAdapterOptions } from "../../src/adapters/telegram/telegram-adapter.js";
import type { FakeTelegramBotApi } from "./telegram-bot-api.js";
import type { FakeAnswerService } from "./telegram-answer-service.js";
import { recordingLogger, telegramAdmission, telegramConfig } from "./telegram-harness.js";

export interface InstanceOptions {
  api: FakeTelegramBotApi;
  /** Names the instance: its API root, its `instanceId` and its log. */
  name: string;
  service: FakeAnswerService;
  claims: EventClaims;
  locks: LockService;
  config?: Partial<TelegramConfig>;
  adapter?: Partial<Pick<TelegramAdapterOptions, "leaseMs" | "shutdownGraceMs" | "concurrency" | "sleep">>;
}

export interface Instance {
  name: string;
  adapter: RunningTelegramAdapter;
  logs: string[];
  /** The fake's record of this instance's calls of `method`. */
  calls(method: string): number;
  stop(): Promise<void>;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const logs: string[] = [];
  const { api, name } = options;
  const adapter = await startTelegramAdapter({
    config: telegramConfig(api.apiRootFor(name), options.config),
    service: options.service,
    logger: recordingLogger(logs),
    admission: telegramAdmission({ ...(options.config === undefined ? {} : { config: options.config }) }),
    claims: options.claims,
    locks: options.locks,
    instanceId: name,
    ...options.adapter,
  });
  return {
    name,
    adapter,
    logs,
    calls: (method) => api.callsOf(method).filter((c) => c.client === name).length,
    stop: () => adapter.stop("test done"),
  };
}
