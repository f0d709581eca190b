import { describe, expect, test } from "vitest";
import { taggedLogger } from "../../src/service/tagged-logger.js";
import type { Logger } from "../../src/core/logger.js";

function recordingLogger(): { logger: Logger; lines: Array<[string, string, Record<string, unknown> | undefined]> } {
  const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push([level, message, fields]);
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}

describe("taggedLogger", () => {
  test("adds the tags to every line's fields, at every level", () => {
    const { logger, lines } = recordingLogger();
    const tagged = taggedLogger(logger, { shards: "0,1/4" });
    tagged.info("discord: ready", { guilds: 3 });
    tagged.warn("discord: warning");
    tagged.debug("d");
    tagged.error("e", { error: "x" });
    expect(lines).toEqual([
      ["info", "discord: ready", { guilds: 3, shards: "0,1/4" }],
      ["warn", "discord: warning", { shards: "0,1/4" }],
      ["debug", "d", { shards: "0,1/4" }],
      ["error", "e", { error: "x", shards: "0,1/4" }],
    ]);
  });
});
