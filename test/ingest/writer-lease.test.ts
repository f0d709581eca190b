/**
 * One writer across machines: a re-index (and a feeds run) takes the shared writer lease first, and
 * a lock file left on a shared volume by another machine is judged by that lease, not by a pid that
 * means nothing here.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import type { Lease, LockService } from "../../src/core/lock-service.js";
import { acquireIndexLock } from "../../src/index/index-lock.js";
import { reindex } from "../../src/ingest/reindex.js";
import { runFeeds } from "../../src/ingest/run-feeds.js";
import { assertStillHeld, takeWriterLease } from "../../src/ingest/writer-lease.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { LocalLockService } from "../../src/service/local-lock-service.js";
import { copyCorpus } from "../helpers/articles.js";
import { realEmbedder } from "../helpers/embedders.js";
import { exists, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("writer-lease");
let embedder: GloveEmbeddings;
beforeAll(async () => {
  embedder = await realEmbedder();
});
afterAll(() => dirs.cleanup());

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A lock file as another machine's re-index leaves it on a shared volume. */
async function foreignLockFile(indexDir: string): Promise<void> {
  await fs.mkdir(indexDir, { recursive: true });
  await fs.writeFile(path.join(indexDir, ".lock"), JSON.stringify({ pid: 1, startedAt: "2026-12-01T10:00:00.000Z", host: "other-machine-7" }));
}

describe("the shared writer lease", () => {
  it("a re-index while another instance holds the lease refuses with INDEX_LOCKED and writes nothing", async () => {
    const locks = new LocalLockService();
    const held = await locks.tryAcquire("index-writer");
    const dataDir = await dirs.make("data");
    const indexDir = path.join(await dirs.make("index"), "index");
    await copyCorpus(dataDir);
    const error = await rejection(reindex({ dataDir, indexDir, embedder, writerLock: locks }));
    expect(error.code).toBe("INDEX_LOCKED");
    expect(error.userMessage).toMatch(/Another instance is re-indexing/);
    expect(await exists(path.join(indexDir, "manifest.json"))).toBe(false);
    await held?.release();
    const report = await reindex({ dataDir, indexDir, embedder, writerLock: locks });
    expect(report.wrote).toBe(true);
    // Released after the run: the next writer can take it.
    expect(await locks.tryAcquire("index-writer")).not.toBeNull();
  });

  it("a feeds run while another instance runs the feeds refuses with FEEDS_BUSY", async () => {
    const locks = new LocalLockService();
    await locks.tryAcquire("feeds");
    const error = await rejection(
      runFeeds({
        sources: [{ url: "http://127.0.0.1:9/feed.xml", keywords: [] }],
        dataDir: await dirs.make("feeds-data"),
        indexDir: path.join(await dirs.make("feeds-index"), "index"),
        embedder,
        limits: { timeoutMs: 1000, maxBytes: 100_000, userAgent: "test" },
        writerLock: locks,
      }),
    );
    expect(error.code).toBe("FEEDS_BUSY");
  });

  it("an unreachable store refuses clearly instead of writing unguarded", async () => {
    const broken: LockService = { tryAcquire: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")) };
    const error = await rejection(takeWriterLease(broken, "index-writer"));
    expect(error.code).toBe("INDEX_LOCKED");
    expect(error.userMessage).toMatch(/REDIS_URL unreachable/);
  });

  it("a lease lost mid-run stops the publish", () => {
    const lost = new AbortController();
    const lease: Lease = { lost: lost.signal, release: async () => undefined };
    expect(() => assertStillHeld(lease, "index-writer")).not.toThrow();
    lost.abort();
    expect(() => assertStillHeld(lease, "index-writer")).toThrow(/Lost the index writer lock/);
    expect(() => assertStillHeld(null, "index-writer")).not.toThrow();
  });
});

describe("a lock file from another machine", () => {
  it("refuses without a shared lease (its pid cannot be checked here), naming the machine", async () => {
    const indexDir = await dirs.make("foreign");
    await foreignLockFile(indexDir);
    const error = await rejection(acquireIndexLock(indexDir));
    expect(error.code).toBe("INDEX_LOCKED");
    expect(error.userMessage).toMatch(/on other-machine-7/);
    expect(error.userMessage).toMatch(/REDIS_URL/);
  });

  it("is taken over when this process holds the shared lease", async () => {
    const indexDir = await dirs.make("foreign-guarded");
    await foreignLockFile(indexDir);
    const lock = await acquireIndexLock(indexDir, { guarded: true });
    const info = JSON.parse(await fs.readFile(path.join(indexDir, ".lock"), "utf8")) as { pid: number };
    expect(info.pid).toBe(process.pid);
    await lock.release();
  });

  it("re-index with the shared lease takes over the leftover and publishes", async () => {
    const dataDir = await dirs.make("data2");
    const indexDir = path.join(await dirs.make("index2"), "index");
    await copyCorpus(dataDir);
    await foreignLockFile(indexDir);
    const report = await reindex({ dataDir, indexDir, embedder, writerLock: new LocalLockService() });
    expect(report.wrote).toBe(true);
    expect(await exists(path.join(indexDir, ".lock"))).toBe(false);
  });
});
