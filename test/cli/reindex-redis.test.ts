/**
 * `npm run reindex` with REDIS_URL takes the writer lease shared by every machine: while another
 * instance holds it, the run refuses (exit 2) and the index is left as it was.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { connectRedis, type RedisConnection } from "../../src/providers/redis-connection.js";
import { RedisLockService } from "../../src/providers/redis-lock-service.js";
import { copyCorpus } from "../helpers/articles.js";
import { runCli } from "../helpers/cli.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { exists, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("reindex-redis");
let redis: RedisServer;
let connection: RedisConnection;
beforeAll(async () => {
  redis = await startRedisServer();
  connection = await connectRedis({ url: redis.url, prefix: "dossier:", logger: silentLogger });
});
afterAll(async () => {
  await connection.close();
  await redis.close();
  await dirs.cleanup();
});

describe("npm run reindex with REDIS_URL", () => {
  it("refuses while another machine holds the writer lease, and runs once it is free", async () => {
    const dataDir = await dirs.make("data");
    const indexDir = path.join(await dirs.make("index"), "index");
    await copyCorpus(dataDir);
    const locks = new RedisLockService({ connection, instanceId: "other-machine", leaseMs: 5000 });
    const held = await locks.tryAcquire("index-writer");
    expect(held).not.toBeNull();
    const env = { DATA_DIR: dataDir, INDEX_DIR: indexDir, REDIS_URL: redis.url };
    const refused = await runCli("reindex.ts", [], { env, timeoutMs: 60_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).toMatch(/Another instance is re-indexing/);
    expect(await exists(path.join(indexDir, "manifest.json"))).toBe(false);
    await held?.release();
    const ran = await runCli("reindex.ts", [], { env, timeoutMs: 60_000 });
    expect(ran.code).toBe(0);
    expect(await exists(path.join(indexDir, "manifest.json"))).toBe(true);
    // The run released the lease.
    const after = await locks.tryAcquire("index-writer");
    expect(after).not.toBeNull();
    await after?.release();
    await locks.close();
  }, 90_000);
});
