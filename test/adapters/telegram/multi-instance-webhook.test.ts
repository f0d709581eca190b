/**
 * Two adapters in webhook mode behind a round-robin load balancer, as two instances of the bot: the
 * fake Bot API delivers (and re-delivers) updates through the proxy, the instances share one
 * LocalEventClaims (standing in for Redis), one LocalLockService and one answer service.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { deriveWebhookSecret } from "../../../src/adapters/telegram/webhook-secret.js";
import type { Claim, EventClaims } from "../../../src/core/event-claims.js";
import { LocalEventClaims } from "../../../src/service/local-event-claims.js";
import { LocalLockService } from "../../../src/service/local-lock-service.js";
import { FakeAnswerService, makeAnswer } from "../../fakes/telegram-answer-service.js";
import { FakeTelegramBotApi, postWebhook, type FakeUser, type WebhookDeliveryOptions } from "../../fakes/telegram-bot-api.js";
import { startInstance, type Instance } from "../../fakes/telegram-cluster.js";
import { TEST_TOKEN, alice, bob, group, privateChat } from "../../fakes/telegram-harness.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../helpers/round-robin-proxy.js";

const SECRET = deriveWebhookSecret(TEST_TOKEN);

interface Cluster {
  api: FakeTelegramBotApi;
  proxy: RoundRobinProxy;
  claims: EventClaims;
  locks: LocalLockService;
  service: FakeAnswerService;
  instances: Instance[];
  backendOf(instance: Instance): string;
}

let cluster: Cluster | undefined;
const extra: { close(): Promise<void> }[] = [];

async function startCluster(options: { webhook?: WebhookDeliveryOptions; claims?: EventClaims; shutdownGraceMs?: number } = {}): Promise<Cluster> {
  const api = await FakeTelegramBotApi.start({ token: TEST_TOKEN, webhook: { retryDelayMs: 20, ...options.webhook } });
  const proxy = await startRoundRobinProxy();
  const claims = options.claims ?? new LocalEventClaims();
  const locks = new LocalLockService();
  const service = new FakeAnswerService();
  const config = { webhookUrl: proxy.url, webhookPort: 0 };
  const instances: Instance[] = [];
  const c: Cluster = { api, proxy, claims, locks, service, instances, backendOf: (i) => `http://127.0.0.1:${i.adapter.webhookPort}` };
  cluster = c;
  for (const name of ["a", "b"]) {
    instances.push(await startInstance({ api, name, service, claims, locks, config, adapter: { shutdownGraceMs: options.shutdownGraceMs ?? 2000 } }));
  }
  proxy.setBackends(instances.map(c.backendOf));
  return c;
}

afterEach(async () => {
  const c = cluster;
  cluster = undefined;
  for (const e of extra.splice(0)) await e.close();
  if (c === undefined) return;
  for (const i of c.instances) await i.stop();
  await c.proxy.close();
  await c.api.close();
});

const repliesOf = (c: Cluster, chatId: number, messageId: number) => c.api.repliesTo(chatId, messageId);

describe("Telegram adapter: several instances behind a load balancer (webhook)", () => {
  it("answers many updates from many users exactly once, the deliveries alternating between the instances", async () => {
    const c = await startCluster({ webhook: { maxConnections: 8 } });
    const [a, b] = c.instances as [Instance, Instance];
    const users: FakeUser[] = Array.from({ length: 20 }, (_, i) => ({ id: 7000 + i, first_name: `User ${i}` }));
    const asked: { chatId: number; messageId: number; updateId: number; question: string }[] = [];
    for (let round = 0; round < 3; round++) {
      for (const user of users) {
        const question = `Question ${round} from ${user.id}?`;
        const update = c.api.makeMessageUpdate({ chat: privateChat(user), from: user, text: question });
        c.api.pushUpdate(update);
        asked.push({ chatId: user.id, messageId: (update.message as { message_id: number }).message_id, updateId: update.update_id as number, question });
      }
    }
    await c.api.waitFor(() => c.api.sent.length >= 60 && c.api.pendingUpdates === 0, "60 answers, every delivery acknowledged");
    expect(c.api.sent).toHaveLength(60);
    expect(c.service.asked).toHaveLength(60);
    for (const q of asked) {
      const replies = repliesOf(c, q.chatId, q.messageId);
      expect(replies, q.question).toHaveLength(1);
      expect(replies[0]!.text).toContain(`Answer to: ${q.question}`);
      // The acknowledgement came after the reply was sent.
      const acks = c.api.deliveries.filter((d) => d.updateId === q.updateId && d.status === 200);
      expect(acks, q.question).toHaveLength(1);
      expect(acks[0]!.at).toBeGreaterThanOrEqual(replies[0]!.at);
    }
    const counts = c.proxy.counts();
    expect(counts[c.backendOf(a)]).toBe(30);
    expect(counts[c.backendOf(b)]).toBe(30);
    expect(a.calls("sendMessage")).toBe(30);
    expect(b.calls("sendMessage")).toBe(30);
  });

  it("registers the webhook once, with a secret every instance derives alike; after a full restart the first instance registers again", async () => {
    const c = await startCluster();
    const [a, b] = c.instances as [Instance, Instance];
    expect(c.api.setWebhookCount).toBe(1);
    expect(c.api.webhook?.maxConnections).toBe(100); // deliveries stay open until answered: Telegram's most
    expect(a.calls("setWebhook")).toBe(1);
    expect(b.calls("setWebhook")).toBe(0);
    expect(b.logs.some((l) => l.includes("another instance registered the webhook"))).toBe(true);
    expect(c.api.webhook).toMatchObject({ url: `${c.proxy.url}/telegram/webhook`, secretToken: SECRET, allowedUpdates: ["message", "callback_query"] });
    expect(SECRET).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    // Either instance accepts Telegram's deliveries with that secret.
    for (const i of [a, b]) {
      const update = c.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: `hello ${i.name}?` });
      expect(await postWebhook(`${c.backendOf(i)}/telegram/webhook`, update, SECRET)).toBe(200);
      expect(await postWebhook(`${c.backendOf(i)}/telegram/webhook`, update, "not-the-secret")).toBe(403);
    }
    expect([...a.logs, ...b.logs].join("\n")).not.toContain(SECRET);

    for (const i of c.instances.splice(0)) await i.stop();
    const c2 = await startInstance({ api: c.api, name: "c", service: c.service, claims: c.claims, locks: c.locks, config: { webhookUrl: c.proxy.url, webhookPort: 0 } });
    c.instances.push(c2);
    expect(c.api.setWebhookCount).toBe(2);
    expect(c2.calls("setWebhook")).toBe(1);
  });

  it("answers Telegram only once the reply was sent", async () => {
    const c = await startCluster();
    const [a] = c.instances as [Instance];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    c.service.respond = async (q) => {
      await gate;
      return makeAnswer(q, "Worth the wait [1].");
    };
    const update = c.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "slow one?" });
    const messageId = (update.message as { message_id: number }).message_id;
    let status: number | null = null;
    const posted = postWebhook(`${c.backendOf(a)}/telegram/webhook`, update, SECRET).then((s) => (status = s));
    await c.api.waitFor(() => c.service.asked.length === 1, "the question to reach the service");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(status).toBeNull();
    expect(repliesOf(c, alice.id, messageId)).toHaveLength(0);
    release();
    await posted;
    expect(status).toBe(200);
    expect(repliesOf(c, alice.id, messageId)).toHaveLength(1);
  });

  it("a re-delivered update is answered once: a delivery that timed out while the answer was written, and a late duplicate", async () => {
    const c = await startCluster({ webhook: { timeoutMs: 150 } });
    c.service.respond = async (q) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return makeAnswer(q, `Answer to: ${q} [1]`);
    };
    const update = c.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "who signed it?" });
    const messageId = (update.message as { message_id: number }).message_id;
    const updateId = c.api.pushUpdate(update);
    await c.api.waitFor(() => c.api.pendingUpdates === 0, "the update to be acknowledged");
    const attempts = c.api.deliveries.filter((d) => d.updateId === updateId);
    expect(attempts[0]).toMatchObject({ status: 0, error: "timeout" });
    // The other instance was asked while the first one was still answering: "busy", try again later.
    expect(attempts.some((d) => d.status === 503 && d.retryAfter === "1")).toBe(true);
    expect(attempts.at(-1)!.status).toBe(200);
    expect(c.service.asked).toHaveLength(1);
    expect(repliesOf(c, alice.id, messageId)).toHaveLength(1);

    // A duplicate long after (to either instance) is acknowledged and dropped.
    for (const i of c.instances) expect(await postWebhook(`${c.backendOf(i)}/telegram/webhook`, update, SECRET)).toBe(200);
    expect(c.service.asked).toHaveLength(1);
    expect(repliesOf(c, alice.id, messageId)).toHaveLength(1);
  });

  it("an instance stopping mid-answer answers 503 and gives the update back; the other instance answers it", async () => {
    const c = await startCluster({ shutdownGraceMs: 100 });
    c.service.respond = (q, _history, context) => {
      if (c.service.asked.length > 1) return makeAnswer(q, `Answer to: ${q} [1]`);
      return new Promise((_resolve, reject) => context?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    };
    const update = c.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "cut short?" });
    const messageId = (update.message as { message_id: number }).message_id;
    const updateId = c.api.pushUpdate(update);
    await c.api.waitFor(() => c.service.asked.length === 1, "the first instance to start answering");
    const holder = c.instances.find((i) => c.proxy.counts()[c.backendOf(i)] === 1)!;
    const other = c.instances.find((i) => i !== holder)!;
    await holder.stop();
    await c.api.waitFor(() => c.api.pendingUpdates === 0, "the update to be answered by the other instance");
    const statuses = c.api.deliveries.filter((d) => d.updateId === updateId).map((d) => d.status);
    expect(statuses[0]).toBe(503);
    expect(statuses.at(-1)).toBe(200);
    const replies = repliesOf(c, alice.id, messageId);
    expect(replies.map((r) => r.text)).toEqual([expect.stringContaining("Answer to: cut short?")]);
    expect(other.calls("sendMessage")).toBe(1);
    expect(holder.calls("sendMessage")).toBe(0);
  });

  it("on stop, requests in flight whose work is aborted (running or still queued) get 503, their updates given back and no apology sent", async () => {
    const c = await startCluster();
    const claims = new LocalEventClaims();
    const solo = await startInstance({
      api: c.api, name: "solo", service: c.service, claims, locks: new LocalLockService(),
      config: { webhookUrl: c.proxy.url, webhookPort: 0 }, adapter: { concurrency: 1, shutdownGraceMs: 100 },
    });
    c.instances.push(solo);
    c.service.respond = (_q, _history, context) =>
      new Promise((_resolve, reject) => context?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const url = `${c.backendOf(solo)}/telegram/webhook`;
    const running = c.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "running?" });
    const queued = c.api.makeMessageUpdate({ chat: privateChat(bob), from: bob, text: "queued?" });
    const statuses = [postWebhook(url, running, SECRET), postWebhook(url, queued, SECRET)];
    await c.api.waitFor(() => c.service.asked.length === 1, "the first answer to start");
    await solo.stop();
    expect(await Promise.all(statuses)).toEqual([503, 503]);
    expect(c.service.asked).toHaveLength(1); // the queued one never started
    expect(c.api.sent).toHaveLength(0);
    for (const update of [running, queued]) expect((await claims.claim(`telegram:${c.api.bot.id}:update:${update.update_id as number}`)).kind).toBe("claimed");
  });

  it("a group answer cut short by stop takes its draft placeholder down (the other instance will answer)", async () => {
    const c = await startCluster({ shutdownGraceMs: 100 });
    const [a] = c.instances as [Instance];
    c.service.respond = (_q, _history, context) => {
      context?.onDraft?.("The memorandum was signed by");
      return new Promise((_resolve, reject) => context?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    };
    const update = c.api.makeMessageUpdate({ chat: group, from: alice, text: "/ask who signed the memorandum?" });
    const status = postWebhook(`${c.backendOf(a)}/telegram/webhook`, update, SECRET);
    await c.api.waitFor(() => c.api.sent.length === 1, "the draft placeholder");
    await a.stop();
    expect(await status).toBe(503);
    expect(c.api.sent).toHaveLength(0);
    expect(c.api.deleted).toHaveLength(1);
  });

  it("an instance that dies mid-answer: the update is answered by another once the dead holder's lease ran out", async () => {
    const claims = new ExpiringClaims(300);
    const c = await startCluster({ claims });
    // A backend that claims the update like an instance starting to answer, then dies (and stays down).
    const dying = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += String(chunk)));
      req.on("end", () => {
        const { update_id } = JSON.parse(body) as { update_id: number };
        void claims.claim(`telegram:${c.api.bot.id}:update:${update_id}`).then(() => {
          res.socket?.destroy();
          dying.close();
        });
      });
    });
    await new Promise<void>((resolve) => dying.listen(0, "127.0.0.1", resolve));
    extra.push({ close: () => new Promise<void>((resolve) => dying.close(() => resolve())) });
    const dyingUrl = `http://127.0.0.1:${(dying.address() as AddressInfo).port}`;
    c.proxy.setBackends([dyingUrl, ...c.instances.map(c.backendOf)]);

    const update = c.api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "anyone left?" });
    const messageId = (update.message as { message_id: number }).message_id;
    const updateId = c.api.pushUpdate(update);
    await c.api.waitFor(() => c.api.pendingUpdates === 0, "the update to be answered");
    const statuses = c.api.deliveries.filter((d) => d.updateId === updateId).map((d) => d.status);
    expect(statuses[0]).toBe(502); // the balancer saw the instance die
    expect(statuses).toContain(503); // busy while the dead holder's lease lived
    expect(statuses.at(-1)).toBe(200);
    expect(repliesOf(c, alice.id, messageId)).toHaveLength(1);
    expect(c.service.asked).toHaveLength(1);
  });
});

/** Claims whose leases run out after `leaseMs` unless done, like the shared store's when a holder dies. */
class ExpiringClaims implements EventClaims {
  private readonly states = new Map<string, { state: "leased" | "done"; until: number }>();
  constructor(private readonly leaseMs: number) {}

  async claim(id: string): Promise<Claim> {
    const now = Date.now();
    const state = this.states.get(id);
    if (state?.state === "done") return { kind: "done" };
    if (state !== undefined && state.until > now) return { kind: "busy", retryAfterMs: state.until - now };
    const mine = { state: "leased" as "leased" | "done", until: now + this.leaseMs };
    this.states.set(id, mine);
    return {
      kind: "claimed",
      lease: {
        done: async () => {
          mine.state = "done";
          this.states.set(id, mine);
        },
        release: async () => {
          if (this.states.get(id) === mine) this.states.delete(id);
        },
      },
    };
  }

  async close(): Promise<void> {
    this.states.clear();
  }
}
