/**
 * `npx tsx test/fakes/discord-latency.ts` — the issue #4 measurement with the REAL answer service on
 * the bundled index (data/articles, indexed into a temp folder): 200 mentions and 200 `/ask`, one at
 * a time, through the unmodified discord.js client and the fake Discord. Prints p50/p95 of
 * "dispatch at the fake → the bot's reply request at the fake".
 */
import "../setup/no-network.js";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import { createEmbedder, openAnswerService } from "../../src/compose.js";
import { silentLogger } from "../../src/core/logger.js";
import { reindex } from "../../src/ingest/reindex.js";
import { Harness } from "../adapters/discord/discord-harness.js";
import { describeLatency, measureLatency } from "../adapters/discord/measure-latency.js";

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-discord-latency-"));
const embedder = await createEmbedder({ cacheDir: path.resolve(".cache"), logger: silentLogger });
await reindex({ dataDir: path.resolve("data/articles"), indexDir: tmp, embedder });
const service = await openAnswerService({ indexDir: tmp, embedder, rarity: embedder, watch: false });

const h = new Harness();
await h.fake.start();
const options = h.adapterOptions();
h.adapter = await startDiscordAdapter({ ...options, service, logger: silentLogger });
const report = await measureLatency(h, 200);
console.log(
  [
    `Discord adapter latency with the REAL answer service on the bundled index (${service.corpus().articles.length} articles):`,
    describeLatency("  mention → reply", report.mention),
    describeLatency("  /ask → deferred response", report.slashDefer),
    describeLatency("  /ask → @original edit with the answer", report.slashAnswer),
  ].join("\n"),
);
const sample = h.fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/messages")).at(-1);
console.log(`sample reply:\n${String((sample?.body as { content?: string } | null)?.content)}`);
await h.close();
await fs.rm(tmp, { recursive: true, force: true });
