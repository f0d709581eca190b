/**
 * `npm run add -- URL [URL…] [--data DIR] [--index DIR] [--json]`
 * Fetches each page, files its article in the data folder as Markdown, re-indexes once.
 * Exit 0: every URL added or already present; 1: some URLs failed (each named with its reason);
 * 2: fatal (bad arguments, unwritable data folder, failed re-index).
 */
import { loadConfig } from "../config.js";
import { createAppLogger, createConfiguredEmbedder } from "../compose.js";
import { AppError } from "../core/errors.js";
import { addUrls, type AddReport } from "../ingest/add-urls.js";
import { reindexAfterAdding, type ReindexOutcome } from "../ingest/reindex-outcome.js";
import { formatAddReport, formatReindex } from "./format-add-report.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";
import { openWriterLock } from "../shared-state.js";

const USAGE = "Usage: npm run add -- URL [URL…] [--data DIR] [--index DIR] [--json]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["data", "index"], booleans: ["json"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length === 0) throw new AppError("CONFIG_INVALID", `Give at least one URL.\n${USAGE}`);
  const config = loadConfig();
  const json = args.flags.has("json");
  const dataDir = args.values.data ?? config.dataDir;
  const indexDir = args.values.index ?? config.indexDir;
  const logger = createAppLogger(config, json ? "warn" : config.logLevel);

  const report: AddReport = await addUrls({
    urls: args.positionals,
    dataDir,
    limits: config.fetch,
    onProgress: ({ index, total, url }) => {
      if (!json) process.stderr.write(`fetching ${index}/${total} ${url}\n`);
    },
  });
  let reindex: ReindexOutcome | null = null;
  if (report.added.length > 0) {
    if (!json) process.stderr.write("re-indexing…\n");
    const { writerLock, close } = await openWriterLock(config, logger);
    try {
      reindex = await reindexAfterAdding({
        dataDir,
        indexDir,
        logger,
        embedder: async () => (await createConfiguredEmbedder(config, logger)).embedder,
        ...(writerLock === undefined ? {} : { writerLock }),
      });
    } finally {
      await close();
    }
  }
  if (json) console.log(JSON.stringify({ ...report, reindex }));
  else console.log([formatAddReport(report), ...(reindex === null ? [] : [formatReindex(reindex)])].join("\n"));
  if (reindex !== null && !reindex.ok) return 2;
  return report.failed.length > 0 ? 1 : 0;
});
