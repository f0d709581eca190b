import { describe, expect, test } from "vitest";
import { answerOnce } from "../../../src/adapters/discord/answer-once.js";
import type { EventClaims } from "../../../src/core/event-claims.js";
import type { Logger } from "../../../src/core/logger.js";
import { LocalEventClaims } from "../../../src/service/local-event-claims.js";

function recordingLogger(): { logger: Logger; lines: Array<[string, string, Record<string, unknown> | undefined]> } {
  const lines: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push([level, message, fields]);
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}

describe("answerOnce", () => {
  test("the first delivery does the work; later ones are skipped with a debug line", async () => {
    const claims = new LocalEventClaims();
    const { logger, lines } = recordingLogger();
    let runs = 0;
    const work = async () => {
      runs += 1;
    };
    await answerOnce({ claims, logger, eventId: "discord:message:1" }, work);
    await answerOnce({ claims, logger, eventId: "discord:message:1" }, work);
    await answerOnce({ claims, logger, eventId: "discord:message:2" }, work);
    expect(runs).toBe(2);
    expect(lines).toEqual([["debug", "discord: event handled by another delivery, skipped", { event: "discord:message:1", claim: "done" }]]);
  });

  test("a delivery while another holds the lease is skipped (busy)", async () => {
    const claims = new LocalEventClaims();
    const { logger, lines } = recordingLogger();
    let release: () => void = () => undefined;
    const first = answerOnce({ claims, logger, eventId: "discord:interaction:9" }, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    await answerOnce({ claims, logger, eventId: "discord:interaction:9" }, async () => expect.fail("answered twice"));
    release();
    await first;
    expect(lines[0]?.[2]).toMatchObject({ claim: "busy" });
  });

  test("failed work is rethrown and still marked done: Discord never redelivers, the apology went out", async () => {
    const claims = new LocalEventClaims();
    const { logger } = recordingLogger();
    await expect(answerOnce({ claims, logger, eventId: "e" }, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect((await claims.claim("e")).kind).toBe("done");
  });

  test("a lease that cannot be marked done is a warning, not a failure of the answer", async () => {
    const claims: EventClaims = {
      claim: async () => ({ kind: "claimed", lease: { done: () => Promise.reject(new Error("store down")), release: async () => undefined } }),
      close: async () => undefined,
    };
    const { logger, lines } = recordingLogger();
    await answerOnce({ claims, logger, eventId: "e" }, async () => undefined);
    expect(lines.map(([level, message]) => `${level} ${message}`)).toEqual(["warn discord: could not mark the event answered"]);
  });
});
