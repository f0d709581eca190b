/**
 * Event claims over a real Redis that goes away while the bot runs: events are still answered
 * (claimed in this process meanwhile, redeliveries to this instance still dropped), a lease taken
 * in Redis can still be finished when Redis vanished mid-answer, the outage is logged once, and
 * claims are shared between instances again once Redis is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Claim, EventLease } from "../../src/core/event-claims.js";
import type { Logger } from "../../src/core/logger.js";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisEventClaims } from "../../src/providers/redis-event-claims.js";
import { FailoverEventClaims } from "../../src/service/failover-event-claims.js";
import { LocalEventClaims } from "../../src/service/local-event-claims.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { recording, until } from "../helpers/recording.js";

function leaseOf(claim: Claim): EventLease {
  if (claim.kind !== "claimed") throw new Error(`expected a claim, got ${claim.kind}`);
  return claim.lease;
}

let server: RedisServer;
const cleanup: (() => Promise<void>)[] = [];

async function instance(name: string, logger: Logger): Promise<{ connection: RedisConnection; claims: FailoverEventClaims }> {
  const connection = await connectRedis({ url: server.url, prefix: "failover-test:", logger });
  const claims = new FailoverEventClaims({
    primary: new RedisEventClaims({ connection, instanceId: name, leaseMs: 400, logger }),
    fallback: new LocalEventClaims(),
    isUp: () => connection.up,
    logger,
    what: "event claims",
  });
  cleanup.push(async () => {
    await claims.close();
    await connection.close();
  });
  return { connection, claims };
}

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});
afterAll(async () => {
  await server.close();
});

describe("FailoverEventClaims", () => {
  it("answers through a Redis restart: local claims meanwhile, one warning, shared claims again afterwards", async () => {
    const { logger, lines } = recording();
    const one = await instance("one", logger);
    const two = await instance("two", recording().logger);

    const before = leaseOf(await one.claims.claim("e:1"));
    expect((await two.claims.claim("e:1")).kind).toBe("busy");
    await before.done();
    expect(await two.claims.claim("e:1")).toEqual({ kind: "done" });

    await server.stop();
    await until(() => !one.connection.up);
    const during = leaseOf(await one.claims.claim("e:2")); // answered although Redis is away
    expect((await one.claims.claim("e:2")).kind).toBe("busy"); // a redelivery to this instance
    await during.done();
    expect(await one.claims.claim("e:2")).toEqual({ kind: "done" });
    expect(await one.claims.claim("e:1")).toEqual({ kind: "done" }); // answered here before the outage

    await server.start();
    await until(() => one.connection.up && two.connection.up);
    const after = await Promise.all([one.claims.claim("e:3"), two.claims.claim("e:3")]);
    expect(after.map((c) => c.kind).sort()).toEqual(["busy", "claimed"]);
    const winner = after.find((c) => c.kind === "claimed");
    if (winner !== undefined) await leaseOf(winner).done();
    expect(await one.claims.claim("e:3")).toEqual({ kind: "done" });
    expect(await two.claims.claim("e:3")).toEqual({ kind: "done" });

    expect(lines.filter((l) => l.startsWith("warn"))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("info"))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
  });

  it("a lease taken in Redis is finished without error when Redis vanished mid-answer", async () => {
    const { logger, lines } = recording();
    const one = await instance("one", logger);
    const lease = leaseOf(await one.claims.claim("e:mid"));
    await server.stop();
    await until(() => !one.connection.up);
    await expect(lease.done()).resolves.toBeUndefined();
    expect(await one.claims.claim("e:mid")).toEqual({ kind: "done" }); // this instance remembers it
    await server.start();
    await until(() => one.connection.up);
    expect(lines.filter((l) => l.startsWith("warn"))).toHaveLength(1); // the connection's own warning only
  });

  it("claims locally when Redis fails although the connection looked up, warning once", async () => {
    const { logger, lines } = recording();
    const connection = await connectRedis({ url: server.url, prefix: "failover-test:", logger: recording().logger });
    const claims = new FailoverEventClaims({
      primary: new RedisEventClaims({ connection, instanceId: "one", leaseMs: 400 }),
      fallback: new LocalEventClaims(),
      isUp: () => true,
      logger,
      what: "event claims",
    });
    cleanup.push(async () => {
      await claims.close();
      await connection.close();
    });
    await server.stop();
    const results = await Promise.all(["a", "b", "c", "d"].map((id) => claims.claim(`e:${id}`)));
    expect(results.map((c) => c.kind)).toEqual(["claimed", "claimed", "claimed", "claimed"]);
    for (const claim of results) await leaseOf(claim).release();
    expect(lines.filter((l) => l.startsWith("warn"))).toEqual([
      expect.stringMatching(/^warn Redis failed \(.+\); using this process's event claims until it is back$/),
    ]);
    await server.start();
    await until(() => connection.up);
    const back = leaseOf(await claims.claim("e:a"));
    expect(await connection.client.get("failover-test:claim:e:a")).toMatch(/^lease:one:/);
    await back.done();
    expect(await connection.client.get("failover-test:claim:e:a")).toBe("done");
    expect(lines.filter((l) => l.startsWith("info"))).toEqual(["info Redis answers again; using the shared event claims again"]);
  });
});
