/**
 * Event claims in a real Redis, between instances on separate connections: exactly one instance
 * claims an event, the others see it busy while the lease is held (it renews itself) and done
 * afterwards; a released event is claimed again at once; a holder that dies loses the lease after
 * `leaseMs`, and a Redis outage does not make a live holder give its lease up.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Claim, EventLease } from "../../src/core/event-claims.js";
import type { Logger } from "../../src/core/logger.js";
import { silentLogger } from "../../src/core/logger.js";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisEventClaims } from "../../src/providers/redis-event-claims.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const LEASE_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: RedisServer;
const connections: RedisConnection[] = [];
const claimsToClose: RedisEventClaims[] = [];

async function instance(name: string, logger: Logger = silentLogger): Promise<{ connection: RedisConnection; claims: RedisEventClaims }> {
  const connection = await connectRedis({ url: server.url, prefix: "claims-test:", logger: silentLogger });
  connections.push(connection);
  const claims = new RedisEventClaims({ connection, instanceId: name, leaseMs: LEASE_MS, doneTtlMs: 60_000, logger });
  claimsToClose.push(claims);
  return { connection, claims };
}

function leaseOf(claim: Claim): EventLease {
  if (claim.kind !== "claimed") throw new Error(`expected a claim, got ${claim.kind}`);
  return claim.lease;
}

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  for (const claims of claimsToClose.splice(0)) await claims.close();
  for (const connection of connections.splice(0)) await connection.close();
});
afterAll(async () => {
  await server.close();
});

describe("RedisEventClaims", () => {
  it("exactly one of two instances claims an event, even when both try at once", async () => {
    const [one, two] = await Promise.all([instance("one"), instance("two")]);
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).claims.claim("telegram:update:1")));
    expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
    expect(claims.filter((c) => c.kind === "busy")).toHaveLength(19);
    const value = await one.connection.client.get("claims-test:claim:telegram:update:1");
    expect(value).toMatch(/^lease:(one|two):\S+$/);
  });

  it("is busy for the others while held (the lease renews itself), done once answered", async () => {
    const [one, two] = await Promise.all([instance("one"), instance("two")]);
    const lease = leaseOf(await one.claims.claim("e:held"));
    await sleep(LEASE_MS * 2.5); // longer than the lease: only renewal keeps it
    const busy = await two.claims.claim("e:held");
    expect(busy.kind).toBe("busy");
    if (busy.kind === "busy") {
      expect(busy.retryAfterMs).toBeGreaterThan(0);
      expect(busy.retryAfterMs).toBeLessThanOrEqual(LEASE_MS);
    }
    await lease.done();
    expect(await two.claims.claim("e:held")).toEqual({ kind: "done" });
    expect(await one.claims.claim("e:held")).toEqual({ kind: "done" });
    expect(await two.connection.client.get("claims-test:claim:e:held")).toBe("done");
    const pttl = await two.connection.client.pttl("claims-test:claim:e:held");
    expect(pttl).toBeGreaterThan(50_000);
    await lease.done(); // idempotent
  });

  it("a released event is claimed by the next delivery at once", async () => {
    const [one, two] = await Promise.all([instance("one"), instance("two")]);
    await leaseOf(await one.claims.claim("e:released")).release();
    const next = leaseOf(await two.claims.claim("e:released"));
    expect((await one.claims.claim("e:released")).kind).toBe("busy");
    await next.release();
  });

  it("a holder that dies (stops renewing, never releases) loses the lease after leaseMs", async () => {
    const [dying, survivor] = await Promise.all([instance("dying"), instance("survivor")]);
    leaseOf(await dying.claims.claim("e:orphan"));
    const diedAt = Date.now();
    dying.connection.client.disconnect(); // the process is gone: no release, no renewal
    expect((await survivor.claims.claim("e:orphan")).kind).toBe("busy");
    let claim: Claim = { kind: "busy", retryAfterMs: 0 };
    while (claim.kind === "busy" && Date.now() - diedAt < LEASE_MS * 3) {
      await sleep(Math.min(50, claim.retryAfterMs + 1));
      claim = await survivor.claims.claim("e:orphan");
    }
    expect(claim.kind).toBe("claimed");
    expect(Date.now() - diedAt).toBeLessThan(LEASE_MS + 250);
    await leaseOf(claim).done();
  });

  it("close() stops renewing: the leases run out", async () => {
    const [one, two] = await Promise.all([instance("one"), instance("two")]);
    leaseOf(await one.claims.claim("e:closed"));
    await one.claims.close();
    await sleep(LEASE_MS + 100);
    expect((await two.claims.claim("e:closed")).kind).toBe("claimed");
  });

  it("keeps its lease through a Redis restart (renewal fails quietly, then re-takes the lost key)", async () => {
    const debug: string[] = [];
    const warn: string[] = [];
    const logger: Logger = { ...silentLogger, debug: (m) => void debug.push(m), warn: (m) => void warn.push(m) };
    const holder = await instance("holder", logger);
    const lease = leaseOf(await holder.claims.claim("e:restart"));
    await server.stop();
    await sleep(LEASE_MS); // renewals fail meanwhile
    await server.start(); // empty: the claim key is gone
    const deadline = Date.now() + 5000;
    while (!(await holder.connection.client.get("claims-test:claim:e:restart").catch(() => null)) && Date.now() < deadline) await sleep(25);
    expect(debug.some((m) => m.startsWith("Could not renew an event lease"))).toBe(true);
    expect(warn).toEqual([]);
    const other = await instance("other");
    expect((await other.claims.claim("e:restart")).kind).toBe("busy");
    await lease.done();
    expect(await other.claims.claim("e:restart")).toEqual({ kind: "done" });
  });

  it("done() after another instance took the expired lease does not overwrite it", async () => {
    const [slow, fast] = await Promise.all([instance("slow"), instance("fast")]);
    const lease = leaseOf(await slow.claims.claim("e:late"));
    await slow.claims.close(); // stalled: stops renewing, as if blocked for longer than the lease
    await sleep(LEASE_MS + 50);
    const fastLease = leaseOf(await fast.claims.claim("e:late"));
    await lease.done();
    expect(await fast.connection.client.get("claims-test:claim:e:late")).toMatch(/^lease:fast:/);
    await lease.release(); // settled already: a no-op
    expect(await fast.connection.client.get("claims-test:claim:e:late")).toMatch(/^lease:fast:/);
    await fastLease.done();
  });
});
