import type { Update } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { ClaimedUpdates } from "../../../src/adapters/telegram/claimed-updates.js";
import type { TaskOutcome } from "../../../src/adapters/telegram/task-queue.js";
import { deriveWebhookSecret, SECRET_TOKEN, webhookSecretOf } from "../../../src/adapters/telegram/webhook-secret.js";
import type { Claim, EventClaims } from "../../../src/core/event-claims.js";
import { silentLogger } from "../../../src/core/logger.js";
import { LocalEventClaims } from "../../../src/service/local-event-claims.js";
import { TEST_TOKEN } from "../../fakes/telegram-harness.js";
import { recordingLogger } from "../../fakes/telegram-harness.js";

const message = (updateId: number): Update => ({ update_id: updateId, message: { message_id: updateId, date: 0, chat: { id: 1, type: "private", first_name: "A" }, text: "hi" } }) as Update;

function setup(options: { claims?: EventClaims; outcome?: () => Promise<TaskOutcome> } = {}) {
  const claims = options.claims ?? new LocalEventClaims();
  const handled: number[] = [];
  const claimed = new ClaimedUpdates({
    claims,
    botId: 42,
    logger: silentLogger,
    handle: (update) => {
      handled.push(update.update_id);
      return options.outcome?.() ?? Promise.resolve("done");
    },
  });
  return { claims, claimed, handled };
}

describe("ClaimedUpdates: each update answered once across instances", () => {
  it("claims as telegram:<bot id>:update:<update_id>, handles, marks done; a re-delivery is dropped", async () => {
    const { claims, claimed, handled } = setup();
    expect(await claimed.process(message(7))).toEqual({ kind: "answered" });
    expect(await claimed.process(message(7))).toEqual({ kind: "dropped", reason: "done" });
    expect(handled).toEqual([7]);
    expect((await claims.claim("telegram:42:update:7")).kind).toBe("done");
  });

  it("busy: a webhook delivery is asked to come back later, a polled one is dropped", async () => {
    const { claims, claimed, handled } = setup();
    (claims as LocalEventClaims).claimNow("telegram:42:update:8");
    expect(await claimed.process(message(8))).toEqual({ kind: "retry", reason: "busy", retryAfterMs: 1000 });
    claimed.handOff(message(8));
    await claimed.drain();
    expect(handled).toEqual([]);
  });

  it("polling: an update another instance holds is claimed again once its holder's lease is gone (a poller died mid-answer)", async () => {
    const local = new LocalEventClaims();
    const quick: EventClaims = {
      claim: async (id) => {
        const claim = local.claimNow(id);
        return claim.kind === "busy" ? { kind: "busy", retryAfterMs: 20 } : claim;
      },
      close: async () => undefined,
    };
    const { claimed, handled } = setup({ claims: quick });
    const dead = local.claimNow("telegram:42:update:12"); // the dead poller's lease
    claimed.handOff(message(12));
    await claimed.drain();
    expect(handled).toEqual([]);
    if (dead.kind === "claimed") await dead.lease.release(); // its lease runs out
    await new Promise((r) => setTimeout(r, 300));
    await claimed.drain();
    expect(handled).toEqual([12]);
    expect(local.claimNow("telegram:42:update:12").kind).toBe("done");
    claimed.stop();
  });

  it("work aborted by shutdown gives the update back (released), so the next delivery is answered", async () => {
    let outcome: TaskOutcome = "aborted";
    const { claims, claimed, handled } = setup({ outcome: async () => outcome });
    expect(await claimed.process(message(9))).toEqual({ kind: "retry", reason: "aborted", retryAfterMs: 1000 });
    outcome = "done";
    expect(await claimed.process(message(9))).toEqual({ kind: "answered" });
    expect(handled).toEqual([9, 9]);
    expect((await claims.claim("telegram:42:update:9")).kind).toBe("done");
  });

  it("after stop(): deliveries are refused, and a claim that comes back late is released unhandled", async () => {
    let resolveClaim: (claim: Claim) => void = () => undefined;
    const local = new LocalEventClaims();
    const slow: EventClaims = { claim: () => new Promise((resolve) => (resolveClaim = resolve)), close: async () => undefined };
    const { claimed, handled } = setup({ claims: slow });
    const pending = claimed.process(message(10));
    claimed.stop();
    resolveClaim(local.claimNow("telegram:42:update:10"));
    expect(await pending).toEqual({ kind: "retry", reason: "stopping", retryAfterMs: 1000 });
    expect(await claimed.process(message(11))).toMatchObject({ kind: "retry", reason: "stopping" });
    expect(handled).toEqual([]);
    expect(local.claimNow("telegram:42:update:10").kind).toBe("claimed"); // released, not done
  });

  it("unreachable claims: a webhook delivery is retried later, a polled update is answered anyway (one warning)", async () => {
    const logs: string[] = [];
    const down: EventClaims = { claim: () => Promise.reject(new Error("ECONNREFUSED")), close: async () => undefined };
    const handled: number[] = [];
    const claimed = new ClaimedUpdates({ claims: down, botId: 42, logger: recordingLogger(logs), handle: async (u) => (handled.push(u.update_id), "done") });
    expect(await claimed.process(message(12))).toMatchObject({ kind: "retry", reason: "unreachable" });
    claimed.handOff(message(13));
    claimed.handOff(message(14));
    await claimed.drain();
    expect(handled).toEqual([13, 14]);
    expect(logs.filter((l) => l.startsWith("warn"))).toHaveLength(1);
  });

  it("polling hands updates off in arrival order even when their claims come back out of order", async () => {
    const local = new LocalEventClaims();
    const delays = new Map([["telegram:42:update:1", 60], ["telegram:42:update:2", 0], ["telegram:42:update:3", 30]]);
    const jittery: EventClaims = {
      claim: (id) => new Promise((resolve) => setTimeout(() => resolve(local.claimNow(id)), delays.get(id) ?? 0)),
      close: async () => undefined,
    };
    const { claimed, handled } = setup({ claims: jittery });
    for (const id of [1, 2, 3]) claimed.handOff(message(id));
    await claimed.drain();
    expect(handled).toEqual([1, 2, 3]);
  });

  it("ignores update kinds it did not ask for, without claiming them", async () => {
    const { claimed, handled } = setup({ claims: { claim: () => Promise.reject(new Error("must not claim")), close: async () => undefined } });
    expect(await claimed.process({ update_id: 15, edited_message: {} } as unknown as Update)).toEqual({ kind: "dropped", reason: "ignored" });
    expect(handled).toEqual([]);
  });
});

describe("webhook secret without TELEGRAM_WEBHOOK_SECRET", () => {
  it("is derived from the token: the same on every instance, different per bot, and accepted by Telegram", () => {
    const secret = deriveWebhookSecret(TEST_TOKEN);
    expect(deriveWebhookSecret(TEST_TOKEN)).toBe(secret);
    expect(deriveWebhookSecret("987654321:AAHanotherTokenForAnotherBotEntirely0")).not.toBe(secret);
    expect(secret).toMatch(SECRET_TOKEN);
    expect(secret).toHaveLength(64);
    expect(secret).not.toContain(TEST_TOKEN);
    expect(webhookSecretOf({ token: TEST_TOKEN, webhookSecret: null })).toBe(secret);
    expect(webhookSecretOf({ token: TEST_TOKEN, webhookSecret: "configured_one" })).toBe("configured_one");
  });
});
