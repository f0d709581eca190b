/**
 * `npm run reindex -- [--data DIR] [--index DIR] [--dry-run] [--json]`
 * Exit 0: every file indexed; 1: some files skipped (the rest indexed); 2: fatal, previous index kept.
 */
import { loadConfig } from "../config.js";
import { createAppLogger, createConfiguredEmbedder } from "../compose.js";
import { reindex, type ReindexReport } from "../ingest/reindex.js";
import { parseArgs } from "./parse-args.js";
import { createProgressBar } from "./progress-bar.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run reindex -- [--data DIR] [--index DIR] [--dry-run] [--json] [--full-scan]";

function summary(r: ReindexReport): string {
  const lines: string[] = [];
  const verb = r.dryRun ? "Would index" : r.wrote ? "Indexed" : "Index is up to date:";
  lines.push(`${verb} ${r.articles} article(s), ${r.chunks} chunk(s) with ${r.model.id}${r.fullRebuild ? ` — full rebuild (${r.rebuildReason})` : ""}.`);
  lines.push(`  added ${r.added.length}, updated ${r.updated.length}, removed ${r.removed.length}, unchanged ${r.unchanged.length}, skipped ${r.skipped.length}${r.merged.length > 0 ? `, merged ${r.merged.length}` : ""}`);
  const list = (label: string, ids: string[]) => {
    if (ids.length === 0) return;
    const shown = ids.slice(0, 20);
    for (const id of shown) lines.push(`  ${label} ${id}`);
    if (ids.length > shown.length) lines.push(`  … and ${ids.length - shown.length} more ${label}`);
  };
  list("+", r.added);
  list("~", r.updated);
  list("-", r.removed);
  for (const s of r.merged) lines.push(`  = ${s.path}: ${s.reason}`);
  for (const s of r.skipped) lines.push(`  ! skipped ${s.path}: ${s.reason}`);
  if (!r.dryRun) {
    const compacted = r.compacted ? "; removed chunks' slots compacted" : "";
    lines.push(`  ${r.embeddedChunks} chunk(s) embedded${compacted}; done in ${(r.elapsedMs / 1000).toFixed(2)} s.`);
  }
  return lines.join("\n");
}

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
  const report = await reindex({
    dataDir: args.values.data ?? config.dataDir,
    indexDir: args.values.index ?? config.indexDir,
    embedder,
    dryRun: args.flags.has("dry-run"),
    fullScan: args.flags.has("full-scan"),
    logger,
    onProgress: (phase, done, total) => bar.update(phase, done, total),
  });
  bar.done();
  console.log(json ? JSON.stringify(report) : summary(report));
  return report.skipped.length > 0 ? 1 : 0;
});
