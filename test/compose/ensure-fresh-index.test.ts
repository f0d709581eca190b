/**
 * Instances starting together on one shared index folder: one builds the missing index under the
 * writer lease, the other waits for it and uses what it wrote instead of failing its start.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureFreshIndex } from "../../src/compose.js";
import { silentLogger } from "../../src/core/logger.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { LocalLockService } from "../../src/service/local-lock-service.js";
import { copyCorpus } from "../helpers/articles.js";
import { realEmbedder } from "../helpers/embedders.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("ensure-fresh");
let embedder: GloveEmbeddings;
beforeAll(async () => {
  embedder = await realEmbedder();
});
afterAll(() => dirs.cleanup());

describe("ensureFreshIndex with a shared writer lease", () => {
  it("two instances starting at once: one builds, the other waits and builds nothing", async () => {
    const dataDir = await dirs.make("data");
    const indexDir = path.join(await dirs.make("index"), "index");
    await copyCorpus(dataDir);
    const locks = new LocalLockService(); // stands in for the shared store
    const config = { dataDir, indexDir };
    const [a, b] = await Promise.all([
      ensureFreshIndex({ config, embedder, logger: silentLogger, writerLock: locks, waitIntervalMs: 50 }),
      ensureFreshIndex({ config, embedder, logger: silentLogger, writerLock: locks, waitIntervalMs: 50 }),
    ]);
    const built = [a, b].filter((r) => r !== null);
    expect(built).toHaveLength(1);
    expect(built[0]?.wrote).toBe(true);
    // Now fresh: a third start builds nothing.
    expect(await ensureFreshIndex({ config, embedder, logger: silentLogger, writerLock: locks })).toBeNull();
  });
});
