/**
 * Composition root for `npm start`: configuration → embeddings → index (built first if missing or
 * stale) → answer service → adapters. Discord and/or Telegram when their tokens are set, else the
 * terminal chat. Around them, the maintainers' loop: the question log (votes and the content-gap
 * report), Prometheus metrics and health routes on `HTTP_PORT` (or the Telegram webhook's server),
 * and feeds fetched every `FEEDS_INTERVAL_MINUTES`. SIGINT/SIGTERM stop everything cleanly.
 */
import { loadConfig, secretsOf, type Config } from "./config.js";
import type { AnswerObserver } from "./core/answer-log.js";
import { AppError } from "./core/errors.js";
import type { Logger } from "./core/logger.js";
import { createAdmission, createAppLogger, createConfiguredEmbedder, openConfiguredService } from "./compose.js";
import { runTerminalChat } from "./adapters/terminal/terminal-chat.js";
import { PromptSafeLogger } from "./adapters/terminal/prompt-safe-logger.js";
import { runCli } from "./cli/run-cli.js";
import { PrometheusMetrics } from "./providers/prometheus-metrics.js";
import { createQuestionLog } from "./providers/create-question-log.js";
import { createHealthRoutes, HEALTH_PATHS, type RouteHandler } from "./service/health-routes.js";
import { startHttpServer, type RunningHttpServer } from "./service/http-server.js";
import { Readiness } from "./service/readiness.js";
import type { DossierAnswerService } from "./service/answer-service.js";
import { tuneHeap } from "./heap-tuning.js";
import { openSharedState, type SharedState } from "./shared-state.js";

interface Running {
  stop(reason?: string): Promise<void>;
}

interface Loop {
  metrics: PrometheusMetrics;
  readiness: Readiness;
  routes: RouteHandler;
  /** The health routes are served by the Telegram webhook's server (same port, or no HTTP_PORT). */
  routesOnWebhook: boolean;
}

/** How often the index gauges are refreshed (a hot reload swaps the index without telling main). */
const INDEX_GAUGE_MS = 15_000;

async function startBots(config: Config, service: DossierAnswerService, logger: Logger, loop: Loop, shared: SharedState): Promise<Running[]> {
  const running: Running[] = [];
  const admission = createAdmission(config, {
    onRefused: (asker, code) => loop.metrics.admissionRefused(asker.platform, code),
    rateLimiter: shared.rateLimiter,
  });
  const common = { service, logger, admission, feedbackTtlMs: config.feedbackTtlMs ?? Infinity, claims: shared.claims };
  try {
    if (config.telegram !== null) {
      const { startTelegramAdapter } = await import("./adapters/telegram/telegram-adapter.js");
      running.push(
        await startTelegramAdapter({
          ...common,
          config: config.telegram,
          locks: shared.locks,
          leaseMs: config.shared.leaseMs,
          instanceId: config.shared.instanceId,
          ...(loop.routesOnWebhook ? { extraRoutes: loop.routes } : {}),
        }),
      );
      loop.readiness.set("telegram", true);
      logger.info("Telegram adapter started");
    }
    if (config.discord !== null) {
      const { startDiscordAdapter } = await import("./adapters/discord/discord-adapter.js");
      running.push(await startDiscordAdapter({ ...common, config: config.discord }));
      loop.readiness.set("discord", true);
      logger.info("Discord adapter started");
    }
  } catch (error) {
    // One adapter failed to start: stop the ones already running, or they keep the process alive.
    await Promise.allSettled(running.map((r) => r.stop("startup failed")));
    throw error;
  }
  return running;
}

/** Fetches the feeds every `FEEDS_INTERVAL_MINUTES`, one run at a time; the service hot-reloads the index it writes. */
function startFeedsLoop(config: Config, logger: Logger, metrics: PrometheusMetrics, shared: SharedState): { stop(): Promise<void> } | null {
  const minutes = config.feeds.intervalMinutes;
  if (minutes === null || config.feeds.sources.length === 0) return null;
  const controller = new AbortController();
  let current: Promise<void> = Promise.resolve();
  let busy = false;
  const run = () => {
    if (busy) return; // the previous run is still going: skip this tick
    busy = true;
    current = (async () => {
      const started = performance.now();
      try {
        const { runFeeds } = await import("./ingest/run-feeds.js");
        const report = await runFeeds({
          sources: config.feeds.sources,
          dataDir: config.dataDir,
          indexDir: config.indexDir,
          embedder: async () => (await createConfiguredEmbedder(config, logger)).embedder,
          limits: config.fetch,
          logger,
          signal: controller.signal,
          ...(shared.writerLock === undefined ? {} : { writerLock: shared.writerLock }),
        });
        if (report.reindex !== null) metrics.reindexed({ ms: performance.now() - started, ok: report.reindex.ok });
        logger.info("feeds checked", { added: report.added.length, failed: report.failed.length });
      } catch (error) {
        if (error instanceof AppError && (error.code === "FEEDS_BUSY" || error.code === "INDEX_LOCKED")) {
          // Several instances share the feeds: another one runs this tick (its re-index is hot-reloaded here).
          logger.info(`feeds: skipped this time — ${error.userMessage}`);
          return;
        }
        metrics.reindexed({ ms: performance.now() - started, ok: false });
        logger.warn("feeds run failed", { reason: error instanceof Error ? error.message : String(error) });
      } finally {
        busy = false;
      }
    })();
  };
  const timer = setInterval(run, minutes * 60_000);
  timer.unref();
  logger.info(`fetching ${config.feeds.sources.length} feed(s) every ${minutes} min`);
  return {
    async stop() {
      clearInterval(timer);
      controller.abort();
      await current;
    },
  };
}

async function main(): Promise<number> {
  const config = loadConfig();
  const terminal = config.telegram === null && config.discord === null;
  // The terminal chat shares the terminal with the logs: the service must log through the logger
  // that keeps the chat's prompt intact, and the service exists before the chat does.
  const logger = terminal ? new PromptSafeLogger(createAppLogger(config)) : createAppLogger(config);

  const metrics = new PrometheusMetrics();
  const readiness = new Readiness(["index", ...(config.telegram === null ? [] : ["telegram"]), ...(config.discord === null ? [] : ["discord"])]);
  // One server for the webhook and the health routes when they share a port (or no HTTP_PORT is set).
  const routesOnWebhook = config.telegram !== null && config.telegram.webhookUrl !== null && (config.http.port === null || config.http.port === config.telegram.webhookPort);
  const loop: Loop = { metrics, readiness, routes: createHealthRoutes({ ready: () => readiness.checks(), metrics, logger }), routesOnWebhook };
  // Up before the index is built, so /healthz answers and /readyz says 503 while it builds.
  let http: RunningHttpServer | null = null;
  if (config.http.port !== null && !routesOnWebhook) {
    http = await startHttpServer({ port: config.http.port, host: config.http.host, handlers: [loop.routes], logger, paths: HEALTH_PATHS });
  }

  // What is open so far, closed in reverse if the start fails half-way (else a Redis or database
  // connection would keep a process that could not start alive).
  const opened: (() => unknown)[] = [() => http?.close()];
  const closeOpened = async () => {
    for (const close of opened.reverse()) await Promise.resolve().then(close).catch(() => undefined);
  };
  try {
    // Shared with the other instances (Redis) or this process's; Redis unreachable now is a clear error.
    const shared = await openSharedState(config, logger);
    opened.push(() => shared.close());
    const questionLog = await createQuestionLog({ ...config.questionLog, databaseUrl: config.shared.databaseUrl }, { logger, secrets: secretsOf(config) });
    opened.push(() => questionLog?.close());
    if (questionLog !== null) logger.info(`question log: ${questionLog.where} (kept ${config.questionLog.retentionDays} days)`);
    metrics.watchShared({
      ...(shared.where === null ? {} : { redisUp: () => shared.up() }),
      ...(questionLog?.pending === undefined ? {} : { logPending: () => questionLog.pending ?? 0, logDropped: () => questionLog.dropped ?? 0 }),
    });
    const observers: AnswerObserver[] = [metrics, ...(questionLog === null ? [] : [questionLog])];
    const service = await openConfiguredService(config, {
      logger,
      ensureFresh: true,
      observers,
      ...(questionLog === null ? {} : { feedback: questionLog }),
      onReindexed: (run) => metrics.reindexed(run),
      conversations: shared.conversations,
      ...(shared.writerLock === undefined ? {} : { writerLock: shared.writerLock }),
    });
    opened.push(() => service.close());
    const gauges = () => metrics.setIndex({ articles: service.corpus().articles.length, generation: service.current.manifest.generation });
    gauges();
    const gaugeTimer = setInterval(gauges, INDEX_GAUGE_MS);
    gaugeTimer.unref();
    readiness.set("index", true);
    const feeds = startFeedsLoop(config, logger, metrics, shared);
    opened.push(() => feeds?.stop());

    const shutdown = async (running: Running[], reason: string) => {
      for (const part of ["telegram", "discord"]) readiness.set(part, false);
      clearInterval(gaugeTimer);
      await Promise.allSettled(running.map((r) => r.stop(reason)));
      await closeOpened(); // the feeds loop, the service, the question log, the shared state, the HTTP server
    };

    if (terminal) {
      await runTerminalChat({ service, logger });
      await shutdown([], "end of input");
      return 0;
    }

    const running = await startBots(config, service, logger, loop, shared);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        logger.info(`${signal} received; shutting down`);
        void shutdown(running, signal).then(() => resolve());
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    });
  } catch (error) {
    await closeOpened();
    throw error;
  }
  return 0;
}

tuneHeap();
runCli(main);
