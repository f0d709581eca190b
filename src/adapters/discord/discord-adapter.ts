/**
 * The Discord adapter: connects the discord.js client, registers the slash commands, and routes
 * messages and interactions to the question desk. It only translates; all answering stays in the
 * AnswerService. REST 429s and gateway resumes are left to discord.js; every handler failure is
 * contained and logged, so one bad event never takes the bot down.
 */
import { Events, RESTEvents, type Client } from "discord.js";
import type { AdmissionRules } from "../../service/admission.js";
import type { Logger } from "../../core/logger.js";
import type { AnswerService } from "../../core/types.js";
import { commandDefinitions } from "./commands.js";
import { createDiscordClient, inviteUrl, restBaseUrl } from "./create-client.js";
import type { DiscordConfig } from "./discord-config.js";
import { DEFAULT_FEEDBACK_TTL_MS, DiscordFeedback } from "./feedback-buttons.js";
import { createInteractionHandler } from "./interaction-handler.js";
import { createMessageHandler } from "./message-handler.js";
import { QuestionDesk } from "./question-desk.js";
import { GatewayClosedError, toStartupError } from "./startup-errors.js";

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  service: AnswerService;
  logger: Logger;
  /** Length limit, rate limit and allow-lists (DISCORD_ALLOWED_*), shared with every front end. */
  admission: AdmissionRules;
  /** How long `stop()` lets answers in progress finish before aborting them (default 2 s). */
  shutdownGraceMs?: number;
  /** Least time between two edits of a language model's draft (default 1000 ms); tests shorten it. */
  draftIntervalMs?: number;
  /**
   * How long the 👍 / 👎 row stays under an answer in a guild channel before it is removed, so a busy
   * channel is not lined with old buttons (default 10 minutes; `Infinity` keeps them). DMs keep them.
   */
  feedbackTtlMs?: number;
}

export interface RunningAdapter {
  stop(reason?: string): Promise<void>;
}

const DEFAULT_API_BASE = "https://discord.com/api";

/**
 * Starts the bot; resolves once the client is ready and the commands are registered, rejects with
 * an `AppError` (no token in it) when Discord refuses the token or the intents.
 */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<RunningAdapter> {
  const { config, service, logger } = options;
  const client = createDiscordClient(config);
  const controller = new AbortController();
  const inflight = new Set<Promise<void>>();
  let accepting = true;

  const feedback = new DiscordFeedback({
    service,
    logger,
    admission: options.admission,
    groupTtlMs: options.feedbackTtlMs ?? DEFAULT_FEEDBACK_TTL_MS,
  });
  const desk = new QuestionDesk({ service, logger, feedback });
  const shared = {
    desk,
    feedback,
    admission: options.admission,
    logger,
    messageContent: config.messageContent,
    signal: controller.signal,
    ...(options.draftIntervalMs === undefined ? {} : { draftIntervalMs: options.draftIntervalMs }),
  };
  const onMessage = createMessageHandler(shared);
  const onInteraction = createInteractionHandler({ ...shared, service });

  /** Runs one event's work, contained: a failure is logged, never thrown into discord.js. */
  const track = (kind: string, work: () => Promise<void>): void => {
    if (!accepting) return;
    const task = work()
      .catch((error: unknown) => logger.error(`discord: ${kind} handler failed`, { error }))
      .finally(() => inflight.delete(task));
    inflight.add(task);
  };
  client.on(Events.MessageCreate, (message) => track("message", () => onMessage(message)));
  client.on(Events.InteractionCreate, (interaction) => track("interaction", () => onInteraction(interaction)));
  attachDiagnostics(client, logger, () => !accepting);

  const apiBase = config.apiUrl === null ? DEFAULT_API_BASE : restBaseUrl(config.apiUrl);
  const secrets = [config.token];
  try {
    await connect(client, config.token);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw toStartupError(error, { apiBase, stage: "connect", secrets });
  }
  try {
    await registerCommands(client, config.guildId, options.admission.maxQuestionLength);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw toStartupError(error, { apiBase, stage: "register-commands", secrets });
  }

  const guilds = client.guilds.cache.size;
  logger.info("discord: ready", {
    user: client.user?.tag ?? "?",
    guilds,
    commands: config.guildId === null ? "global" : `guild ${config.guildId}`,
    messageContent: config.messageContent,
  });
  if (guilds === 0 && client.application !== null) {
    logger.info("discord: the bot is in no server yet; invite it with", { url: inviteUrl(client.application.id) });
  }

  let stopping: Promise<void> | null = null;
  return {
    stop(reason = "stop requested") {
      stopping ??= (async () => {
        accepting = false;
        logger.info("discord: stopping", { reason, inflight: inflight.size });
        await settleWithin([...inflight], options.shutdownGraceMs ?? 2000);
        await settleWithin([feedback.close()], options.shutdownGraceMs ?? 2000);
        controller.abort();
        await client.destroy();
        logger.info("discord: stopped");
      })();
      return stopping;
    },
  };
}

/** Logs in and waits for `clientReady`; a gateway close discord.js won't retry fails the start. */
async function connect(client: Client, token: string): Promise<void> {
  let onReady: () => void = () => undefined;
  let onDisconnect: (event: { code: number }) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onDisconnect = (event) => reject(new GatewayClosedError(event.code));
  });
  client.once(Events.ClientReady, onReady);
  client.on(Events.ShardDisconnect, onDisconnect);
  try {
    await Promise.all([client.login(token), ready]);
  } finally {
    client.off(Events.ClientReady, onReady);
    client.off(Events.ShardDisconnect, onDisconnect);
  }
}

/** Bulk-overwrites the commands, in one guild (instant, for testing) or globally. */
async function registerCommands(client: Client, guildId: string | null, maxQuestionLength: number): Promise<void> {
  const application = client.application;
  if (application === null) throw new Error("the READY event carried no application");
  const definitions = commandDefinitions({ maxQuestionLength });
  if (guildId === null) await application.commands.set(definitions);
  else await application.commands.set(definitions, guildId);
}

/** Connection health in the logs; discord.js does the reconnecting and the 429 waiting. */
function attachDiagnostics(client: Client, logger: Logger, stopping: () => boolean): void {
  client.on(Events.Error, (error) => logger.error("discord: client error", { error }));
  client.on(Events.Warn, (message) => logger.warn("discord: warning", { message }));
  client.on(Events.ShardError, (error, shardId) => logger.warn("discord: gateway error", { shardId, error }));
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping()) logger.info("discord: gateway reconnecting", { shardId });
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info("discord: gateway resumed", { shardId, replayed }));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn("discord: gateway closed for good", { shardId, code: event.code }));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn("discord: REST rate limited, waiting", { route: info.route, retryAfterMs: info.retryAfter, global: info.global }),
  );
}

/** Waits for the tasks to settle, or for `ms`, whichever comes first. */
async function settleWithin(tasks: Promise<void>[], ms: number): Promise<void> {
  if (tasks.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([Promise.allSettled(tasks), timeout]);
  clearTimeout(timer);
}
