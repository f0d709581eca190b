import { describe, expect, test } from "vitest";
import { describeShards, registersCommands, resolveShardPlan } from "../../../src/adapters/discord/shard-plan.js";
import { AppError } from "../../../src/core/errors.js";

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("resolveShardPlan", () => {
  test("no DISCORD_SHARD_COUNT: unsharded (discord.js's single shard)", () => {
    expect(resolveShardPlan({ shardCount: null, shardIds: null })).toBeNull();
    expect(errorOf(() => resolveShardPlan({ shardCount: null, shardIds: [0] })).userMessage).toContain("DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT");
  });

  test("a fixed count: the listed shards (sorted, without repeats), or all of them", () => {
    expect(resolveShardPlan({ shardCount: 4, shardIds: null })).toEqual({ shardIds: [0, 1, 2, 3], shardCount: 4 });
    expect(resolveShardPlan({ shardCount: 4, shardIds: [3, 1, 3] })).toEqual({ shardIds: [1, 3], shardCount: 4 });
    expect(resolveShardPlan({ shardCount: 4, shardIds: [2] }, 9)).toEqual({ shardIds: [2], shardCount: 4 });
  });

  test("a fixed count: a shard id it does not have is a configuration error", () => {
    const error = errorOf(() => resolveShardPlan({ shardCount: 2, shardIds: [1, 2] }));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.userMessage).toBe("DISCORD_SHARD_IDS lists shard 2, but DISCORD_SHARD_COUNT is 2: shards are numbered 0 to 1.");
    expect(errorOf(() => resolveShardPlan({ shardCount: 2, shardIds: [] })).userMessage).toContain("lists no shard");
    expect(errorOf(() => resolveShardPlan({ shardCount: 0, shardIds: null })).userMessage).toContain("at least 1");
  });

  test("auto: Discord's recommended count, all shards or the listed ones", () => {
    expect(resolveShardPlan({ shardCount: "auto", shardIds: null }, 3)).toEqual({ shardIds: [0, 1, 2], shardCount: 3 });
    expect(resolveShardPlan({ shardCount: "auto", shardIds: [1] }, 3)).toEqual({ shardIds: [1], shardCount: 3 });
  });

  test("auto: shard ids beyond the recommendation fail with a message naming both variables", () => {
    const error = errorOf(() => resolveShardPlan({ shardCount: "auto", shardIds: [0, 2, 5] }, 2));
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.userMessage).toContain("DISCORD_SHARD_IDS lists shards 2, 5, but Discord recommends 2 shards for this bot (DISCORD_SHARD_COUNT=auto)");
    expect(error.userMessage).toContain("Set DISCORD_SHARD_COUNT to a fixed number");
    expect(errorOf(() => resolveShardPlan({ shardCount: "auto", shardIds: [1] }, 1)).userMessage).toContain("recommends 1 shard for");
  });

  test("auto without a usable recommendation is an internal error", () => {
    expect(errorOf(() => resolveShardPlan({ shardCount: "auto", shardIds: null })).code).toBe("INTERNAL");
    expect(errorOf(() => resolveShardPlan({ shardCount: "auto", shardIds: null }, 0)).code).toBe("INTERNAL");
  });
});

describe("registersCommands and describeShards", () => {
  test("only the instance that runs shard 0 (or the unsharded one) registers", () => {
    expect(registersCommands(null)).toBe(true);
    expect(registersCommands({ shardIds: [0, 1], shardCount: 4 })).toBe(true);
    expect(registersCommands({ shardIds: [2, 3], shardCount: 4 })).toBe(false);
  });

  test("the log tag lists this instance's shards and the count", () => {
    expect(describeShards({ shardIds: [0, 2], shardCount: 4 })).toBe("0,2/4");
    expect(describeShards({ shardIds: [1], shardCount: 2 })).toBe("1/2");
  });
});
