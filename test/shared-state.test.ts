/**
 * `npm start`'s choice of shared state: in-process without REDIS_URL; Redis with it — one user's
 * memory and limits seen by two instances — and a clear, credential-free error when Redis cannot
 * be reached at start.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../src/core/errors.js";
import { silentLogger } from "../src/core/logger.js";
import { localSharedState, openSharedState, type SharedState } from "../src/shared-state.js";
import { freePort, startRedisServer, type RedisServer } from "./helpers/redis-server.js";

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis.close());

const settings = (redisUrl: string | null, prefix = "t1:") => ({
  shared: { redisUrl, redisPrefix: prefix, databaseUrl: null, leaseMs: 2000, instanceId: "test" },
  memory: { turns: 3, ttlMs: 60_000 },
  rateLimit: { max: 2, windowMs: 60_000 },
});

describe("openSharedState", () => {
  it("without REDIS_URL keeps everything in this process", async () => {
    const state = await openSharedState(settings(null), silentLogger);
    expect(state.where).toBeNull();
    expect(state.writerLock).toBeUndefined();
    expect(state.up()).toBe(true);
    await state.close();
  });

  it("with REDIS_URL, two instances share one user's conversation, rate limit and event claims", async () => {
    const a: SharedState = await openSharedState(settings(redis.url), silentLogger);
    const b: SharedState = await openSharedState(settings(redis.url), silentLogger);
    try {
      expect(a.where).toBe(redis.url);
      await a.conversations.add("telegram:1:7", { question: "Who chairs it?", answer: { question: "Who chairs it?", answer: "Muradil Jumadilde [1].", grounded: true, citations: [], timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } } });
      expect((await b.conversations.get("telegram:1:7")).map((t) => t.question)).toEqual(["Who chairs it?"]);
      expect(await b.conversations.get("telegram:1:8")).toEqual([]);
      expect((await a.rateLimiter.take("telegram:7")).ok).toBe(true);
      expect((await b.rateLimiter.take("telegram:7")).ok).toBe(true);
      expect(await a.rateLimiter.take("telegram:7")).toMatchObject({ ok: false, tell: true });
      expect(await b.rateLimiter.take("telegram:7")).toMatchObject({ ok: false, tell: false });
      const first = await a.claims.claim("telegram:update:1");
      expect(first.kind).toBe("claimed");
      expect((await b.claims.claim("telegram:update:1")).kind).toBe("busy");
      if (first.kind === "claimed") await first.lease.done();
      expect((await b.claims.claim("telegram:update:1")).kind).toBe("done");
      const lease = await a.locks.tryAcquire("poller");
      expect(lease).not.toBeNull();
      expect(await b.locks.tryAcquire("poller")).toBeNull();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("Redis unreachable at start: a clear error naming the URL without its password", async () => {
    const port = await freePort();
    const error = await openSharedState(settings(`redis://:hunter2secret@127.0.0.1:${port}`), silentLogger).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toContain(`redis://127.0.0.1:${port}`);
    expect((error as AppError).userMessage).not.toContain("hunter2secret");
  }, 20_000);

  it("the local state is what one instance had before", () => {
    const state = localSharedState(settings(null));
    expect(state.where).toBeNull();
  });
});
