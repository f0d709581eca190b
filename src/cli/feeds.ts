/**
 * `npm run feeds -- [--data DIR] [--index DIR] [--json]`
 * Reads every feed in FEEDS (conditionally: an unchanged feed is a 304), files the new items its
 * keywords select, re-indexes once. State (ETag / Last-Modified, items seen): `<INDEX_DIR>/../feeds-state.json`.
 * Exit 0: all feeds read, every selected item added or already present; 1: some feeds or items
 * failed (each named with its reason); 2: fatal (bad arguments, another run in progress,
 * unwritable data folder, failed re-index).
 */
import { loadConfig } from "../config.js";
import { createAppLogger, createConfiguredEmbedder } from "../compose.js";
import { AppError } from "../core/errors.js";
import { runFeeds, type FeedsReport } from "../ingest/run-feeds.js";
import { formatAddReport, formatReindex } from "./format-add-report.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";
import { openWriterLock } from "../shared-state.js";

const USAGE = "Usage: npm run feeds -- [--data DIR] [--index DIR] [--json]";

function summary(report: FeedsReport): string {
  const lines = report.feeds.map((f) =>
    f.status === "fetched" ? `feed ${f.url}: ${f.items} item(s), ${f.matched} selected` : `feed ${f.url}: ${f.status === "not-modified" ? "not modified" : "failed"}`,
  );
  lines.push(formatAddReport(report));
  if (report.reindex !== null) lines.push(formatReindex(report.reindex));
  return lines.join("\n");
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["data", "index"], booleans: ["json"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length > 0) throw new AppError("CONFIG_INVALID", `Unexpected argument ${args.positionals[0]}.\n${USAGE}`);
  const config = loadConfig();
  const json = args.flags.has("json");
  const logger = createAppLogger(config, json ? "warn" : config.logLevel);
  if (config.feeds.sources.length === 0 && !json) process.stderr.write("No feeds configured: set FEEDS in .env (see .env.example).\n");
  const { writerLock, close } = await openWriterLock(config, logger);
  let report;
  try {
    report = await runFeeds({
      sources: config.feeds.sources,
      dataDir: args.values.data ?? config.dataDir,
      indexDir: args.values.index ?? config.indexDir,
      limits: config.fetch,
      logger,
      embedder: async () => (await createConfiguredEmbedder(config, logger)).embedder,
      onProgress: (p) => {
        if (!json) process.stderr.write(`${p.kind === "feed" ? "feed" : "fetching"} ${p.index}/${p.total} ${p.url}\n`);
      },
      ...(writerLock === undefined ? {} : { writerLock }),
    });
  } finally {
    await close();
  }
  console.log(json ? JSON.stringify(report) : summary(report));
  if (report.reindex !== null && !report.reindex.ok) return 2;
  return report.failed.length > 0 ? 1 : 0;
});
