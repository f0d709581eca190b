/**
 * The Discord adapter: connects the discord.js client, registers the slash commands, and routes
 * messages and interactions to the question desk. It only translates; all answering stays in the
 * AnswerService. REST 429s and gateway resumes are left to discord.js; every handler failure is
 * contained and logged, so one bad event never takes the bot down.
 *
 * Sharding (DISCORD_SHARD_COUNT / DISCORD_SHARD_IDS): each instance runs its own shards, so one
 * bot can be spread over processes and machines; Discord sends each guild's events to one shard.
 * Every event is claimed in the shared `EventClaims` before it is answered, so two instances
 * running the same shard (a rolling deploy) or a replayed event never produce two answers.
 */
import { Events, RESTEvents, type Client } from "discord.js";
import type { AdmissionRules } from "../../service/admission.js";
import type { EventClaims } from "../../core/event-claims.js";
import type { Logger } from "../../core/logger.js";
import type { AnswerService } from "../../core/types.js";
import { LocalEventClaims } from "../../service/local-event-claims.js";
import { answerOnce } from "./answer-once.js";
import { commandDefinitions } from "./commands.js";
import { createDiscordClient, fetchRecommendedShardCount, inviteUrl, restBaseUrl } from "./create-client.js";
import type { DiscordConfig } from "./discord-config.js";
import { DEFAULT_FEEDBACK_TTL_MS, DiscordFeedback } from "./feedback-buttons.js";
import { createInteractionHandler } from "./interaction-handler.js";
import { createMessageHandler } from "./message-handler.js";
import { QuestionDesk } from "./question-desk.js";
import { describeShards, registersCommands, resolveShardPlan, type ShardPlan } from "./shard-plan.js";
import { GatewayClosedError, toStartupError } from "./startup-errors.js";
import { taggedLogger } from "../../service/tagged-logger.js";

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
  /**
   * Who answers each message and interaction, shared by every instance of the bot (e.g. in Redis),
   * so an event that reaches two instances is answered once. Default: a new `LocalEventClaims`,
   * which drops replays within this process only. Passed-in claims are the caller's to close.
   */
  claims?: EventClaims;
}

export interface RunningAdapter {
  stop(reason?: string): Promise<void>;
}

const DEFAULT_API_BASE = "https://discord.com/api";

/**
 * Starts the bot; resolves once every shard of this instance is ready and (on the instance that
 * runs shard 0) the commands are registered; rejects with an `AppError` (no token in it) when
 * Discord refuses the token or the intents, or a configured shard id is beyond the shard count.
 *
 * Slash commands are registered (bulk overwrite) by the instance that runs shard 0 only, so N
 * instances do not overwrite them N times at every deploy; the others log that they leave it to
 * that instance. With DISCORD_SHARD_COUNT unset, the one instance runs the one shard and registers.
 */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<RunningAdapter> {
  const { config, service } = options;
  const apiBase = config.apiUrl === null ? DEFAULT_API_BASE : restBaseUrl(config.apiUrl);
  const secrets = [config.token];
  const plan = await planShards(config).catch((error: unknown) => {
    throw toStartupError(error, { apiBase, stage: "connect", secrets });
  });
  const logger = plan === null ? options.logger : taggedLogger(options.logger, { shards: describeShards(plan) });
  const client = createDiscordClient(config, plan);
  const claims = options.claims ?? new LocalEventClaims();
  const closeOwnClaims = async (): Promise<void> => {
    if (options.claims === undefined) await claims.close();
  };
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
    claims,
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
  client.on(Events.InteractionCreate, (interaction) =>
    track("interaction", () => answerOnce({ claims, logger, eventId: `discord:interaction:${interaction.id}` }, () => onInteraction(interaction))),
  );
  attachDiagnostics(client, logger, () => !accepting);

  const fail = async (error: unknown, stage: "connect" | "register-commands"): Promise<never> => {
    await client.destroy().catch(() => undefined);
    await closeOwnClaims();
    throw toStartupError(error, { apiBase, stage, secrets });
  };
  try {
    await connect(client, config.token);
  } catch (error) {
    return fail(error, "connect");
  }
  const registers = registersCommands(plan);
  if (registers) {
    try {
      await registerCommands(client, config.guildId, options.admission.maxQuestionLength);
    } catch (error) {
      return fail(error, "register-commands");
    }
  } else {
    logger.info("discord: slash commands are left to the instance that runs shard 0 (it registers them)");
  }

  const guilds = client.guilds.cache.size;
  const scope = config.guildId === null ? "global" : `guild ${config.guildId}`;
  logger.info("discord: ready", {
    user: client.user?.tag ?? "?",
    guilds,
    commands: registers ? scope : `${scope}, left to shard 0`,
    messageContent: config.messageContent,
  });
  // Only an instance that runs every shard sees every guild: elsewhere no guild here proves nothing.
  const seesEveryGuild = plan === null || plan.shardIds.length === plan.shardCount;
  if (guilds === 0 && seesEveryGuild && client.application !== null) {
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
        await closeOwnClaims();
        logger.info("discord: stopped");
      })();
      return stopping;
    },
  };
}

/** The shards to run; for DISCORD_SHARD_COUNT=auto, of the count Discord recommends. */
async function planShards(config: DiscordConfig): Promise<ShardPlan | null> {
  const recommended = config.shardCount === "auto" ? await fetchRecommendedShardCount(config) : undefined;
  return resolveShardPlan(config, recommended);
}

/**
 * Logs in and waits for `clientReady`, which discord.js emits once every shard of the client is
 * ready; a gateway close discord.js won't retry (on any shard) fails the start.
 */
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
