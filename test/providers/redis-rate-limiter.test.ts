/**
 * The shared rate limit in a real Redis: the same decisions as the in-process
 * SlidingWindowRateLimiter (max per window, retry-after, one notice per episode), shared by two
 * instances on two connections, and exact under concurrency (one Lua script per decision).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import type { RateDecision } from "../../src/core/rate-limiter.js";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisRateLimiter } from "../../src/providers/redis-rate-limiter.js";
import { SlidingWindowRateLimiter } from "../../src/service/sliding-window-rate-limiter.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

let server: RedisServer;
let a: RedisConnection;
let b: RedisConnection;
beforeAll(async () => {
  server = await startRedisServer();
  a = await connectRedis({ url: server.url, prefix: "rate-test:", logger: silentLogger });
  b = await connectRedis({ url: server.url, prefix: "rate-test:", logger: silentLogger });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await server.close();
});

const allowed = (decisions: RateDecision[]) => decisions.filter((d) => d.ok).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("RedisRateLimiter", () => {
  it("allows `max` requests per window per key, then refuses with the time until the oldest one leaves it", async () => {
    const limiter = new RedisRateLimiter({ connection: a, max: 3, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) expect(await limiter.take("u1")).toEqual({ ok: true });
    const refused = await limiter.take("u1");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterMs).toBeGreaterThan(9_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(await limiter.take("u2")).toEqual({ ok: true }); // another user is not affected
  });

  it("tells only the first refusal of an episode; an allowed request starts a new one", async () => {
    const limiter = new RedisRateLimiter({ connection: a, max: 2, windowMs: 300 });
    expect(allowed([await limiter.take("t"), await limiter.take("t")])).toBe(2);
    const first = await limiter.take("t");
    const second = await limiter.take("t");
    const third = await limiter.take("t");
    expect(first).toMatchObject({ ok: false, tell: true });
    expect(second).toMatchObject({ ok: false, tell: false });
    expect(third).toMatchObject({ ok: false, tell: false });
    if (first.ok) return;
    expect(first.retryAfterMs).toBeLessThanOrEqual(300);
    await sleep(350); // every request has left the window
    expect(await limiter.take("t")).toEqual({ ok: true }); // the episode is over
    expect(await limiter.take("t")).toEqual({ ok: true });
    expect(await limiter.take("t")).toMatchObject({ ok: false, tell: true });
    expect(await limiter.take("t")).toMatchObject({ ok: false, tell: false });
  });

  it("decides like SlidingWindowRateLimiter over the same sequence of requests", async () => {
    const redis = new RedisRateLimiter({ connection: a, max: 3, windowMs: 400 });
    const clock = { t0: Date.now() };
    const local = new SlidingWindowRateLimiter({ max: 3, windowMs: 400, now: () => Date.now() - clock.t0 + 1_000_000 });
    const shape = (d: RateDecision) => (d.ok ? "ok" : d.tell ? "refused+tell" : "refused");
    const seenRedis: string[] = [];
    const seenLocal: string[] = [];
    // Bursts separated by pauses well away from the window's edges, so timing cannot blur the comparison.
    for (const pause of [0, 0, 0, 0, 0, 500, 0, 0, 0, 0, 500, 0]) {
      if (pause > 0) await sleep(pause);
      seenRedis.push(shape(await redis.take("same")));
      seenLocal.push(shape(local.takeNow("same")));
    }
    expect(seenRedis).toEqual(seenLocal);
    expect(seenRedis).toEqual(["ok", "ok", "ok", "refused+tell", "refused", "ok", "ok", "ok", "refused+tell", "refused", "ok", "ok"]);
  });

  it("two instances on two connections share one user's limit and one notice", async () => {
    const one = new RedisRateLimiter({ connection: a, max: 4, windowMs: 10_000 });
    const two = new RedisRateLimiter({ connection: b, max: 4, windowMs: 10_000 });
    const decisions = [await one.take("shared"), await two.take("shared"), await one.take("shared"), await two.take("shared")];
    expect(allowed(decisions)).toBe(4);
    expect(await two.take("shared")).toMatchObject({ ok: false, tell: true });
    expect(await one.take("shared")).toMatchObject({ ok: false, tell: false });
  });

  it("is exact under concurrency: 50 parallel requests from two instances with max 10 allow exactly 10", async () => {
    const one = new RedisRateLimiter({ connection: a, max: 10, windowMs: 10_000 });
    const two = new RedisRateLimiter({ connection: b, max: 10, windowMs: 10_000 });
    const decisions = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? one : two).take("burst")));
    expect(allowed(decisions)).toBe(10);
    expect(decisions.filter((d) => !d.ok && d.tell)).toHaveLength(1);
    expect(await a.client.zcard("rate-test:rate:hits:burst")).toBe(10);
  });

  it("keeps nothing once a key has been idle for a window", async () => {
    const limiter = new RedisRateLimiter({ connection: a, max: 1, windowMs: 150 });
    await limiter.take("idle");
    await limiter.take("idle");
    expect(await a.client.exists("rate-test:rate:hits:idle", "rate-test:rate:told:idle")).toBe(2);
    await sleep(250);
    expect(await a.client.exists("rate-test:rate:hits:idle", "rate-test:rate:told:idle")).toBe(0);
  });

  it("works again after Redis restarted (the script is sent again)", async () => {
    const c = await connectRedis({ url: server.url, prefix: "rate-test:", logger: silentLogger });
    try {
      const limiter = new RedisRateLimiter({ connection: c, max: 1, windowMs: 10_000 });
      expect(await limiter.take("restart")).toEqual({ ok: true });
      await server.stop();
      await expect(limiter.take("restart")).rejects.toThrow();
      await server.start();
      const deadline = Date.now() + 5000;
      while (!c.up && Date.now() < deadline) await sleep(20);
      expect(await limiter.take("restart")).toEqual({ ok: true }); // Redis came back empty
      expect(await limiter.take("restart")).toMatchObject({ ok: false, tell: true });
    } finally {
      await c.close();
    }
  });
});
