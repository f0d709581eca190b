import fs from "node:fs";
import { describe, expect, it } from "vitest";
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
    expect(secretsOf(config).sort()).toEqual(["123:abc", "d.t.k", "sk-1"]);
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
