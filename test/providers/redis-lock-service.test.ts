/**
 * Named leases in a real Redis between instances on separate connections: one holder at a time; a
 * standby takes over within one TTL of the holder dying; `lost` fires when another instance holds
 * the key; a Redis outage or restart does not take the lease from a live holder.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger, type Logger } from "../../src/core/logger.js";
import type { Lease } from "../../src/core/lock-service.js";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisLockService } from "../../src/providers/redis-lock-service.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const TTL_MS = 450;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: RedisServer;
const connections: RedisConnection[] = [];
const services: RedisLockService[] = [];

async function instance(name: string, logger: Logger = silentLogger): Promise<{ connection: RedisConnection; locks: RedisLockService }> {
  const connection = await connectRedis({ url: server.url, prefix: "lock-test:", logger: silentLogger });
  connections.push(connection);
  const locks = new RedisLockService({ connection, instanceId: name, leaseMs: TTL_MS, logger });
  services.push(locks);
  return { connection, locks };
}

function held(lease: Lease | null): Lease {
  if (lease === null) throw new Error("expected the lease");
  return lease;
}

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  for (const locks of services.splice(0)) await locks.close().catch(() => undefined);
  for (const connection of connections.splice(0)) await connection.close();
});
afterAll(async () => {
  await server.close();
});

describe("RedisLockService", () => {
  it("has one holder per name until it releases (release is idempotent)", async () => {
    const [one, two] = await Promise.all([instance("one"), instance("two")]);
    const results = await Promise.all([one.locks.tryAcquire("poller"), two.locks.tryAcquire("poller"), one.locks.tryAcquire("poller")]);
    expect(results.filter((l) => l !== null)).toHaveLength(1);
    const lease = held(results.find((l) => l !== null) ?? null);
    expect(await two.locks.tryAcquire("other")).not.toBeNull();
    await sleep(TTL_MS * 2); // renewed meanwhile
    expect(await two.locks.tryAcquire("poller")).toBeNull();
    expect(await one.locks.tryAcquire("poller")).toBeNull();
    await lease.release();
    await lease.release();
    expect(lease.lost.aborted).toBe(false);
    expect(await two.locks.tryAcquire("poller")).not.toBeNull();
  });

  it("uses the per-call TTL when given", async () => {
    const one = await instance("one");
    held(await one.locks.tryAcquire("writer", { ttlMs: 5_000 }));
    const pttl = await one.connection.client.pttl("lock-test:lock:writer");
    expect(pttl).toBeGreaterThan(4_000);
    expect(await one.connection.client.get("lock-test:lock:writer")).toMatch(/^one:/);
  });

  it("a standby takes over within one TTL of the holder dying", async () => {
    const [holder, standby] = await Promise.all([instance("holder"), instance("standby")]);
    held(await holder.locks.tryAcquire("poller"));
    await sleep(TTL_MS / 2); // let it renew once or so
    holder.connection.client.disconnect(); // dies: no release
    const diedAt = Date.now();
    let lease: Lease | null = null;
    while (lease === null && Date.now() - diedAt < TTL_MS * 3) {
      await sleep(25);
      lease = await standby.locks.tryAcquire("poller");
    }
    const takeoverMs = Date.now() - diedAt;
    expect(lease).not.toBeNull();
    expect(takeoverMs).toBeLessThan(TTL_MS + 200);
    expect(takeoverMs).toBeGreaterThan(TTL_MS / 3); // it was held until it expired
  });

  it("fires `lost` when another instance holds the key", async () => {
    const warnings: string[] = [];
    const holder = await instance("holder", { ...silentLogger, warn: (m) => void warnings.push(m) });
    const other = await instance("other");
    const lease = held(await holder.locks.tryAcquire("contested"));
    // The holder was cut off for longer than the TTL: its key expired and another instance took it.
    await other.connection.client.set("lock-test:lock:contested", "other:token", "PX", 10_000);
    const lost = new Promise<void>((resolve) => lease.lost.addEventListener("abort", () => resolve()));
    const started = Date.now();
    await lost;
    expect(Date.now() - started).toBeLessThan(TTL_MS / 3 + 200);
    expect(warnings).toEqual(["Lost a lock to another instance"]);
    await lease.release(); // does not delete the other instance's key
    expect(await other.connection.client.get("lock-test:lock:contested")).toMatch(/^other:/);
  });

  it("keeps the lease while Redis is unreachable and re-takes the key its restart lost", async () => {
    const holder = await instance("holder");
    const lease = held(await holder.locks.tryAcquire("poller"));
    await server.stop();
    await sleep(TTL_MS * 2); // longer than the TTL: renewals fail all along
    expect(lease.lost.aborted).toBe(false);
    await server.start();
    const deadline = Date.now() + 5000;
    let value: string | null = null;
    while (value === null && Date.now() < deadline) {
      await sleep(25);
      value = await holder.connection.client.get("lock-test:lock:poller").catch(() => null);
    }
    expect(value).toMatch(/^holder:/);
    expect(lease.lost.aborted).toBe(false);
    const standby = await instance("standby");
    expect(await standby.locks.tryAcquire("poller")).toBeNull();
  });

  it("rejects when Redis cannot be reached (the caller decides)", async () => {
    const one = await instance("one");
    await one.connection.close();
    await expect(one.locks.tryAcquire("poller")).rejects.toThrow();
  });

  it("close() releases every lease it holds, so a standby takes over at once", async () => {
    const [one, two] = await Promise.all([instance("one"), instance("two")]);
    held(await one.locks.tryAcquire("a"));
    held(await one.locks.tryAcquire("b"));
    await one.locks.close();
    expect(await two.locks.tryAcquire("a")).not.toBeNull();
    expect(await two.locks.tryAcquire("b")).not.toBeNull();
  });
});
