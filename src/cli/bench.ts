/**
 * `npm run bench -- [--articles N] [--json] [--seed S] [--questions Q] [--probe-runs R]`
 * Builds dossier's index over N generated articles (default 10,000) plus the bundled ones and
 * compares dossier with a LangChain HNSWLib dense baseline and BM25 alone on the same data and
 * embeddings: recall@1/@5, MRR, refusals, latency percentiles, re-index throughput (full and +1 %),
 * index size, cold start and resident memory. `--sweep 1000,10000,50000 --out docs/bench` runs one
 * fresh process per size and writes `results.json` and `scaling.svg`.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import { silentLogger } from "../core/logger.js";
import { createEmbedder } from "../compose.js";
import { AppError } from "../core/errors.js";
import { formatReport } from "../bench/format-report.js";
import { runBench } from "../bench/run-bench.js";
import { runSweep } from "../bench/run-sweep.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE =
  "Usage: npm run bench -- [--articles N] [--json] [--seed S] [--questions Q] [--probe-runs R] [--keep]\n" +
  "       npm run bench -- --sweep 1000,10000,50000 [--out docs/bench]";

function whole(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < min) throw new AppError("CONFIG_INVALID", `--${name} must be a whole number ≥ ${min} (got "${raw}").\n${USAGE}`);
  return n;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["articles", "seed", "questions", "probe-runs", "sweep", "out"], booleans: ["json", "keep"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.values.sweep !== undefined) {
    const sizes = args.values.sweep.split(",").map((s) => whole("sweep", s.trim(), 0));
    await runSweep({ sizes, outDir: path.resolve(args.values.out ?? "docs/bench"), log: (m) => process.stderr.write(`${m}\n`) });
    return 0;
  }
  const config = loadConfig();
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-bench-"));
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  try {
    const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger: silentLogger });
    const report = await runBench({
      articles: whole("articles", args.values.articles, 10_000),
      seed: whole("seed", args.values.seed, 42),
      ...(args.values.questions === undefined ? {} : { questions: whole("questions", args.values.questions, 0) }),
      probeRuns: whole("probe-runs", args.values["probe-runs"], 3, 0),
      embedder,
      cacheDir: config.cacheDir,
      bundledDir: config.dataDir,
      workDir,
      log,
    });
    console.log(args.flags.has("json") ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  } finally {
    if (args.flags.has("keep")) log(`kept ${workDir}`);
    else await fs.rm(workDir, { recursive: true, force: true });
  }
});
