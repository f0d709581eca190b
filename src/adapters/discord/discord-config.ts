/** What the Discord adapter is configured with (from DISCORD_* in `.env`, read by `config.ts`). */
export interface DiscordConfig {
  token: string;
  apiUrl: string | null;
  guildId: string | null;
  /** DISCORD_ALLOWED_GUILD_IDS / _CHANNEL_IDS: applied by the admission rules, not by the adapter. */
  allowedGuildIds: string[] | null;
  allowedChannelIds: string[] | null;
  messageContent: boolean;
  /** DISCORD_SHARD_COUNT: shards of the whole bot (`auto`: Discord's recommendation); null: discord.js's default (one, or auto). */
  shardCount: number | "auto" | null;
  /** DISCORD_SHARD_IDS: the shards this instance runs; null: all of them. */
  shardIds: number[] | null;
}
