/**
 * `npm run reindex -- [--data DIR] [--index DIR] [--dry-run] [--json]`
 * Exit 0: every file indexed; 1: some files skipped (the rest indexed) or no articles at all; 2: fatal, previous index kept.
 */
import { loadConfig } from "../config.js";
import { createAppLogger, createConfiguredEmbedder } from "../compose.js";
import { reindex } from "../ingest/reindex.js";
import { parseArgs } from "./parse-args.js";
import { formatReindexSummary, reindexExitCode } from "./reindex-summary.js";
import { createProgressBar } from "./progress-bar.js";
import { runCli } from "./run-cli.js";
import { openWriterLock } from "../shared-state.js";

const USAGE = "Usage: npm run reindex -- [--data DIR] [--index DIR] [--dry-run] [--json] [--full-scan]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["data", "index"], booleans: ["dry-run", "json", "full-scan"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const json = args.flags.has("json");
  const logger = createAppLogger(config, json ? "warn" : config.logLevel);
  const { embedder } = await createConfiguredEmbedder(config, logger);
  const bar = json ? { update: () => undefined, done: () => undefined } : createProgressBar();
  const { writerLock, close } = await openWriterLock(config, logger);
  let report;
  try {
    report = await reindex({
      dataDir: args.values.data ?? config.dataDir,
      indexDir: args.values.index ?? config.indexDir,
      embedder,
      dryRun: args.flags.has("dry-run"),
      fullScan: args.flags.has("full-scan"),
      logger,
      onProgress: (phase, done, total) => bar.update(phase, done, total),
      ...(writerLock === undefined ? {} : { writerLock }),
    });
  } finally {
    await close();
  }
  bar.done();
  console.log(json ? JSON.stringify(report) : formatReindexSummary(report));
  return reindexExitCode(report);
});
