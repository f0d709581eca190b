/**
 * Composition root for `npm start`: configuration → embeddings → index (built first if missing or
 * stale) → answer service → adapters. Discord and/or Telegram when their tokens are set, else the
 * terminal chat. SIGINT/SIGTERM stop everything cleanly.
 */
import { loadConfig, type Config } from "./config.js";
import type { Logger } from "./core/logger.js";
import { createAdmission, createAppLogger, openConfiguredService } from "./compose.js";
import { runTerminalChat } from "./adapters/terminal/terminal-chat.js";
import { PromptSafeLogger } from "./adapters/terminal/prompt-safe-logger.js";
import { runCli } from "./cli/run-cli.js";
import type { AnswerService } from "./core/types.js";
import { tuneHeap } from "./heap-tuning.js";

interface Running {
  stop(reason?: string): Promise<void>;
}

async function startBots(config: Config, service: AnswerService, logger: Logger): Promise<Running[]> {
  const running: Running[] = [];
  const common = { service, logger, admission: createAdmission(config) };
  try {
    if (config.telegram !== null) {
      const { startTelegramAdapter } = await import("./adapters/telegram/telegram-adapter.js");
      running.push(await startTelegramAdapter({ ...common, config: config.telegram }));
      logger.info("Telegram adapter started");
    }
    if (config.discord !== null) {
      const { startDiscordAdapter } = await import("./adapters/discord/discord-adapter.js");
      running.push(await startDiscordAdapter({ ...common, config: config.discord }));
      logger.info("Discord adapter started");
    }
  } catch (error) {
    // One adapter failed to start: stop the ones already running, or they keep the process alive.
    await Promise.allSettled(running.map((r) => r.stop("startup failed")));
    throw error;
  }
  return running;
}

async function main(): Promise<number> {
  const config = loadConfig();
  const terminal = config.telegram === null && config.discord === null;
  // The terminal chat shares the terminal with the logs: the service must log through the logger
  // that keeps the chat's prompt intact, and the service exists before the chat does.
  const logger = terminal ? new PromptSafeLogger(createAppLogger(config)) : createAppLogger(config);
  const service = await openConfiguredService(config, { logger, ensureFresh: true });

  if (terminal) {
    await runTerminalChat({ service, logger });
    service.close();
    return 0;
  }

  const running = await startBots(config, service, logger);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info(`${signal} received; shutting down`);
      void Promise.allSettled(running.map((r) => r.stop(signal))).then(() => resolve());
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  service.close();
  return 0;
}

tuneHeap();
runCli(main);
