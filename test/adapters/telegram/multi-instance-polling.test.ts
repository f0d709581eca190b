/**
 * Long polling with several instances: one holds the polling lease and polls, the others stand by
 * (never calling getUpdates) and take over when it goes away; a lost lease stops polling; a lock
 * store that cannot be reached keeps the role. Every polled update is claimed before it is answered.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Lease, LockService } from "../../../src/core/lock-service.js";
import { LocalEventClaims } from "../../../src/service/local-event-claims.js";
import { LocalLockService } from "../../../src/service/local-lock-service.js";
import { FakeAnswerService } from "../../fakes/telegram-answer-service.js";
import { FakeTelegramBotApi } from "../../fakes/telegram-bot-api.js";
import { startInstance, type Instance } from "../../fakes/telegram-cluster.js";
import { TEST_TOKEN, alice, bob, privateChat } from "../../fakes/telegram-harness.js";

/** The polling lease's TTL in these tests: standbys retry every 200 ms. */
const LEASE_MS = 500;

let api: FakeTelegramBotApi | undefined;
const running: Instance[] = [];

afterEach(async () => {
  for (const i of running.splice(0)) await i.stop();
  await api?.close();
  api = undefined;
});

async function start(name: string, shared: { service: FakeAnswerService; claims: LocalEventClaims; locks: LockService }): Promise<Instance> {
  const instance = await startInstance({ api: api!, name, ...shared, adapter: { leaseMs: LEASE_MS } });
  running.push(instance);
  return instance;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks `predicate` every 20 ms (roles change without an API call to wake `api.waitFor`). */
async function until(predicate: () => boolean, label: string, ms = 5000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${label}`);
    await sleep(20);
  }
}

/** Sends a message and waits for its one reply; returns the instance that sent it. */
async function askAndWait(text: string, user = alice): Promise<string | undefined> {
  const messageId = api!.sendUserMessage({ chat: privateChat(user), from: user, text });
  await api!.waitFor(() => api!.repliesTo(user.id, messageId).length === 1, `reply to "${text}"`);
  return api!.callsOf("sendMessage").find((c) => (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === messageId)?.client;
}

describe("Telegram adapter: several instances, long polling", () => {
  it("one instance polls, the other stands by without calling getUpdates, and takes over when the first stops", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const shared = { service: new FakeAnswerService(), claims: new LocalEventClaims(), locks: new LocalLockService() };
    const a = await start("a", shared);
    const started = performance.now();
    const b = await start("b", shared);
    expect(performance.now() - started).toBeLessThan(1000); // a standby is "running" at once
    expect(a.adapter.role()).toBe("polling");
    expect(b.adapter.role()).toBe("standby");

    for (let i = 0; i < 5; i++) expect(await askAndWait(`question ${i} to the poller?`)).toBe("a");
    await sleep(3 * 200 + 100); // several of b's retries
    expect(b.calls("getUpdates")).toBe(0);
    expect(b.calls("deleteWebhook")).toBe(0);
    expect(b.logs.filter((l) => l.includes("another instance is polling; standing by"))).toHaveLength(1);
    expect(a.calls("getUpdates")).toBeGreaterThan(0);

    await a.stop();
    await until(() => b.adapter.role() === "polling", "b to take over");
    expect(b.logs.some((l) => l.includes("telegram: now polling (took over"))).toBe(true);
    expect(await askAndWait("question to the new poller?", bob)).toBe("b");
    expect(b.calls("getUpdates")).toBeGreaterThan(0);
    // Nothing a had received is answered again by b.
    expect(shared.service.asked).toHaveLength(6);
    expect(api.sent).toHaveLength(6);
  });

  it("a poller that loses its lease stops polling and stands by; it polls again once it gets the lease back", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const locks = new ScriptedLocks();
    const a = await start("a", { service: new FakeAnswerService(), claims: new LocalEventClaims(), locks });
    expect(a.adapter.role()).toBe("polling");
    expect(await askAndWait("before the loss?")).toBe("a");

    locks.heldElsewhere = true;
    locks.loseAll();
    await until(() => a.adapter.role() === "standby" && api!.pendingPolls === 0, "a to stop polling");
    expect(a.logs.some((l) => l.includes("lost the polling lease"))).toBe(true);
    const polls = a.calls("getUpdates");
    const messageId = api.sendUserMessage({ chat: privateChat(alice), from: alice, text: "while nobody polls?" });
    await sleep(500);
    expect(a.calls("getUpdates")).toBe(polls);
    expect(api.repliesTo(alice.id, messageId)).toHaveLength(0);

    locks.heldElsewhere = false;
    await api.waitFor(() => api!.repliesTo(alice.id, messageId).length === 1, "the waiting message to be answered after the lease came back");
    expect(a.adapter.role()).toBe("polling");
  });

  it("a lock store that cannot be reached keeps the instance standing by (one warning) until it can be reached", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const locks = new ScriptedLocks();
    locks.unreachable = true;
    const a = await start("a", { service: new FakeAnswerService(), claims: new LocalEventClaims(), locks });
    expect(a.adapter.role()).toBe("standby");
    await sleep(3 * 200 + 100);
    expect(locks.attempts).toBeGreaterThanOrEqual(3);
    expect(a.logs.filter((l) => l.startsWith("warn telegram: could not reach the lock store"))).toHaveLength(1);
    expect(a.calls("getUpdates")).toBe(0);

    locks.unreachable = false;
    expect(await askAndWait("reachable again?")).toBe("a");
    expect(a.adapter.role()).toBe("polling");
  });

  it("claims every polled update: one answered already, or being answered by another instance, is dropped", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const claims = new LocalEventClaims();
    const service = new FakeAnswerService();
    await start("a", { service, claims, locks: new LocalLockService() });
    const answered = api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "answered elsewhere?" });
    claims.markDone(`telegram:${api.bot.id}:update:${answered.update_id as number}`);
    const inProgress = api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "being answered elsewhere?" });
    const held = claims.claimNow(`telegram:${api.bot.id}:update:${inProgress.update_id as number}`);
    expect(held.kind).toBe("claimed");
    api.pushUpdate(answered);
    api.pushUpdate(inProgress);
    expect(await askAndWait("fresh question?")).toBe("a");
    expect(service.asked.map((q) => q.question)).toEqual(["fresh question?"]);
    expect(api.sent).toHaveLength(1);
    // The answered one is remembered as done: a re-delivery is dropped too.
    expect((await claims.claim(`telegram:${api.bot.id}:update:${answered.update_id as number}`)).kind).toBe("done");
  });
});

/** A lock service the test steers: free, held by another instance, or unreachable; `loseAll` takes the leases away. */
class ScriptedLocks implements LockService {
  heldElsewhere = false;
  unreachable = false;
  attempts = 0;
  private readonly held = new Map<string, AbortController>();

  async tryAcquire(name: string): Promise<Lease | null> {
    this.attempts++;
    if (this.unreachable) throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
    if (this.heldElsewhere || this.held.has(name)) return null;
    const lost = new AbortController();
    this.held.set(name, lost);
    return {
      lost: lost.signal,
      release: async () => {
        if (this.held.get(name) === lost) this.held.delete(name);
      },
    };
  }

  loseAll(): void {
    for (const [name, lost] of this.held) {
      this.held.delete(name);
      lost.abort();
    }
  }
}
