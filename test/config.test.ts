import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { deriveWebhookSecret } from "../src/adapters/telegram/webhook-secret.js";
import { loadConfig, secretsOf } from "../src/config.js";

describe("config", () => {
  it("has working defaults with an empty environment", () => {
    const config = loadConfig({ env: {}, cwd: "/srv/dossier" });
    expect(config.dataDir).toBe("/srv/dossier/data/articles");
    expect(config.indexDir).toBe("/srv/dossier/data/index");
    expect(config.telegram).toBeNull();
    expect(config.discord).toBeNull();
    expect(config.answerMode).toBe("extractive");
  });

  it("lists every bad variable in one error", () => {
    expect(() =>
      loadConfig({ env: { RATE_LIMIT_MAX: "lots", TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_API_ROOT: "ftp://x", ANSWER_MODE: "magic" }, cwd: "/" }),
    ).toThrow(/(?=[\s\S]*RATE_LIMIT_MAX)(?=[\s\S]*TELEGRAM_API_ROOT)(?=[\s\S]*ANSWER_MODE)/);
  });

  it("collects secrets for log redaction", () => {
    const config = loadConfig({ env: { TELEGRAM_BOT_TOKEN: "123:abc", DISCORD_TOKEN: "d.t.k", LLM_API_KEY: "sk-1" }, cwd: "/" });
    expect(secretsOf(config).sort()).toEqual(["123:abc", deriveWebhookSecret("123:abc"), "d.t.k", "sk-1"].sort());
  });

  it("documents every variable it reads in .env.example", () => {
    const source = fs.readFileSync("src/config.ts", "utf8");
    const example = fs.readFileSync(".env.example", "utf8");
    const read = new Set([...source.matchAll(/r\.\w+\("([A-Z_]+)"/g)].map((m) => m[1]));
    read.add("TELEGRAM_BOT_TOKEN");
    read.add("DISCORD_TOKEN");
    for (const name of read) expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
  });
});

describe("config: several instances", () => {
  it("keeps everything in-process by default", () => {
    const { shared } = loadConfig({ env: {}, cwd: "/" });
    expect(shared).toMatchObject({ redisUrl: null, databaseUrl: null, redisPrefix: "dossier:", leaseMs: 10_000 });
    expect(shared.instanceId).toMatch(/:\d+$/);
  });

  it("takes Redis and PostgreSQL URLs, and their passwords are redacted from logs", () => {
    const config = loadConfig({
      env: { REDIS_URL: "redis://:redis-pass-1@cache:6379/0", DATABASE_URL: "postgres://bot:pg%40pass@db:5432/dossier", LEASE_MS: "2000", INSTANCE_ID: "web-1" },
      cwd: "/",
    });
    expect(config.shared).toMatchObject({ redisUrl: "redis://:redis-pass-1@cache:6379/0", leaseMs: 2000, instanceId: "web-1" });
    expect(secretsOf(config)).toEqual(expect.arrayContaining(["redis-pass-1", "pg@pass", "pg%40pass"]));
  });

  it("refuses URLs of the wrong kind without echoing them (they may hold a password)", () => {
    let message = "";
    try {
      loadConfig({ env: { REDIS_URL: "http://:hunter2hunter2@cache", DATABASE_URL: "mysql://db" }, cwd: "/" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).not.toMatch(/hunter2/);
  });

  it("reads Discord shards: a count (or auto) and this instance's ids, lists and ranges", () => {
    const discord = (env: Record<string, string>) => loadConfig({ env: { DISCORD_TOKEN: "d.t.k", ...env }, cwd: "/" }).discord;
    expect(discord({})).toMatchObject({ shardCount: null, shardIds: null });
    expect(discord({ DISCORD_SHARD_COUNT: "4", DISCORD_SHARD_IDS: "0-1, 3" })).toMatchObject({ shardCount: 4, shardIds: [0, 1, 3] });
    expect(discord({ DISCORD_SHARD_COUNT: "auto", DISCORD_SHARD_IDS: "5" })).toMatchObject({ shardCount: "auto", shardIds: [5] });
    expect(() => discord({ DISCORD_SHARD_COUNT: "2", DISCORD_SHARD_IDS: "2" })).toThrow(/below DISCORD_SHARD_COUNT \(2\)/);
    expect(() => discord({ DISCORD_SHARD_IDS: "0" })).toThrow(/needs DISCORD_SHARD_COUNT/);
    expect(() => discord({ DISCORD_SHARD_COUNT: "2", DISCORD_SHARD_IDS: "1-0" })).toThrow(/bad: "1-0"/);
  });
});
