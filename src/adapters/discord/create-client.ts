/**
 * The discord.js client as this bot needs it: the smallest set of intents (Message Content only
 * when enabled, since it is privileged), DM support, no pings by default, and an optional REST
 * base URL (REST proxies for large bots; loopback fakes in tests). discord.js reads the gateway URL
 * from that API's `GET /gateway/bot`, and handles REST 429s and gateway resumes itself.
 */
import { Client, GatewayIntentBits, Partials, REST, Routes, type RESTGetAPIGatewayBotResult, type RESTOptions } from "discord.js";
import type { DiscordConfig } from "./discord-config.js";
import type { ShardPlan } from "./shard-plan.js";

/** Permissions the bot needs in a channel: view, send (also in threads), read history (to reply). */
export const REQUIRED_PERMISSIONS = 1024n + 2048n + 65536n + 274877906944n;

/** The gateway intents for a configuration; Message Content is privileged, so it is opt-out. */
export function intentsFor(config: Pick<DiscordConfig, "messageContent">): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * `DISCORD_API_URL` is the REST base without the version, like discord.js's default
 * `https://discord.com/api`; a trailing `/v10` is tolerated and removed.
 */
export function restBaseUrl(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, "").replace(/\/v\d+$/, "");
}

/** The REST options of the client (and of the shard-count probe, so both honour DISCORD_API_URL). */
function restOptionsFor(config: Pick<DiscordConfig, "apiUrl">): Partial<RESTOptions> {
  return config.apiUrl === null ? {} : { api: restBaseUrl(config.apiUrl) };
}

/**
 * Creates (does not connect) the client for a configuration. With a shard plan the client runs
 * exactly those shards of that count (discord.js's `shards` and `shardCount`; `clientReady` fires
 * once all of them are ready); without one, discord.js's default of a single shard.
 */
export function createDiscordClient(config: DiscordConfig, plan: ShardPlan | null = null): Client {
  return new Client({
    intents: intentsFor(config),
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: restOptionsFor(config),
    ...(plan === null ? {} : { shards: [...plan.shardIds], shardCount: plan.shardCount }),
  });
}

/**
 * Discord's recommended shard count for the bot (`GET /gateway/bot`), for DISCORD_SHARD_COUNT=auto.
 * Asked before the client exists, since its shards are fixed when it is built, with the same REST
 * options as the client, so a REST proxy in DISCORD_API_URL is used for this call too.
 */
export async function fetchRecommendedShardCount(config: Pick<DiscordConfig, "apiUrl" | "token">): Promise<number> {
  const rest = new REST(restOptionsFor(config)).setToken(config.token);
  try {
    const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return info.shards;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** The link a server admin opens to add the bot with exactly the permissions it needs. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: REQUIRED_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
