/**
 * The rate limiter over a real Redis that is stopped and started again while it is used: requests
 * keep being decided (by this process meanwhile), the outage is logged once, and the shared
 * limiter is used again once Redis is back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisRateLimiter } from "../../src/providers/redis-rate-limiter.js";
import { FailoverRateLimiter } from "../../src/service/failover-rate-limiter.js";
import { SlidingWindowRateLimiter } from "../../src/service/sliding-window-rate-limiter.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { recording, until } from "../helpers/recording.js";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.close();
});

const HITS = "failover-test:rate:hits:u";

describe("FailoverRateLimiter", () => {
  it("keeps deciding through a Redis restart: one warning, then the shared limiter again", async () => {
    const { logger, lines } = recording();
    const connection: RedisConnection = await connectRedis({ url: server.url, prefix: "failover-test:", logger });
    try {
      const limiter = new FailoverRateLimiter({
        primary: new RedisRateLimiter({ connection, max: 3, windowMs: 60_000 }),
        fallback: new SlidingWindowRateLimiter({ max: 3, windowMs: 60_000 }),
        isUp: () => connection.up,
        logger,
        what: "rate limits",
      });
      expect(await limiter.take("u")).toEqual({ ok: true });
      expect(await connection.client.zcard(HITS)).toBe(1);

      await server.stop();
      await until(() => !connection.up);
      const during = await Promise.all(Array.from({ length: 5 }, () => limiter.take("u")));
      expect(during.map((d) => d.ok)).toEqual([true, true, true, false, false]); // this process's own limit
      expect(during[3]).toMatchObject({ ok: false, tell: true });

      await server.start();
      await until(() => connection.up);
      expect(await limiter.take("u")).toEqual({ ok: true }); // Redis came back empty: the shared count starts again
      expect(await connection.client.zcard(HITS)).toBe(1);

      expect(lines.filter((l) => l.startsWith("warn"))).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith("info"))).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
    } finally {
      await connection.close();
    }
  });

  it("falls back when the primary throws although the connection looked up, warning once", async () => {
    const { logger, lines } = recording();
    const connection = await connectRedis({ url: server.url, prefix: "failover-test:", logger: { ...logger, warn: () => undefined, info: () => undefined } });
    try {
      const limiter = new FailoverRateLimiter({
        primary: new RedisRateLimiter({ connection, max: 100, windowMs: 60_000 }),
        fallback: new SlidingWindowRateLimiter({ max: 100, windowMs: 60_000 }),
        isUp: () => true, // as if the loss had not been noticed yet
        logger,
        what: "rate limits",
      });
      await server.stop();
      const decisions = await Promise.all(Array.from({ length: 10 }, () => limiter.take("thrown")));
      expect(decisions.every((d) => d.ok)).toBe(true);
      expect(lines.filter((l) => l.startsWith("warn"))).toEqual([
        expect.stringMatching(/^warn Redis failed \(.+\); using this process's rate limits until it is back$/),
      ]);
      await server.start();
      await until(() => connection.up);
      expect(await limiter.take("thrown")).toEqual({ ok: true });
      expect(await connection.client.zcard("failover-test:rate:hits:thrown")).toBe(1);
      expect(lines.filter((l) => l.startsWith("info"))).toEqual(["info Redis answers again; using the shared rate limits again"]);
    } finally {
      await connection.close();
    }
  });
});
