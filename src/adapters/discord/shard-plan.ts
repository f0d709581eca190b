/**
 * Which gateway shards this instance runs. Discord sends a guild's events only to shard
 * `(guild_id >> 22) % shardCount` and DMs to shard 0, so instances that split the shard ids of one
 * count between them answer each guild once — provided every instance uses the same count. A
 * fixed DISCORD_SHARD_COUNT guarantees that; `auto` follows Discord's recommendation, which grows
 * with the bot, so instances started at different times may disagree.
 */
import { AppError } from "../../core/errors.js";
import type { DiscordConfig } from "./discord-config.js";

export interface ShardPlan {
  /** The shards this instance connects, ascending, without repeats. */
  shardIds: number[];
  /** Shards of the whole bot, as every IDENTIFY of every instance says. */
  shardCount: number;
}

/**
 * The plan for a configuration, or null when sharding is not configured (discord.js's default:
 * one shard). `recommended` is Discord's count from `GET /gateway/bot`, needed for `auto` only.
 * A shard id the count does not have is a configuration error, said in terms of the variables.
 */
export function resolveShardPlan(config: Pick<DiscordConfig, "shardCount" | "shardIds">, recommended?: number): ShardPlan | null {
  const { shardCount, shardIds } = config;
  if (shardCount === null) {
    if (shardIds !== null) throw new AppError("CONFIG_INVALID", "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT (a number, or auto).");
    return null;
  }
  if (shardIds !== null && shardIds.length === 0) throw new AppError("CONFIG_INVALID", "DISCORD_SHARD_IDS lists no shard.");
  const count = shardCount === "auto" ? usableRecommendation(recommended) : shardCount;
  if (!Number.isInteger(count) || count < 1) throw new AppError("CONFIG_INVALID", `DISCORD_SHARD_COUNT must be a whole number of at least 1 (got ${count}).`);
  const ids = shardIds === null ? Array.from({ length: count }, (_, i) => i) : [...new Set(shardIds)].sort((a, b) => a - b);
  const beyond = ids.filter((id) => !Number.isInteger(id) || id < 0 || id >= count);
  if (beyond.length > 0) throw new AppError("CONFIG_INVALID", beyondMessage(beyond, count, shardCount === "auto"));
  return { shardIds: ids, shardCount: count };
}

/** Slash commands are registered by one instance only: the one that runs shard 0 (or the only one). */
export function registersCommands(plan: ShardPlan | null): boolean {
  return plan === null || plan.shardIds.includes(0);
}

/** `0,2/4`: the shards of this instance and the count, as the log lines carry it. */
export function describeShards(plan: ShardPlan): string {
  return `${plan.shardIds.join(",")}/${plan.shardCount}`;
}

function usableRecommendation(recommended: number | undefined): number {
  if (recommended === undefined || !Number.isInteger(recommended) || recommended < 1) {
    throw new AppError("INTERNAL", `Discord's GET /gateway/bot gave no usable shard count (${String(recommended)}) for DISCORD_SHARD_COUNT=auto.`);
  }
  return recommended;
}

function beyondMessage(beyond: number[], count: number, auto: boolean): string {
  const listed = `DISCORD_SHARD_IDS lists ${beyond.length === 1 ? "shard" : "shards"} ${beyond.join(", ")}`;
  if (!auto) return `${listed}, but DISCORD_SHARD_COUNT is ${count}: shards are numbered 0 to ${count - 1}.`;
  return (
    `${listed}, but Discord recommends ${count} ${count === 1 ? "shard" : "shards"} for this bot (DISCORD_SHARD_COUNT=auto), ` +
    `numbered 0 to ${count - 1}. Set DISCORD_SHARD_COUNT to a fixed number that every instance shares, or list only shards below ${count}.`
  );
}
