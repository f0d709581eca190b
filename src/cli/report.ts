/**
 * `npm run report -- [--since YYYY-MM-DD] [--json] [--html FILE] [--log PATH]`
 * The content-gap report from the question log: what people asked that the articles do not cover
 * (grouped into topics), the most-cited articles, downvoted answers, traffic and refusal rates.
 * Reads the log read-only (the bot may be writing it): the PostgreSQL database when DATABASE_URL
 * is set (the log several instances share), else the SQLite file (QUESTION_LOG_PATH); `--log PATH`
 * reads that SQLite file whatever DATABASE_URL says. The same rows give the same report from
 * either. Exit 0 on a report, 2 when there is no log to read (missing file, database unreachable or
 * without a log, or QUESTION_LOG off without --log) or the arguments are wrong.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config.js";
import { AppError } from "../core/errors.js";
import { openQuestionLog } from "../providers/create-question-log.js";
import { buildReport } from "../report/build-report.js";
import { formatReportText } from "../report/format-text.js";
import { parseDay } from "../report/parse-day.js";
import { renderReportHtml } from "../report/render-html.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run report -- [--since YYYY-MM-DD] [--json] [--html FILE] [--log PATH]";

runCli(async () => {
  const argv = process.argv.slice(2);
  // `npx tsx src/cli/report.ts -- --json` passes the separator on; npm run strips it.
  if (argv[0] === "--") argv.shift();
  const args = parseArgs(argv, { values: ["since", "html", "log"], booleans: ["json"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length > 0) throw new AppError("CONFIG_INVALID", `Unexpected argument "${args.positionals[0] ?? ""}".\n${USAGE}`);
  const since = args.values.since;
  const sinceMs = since === undefined ? undefined : parseDay(since);
  if (sinceMs === null) throw new AppError("CONFIG_INVALID", `--since must be a date like 2025-11-01 (got "${since ?? ""}").\n${USAGE}`);
  const config = loadConfig();
  const explicit = args.values.log;
  if (explicit === undefined && !config.questionLog.enabled) {
    throw new AppError("CONFIG_INVALID", "The question log is off (QUESTION_LOG=off), so there is nothing to report. Turn it on, or pass --log PATH to read an existing log.");
  }
  const databaseUrl = explicit === undefined ? config.shared.databaseUrl : null;
  const file = path.resolve(explicit ?? config.questionLog.path);
  if (databaseUrl === null && !fs.existsSync(file)) {
    throw new AppError("CONFIG_INVALID", `No question log at ${file}. The bot writes it while it answers (QUESTION_LOG on, QUESTION_LOG_PATH); pass --log PATH to read another file.`);
  }
  const log = await openQuestionLog({ path: file, databaseUrl, retentionDays: config.questionLog.retentionDays }, { readonly: true });
  let rows;
  try {
    rows = await log.rows(sinceMs === undefined ? {} : { since: sinceMs });
  } finally {
    await log.close();
  }
  const report = buildReport(rows, { now: Date.now(), since: since ?? null });
  const html = args.values.html;
  if (html !== undefined) {
    fs.mkdirSync(path.dirname(path.resolve(html)), { recursive: true });
    fs.writeFileSync(html, renderReportHtml(report));
  }
  if (args.flags.has("json")) {
    console.log(JSON.stringify(report));
    if (html !== undefined) process.stderr.write(`Wrote ${html}\n`);
  } else {
    console.log(formatReportText(report));
    if (html !== undefined) console.log(`\nWrote ${html}`);
  }
  return 0;
});
