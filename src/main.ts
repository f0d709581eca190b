/**
 * Composition root for `npm start`: configuration → embeddings → index (built first if missing or
 * stale) → answer service → adapters. Discord and/or Telegram when their tokens are set, else the
 * terminal chat. SIGINT/SIGTERM stop everything cleanly.
 */
import { loadConfig, secretsOf, type Config } from "./config.js";
import { createLogger, redact, type Logger } from "./core/logger.js";
import { createEmbedder, ensureFreshIndex, openAnswerService } from "./compose.js";
import { runTerminalChat } from "./adapters/terminal/terminal-chat.js";
import { isAppError } from "./errors.js";

interface Running {
  stop(reason?: string): Promise<void>;
}

async function startBots(config: Config, service: Parameters<typeof runTerminalChat>[0]["service"], logger: Logger): Promise<Running[]> {
  const running: Running[] = [];
  const common = { service, logger, rateLimit: config.rateLimit, maxQuestionLength: config.maxQuestionLength };
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
  return running;
}

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${isAppError(error) ? error.userMessage : String(error)}\n`);
    return 2;
  }
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger });
  await ensureFreshIndex({ config, embedder, logger });
  const service = await openAnswerService({
    indexDir: config.indexDir,
    embedder,
    logger,
    memory: config.memory,
    maxQuestionLength: config.maxQuestionLength,
  });

  if (config.telegram === null && config.discord === null) {
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

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    const message = isAppError(error) ? error.userMessage : `dossier stopped: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${redact(message)}\n`);
    process.exitCode = 2;
  });
