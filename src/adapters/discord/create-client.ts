/**
 * The discord.js client as this bot needs it: the smallest set of intents (Message Content only
 * when enabled, since it is privileged), DM support, no pings by default, and an optional REST
 * base URL (REST proxies for large bots; loopback fakes in tests). discord.js reads the gateway URL
 * from that API's `GET /gateway/bot`, and handles REST 429s and gateway resumes itself.
 */
import { Client, GatewayIntentBits, Partials } from "discord.js";
import type { DiscordConfig } from "./discord-config.js";

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

/** Creates (does not connect) the client for a configuration. */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: intentsFor(config),
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    ...(config.apiUrl === null ? {} : { rest: { api: restBaseUrl(config.apiUrl) } }),
  });
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
