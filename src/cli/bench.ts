/**
 * `npm run bench -- [--articles N] [--json]` — the performance targets of the answer engine,
 * measured in one run: question latency on the bundled index (p50/p95/p99, in-process), cold start
 * of `ask` (process start to first answer), re-index throughput on N generated articles (full and
 * incremental), and resident memory of the answer service.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import { silentLogger } from "../core/logger.js";
import { createEmbedder, openAnswerService } from "../compose.js";
import { reindex } from "../ingest/reindex.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run bench -- [--articles N] [--json]";
const QUESTIONS = [
  "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
  "Where was the International Labour Conference held?",
  "How many delegates attended the conference?",
  "What did Babaev say about people with disabilities?",
  "Which memorandums of understanding are mentioned?",
  "Who chairs the Federation of Trade Unions of Kazakhstan?",
  "What is the minimum wage in Azerbaijan?",
  "What training will the Kyrgyz representatives take part in?",
];

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/** A plausible synthetic news article (deterministic for a given i). */
function syntheticArticle(i: number): string {
  const countries = ["Georgia", "Kazakhstan", "Uzbekistan", "Turkey", "Moldova", "Armenia", "Tajikistan", "Belarus", "Mongolia", "Serbia"];
  const orgs = ["Federation of Trade Unions", "Confederation of Labour", "Ministry of Labour", "Union of Metal Workers", "Teachers' Union"];
  const people = ["Aliyev", "Petrenko", "Karimova", "Usmonov", "Demir", "Ivanova", "Sargsyan", "Batbayar", "Nurlanov", "Horvat"];
  const a = pick(countries, i);
  const b = pick(countries, i * 7 + 3);
  const org = pick(orgs, i * 3);
  const person = pick(people, i * 5 + 1);
  const day = (i % 28) + 1;
  const month = (i % 12) + 1;
  const year = 2015 + (i % 11);
  const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return `---\ntitle: ${a} and ${b} sign labour cooperation plan no. ${i}\nsource: Synthetic Wire\ndate: ${date}\nurl: https://example.org/news/${i}\n---\n${a}'s ${org} met a delegation from ${b} on ${date}. Chairman ${person} said the sides agreed on ${i % 9} joint projects on occupational safety and vocational training. The memorandum number ${i} covers the exchange of workers, social security and pension funds. Representatives will meet again in ${year + 1} to review progress on wages and collective bargaining. The delegation also visited a training centre and a legal assistance office.\n`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["articles"], booleans: ["json"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const n = Number(args.values.articles ?? 1000);
  const config = loadConfig();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-bench-"));
  try {
    const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger: silentLogger });

    // Latency on the bundled index, in-process.
    const bundledIndex = path.join(tmp, "bundled-index");
    await reindex({ dataDir: config.dataDir, indexDir: bundledIndex, embedder });
    const service = await openAnswerService({ indexDir: bundledIndex, embedder, watch: false });
    for (const q of QUESTIONS) await service.ask(q); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t = performance.now();
      await service.ask(pick(QUESTIONS, i));
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    const rssMb = process.memoryUsage().rss / 2 ** 20;

    // Cold start of `ask`: a fresh process, from spawn to the printed answer.
    const tsx = path.resolve("node_modules/.bin/tsx");
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = spawnSync(tsx, ["src/cli/ask.ts", "--index", bundledIndex, "--json", pick(QUESTIONS, i)], { encoding: "utf8" });
      colds.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`ask failed: ${r.stderr}`);
    }
    colds.sort((x, y) => x - y);

    // Re-index throughput on N generated articles, then an incremental run adding 1 %.
    const dataDir = path.join(tmp, "data");
    await fs.mkdir(dataDir);
    await Promise.all(Array.from({ length: n }, (_, i) => fs.writeFile(path.join(dataDir, `a${i}.md`), syntheticArticle(i))));
    const indexDir = path.join(tmp, "index");
    const full = await reindex({ dataDir, indexDir, embedder });
    const extra = Math.max(1, Math.round(n / 100));
    await Promise.all(Array.from({ length: extra }, (_, i) => fs.writeFile(path.join(dataDir, `b${i}.md`), syntheticArticle(n + i))));
    const incremental = await reindex({ dataDir, indexDir, embedder });

    const result = {
      latencyMs: { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), questions: times.length },
      coldStartAskMs: { median: percentile(colds, 50), runs: colds.length },
      reindex: {
        articles: n,
        fullSeconds: full.elapsedMs / 1000,
        fullArticlesPerSecond: n / (full.elapsedMs / 1000),
        incrementalAdded: extra,
        incrementalSeconds: incremental.elapsedMs / 1000,
        incrementalEmbeddedChunks: incremental.embeddedChunks,
      },
      answerServiceRssMb: rssMb,
      targets: { p50Ms: 5, coldStartMs: 1000, articlesPerSecond: 200, rssMb: 300 },
    };
    if (args.flags.has("json")) console.log(JSON.stringify(result, null, 2));
    else {
      const f = (x: number) => x.toFixed(2);
      console.log("metric                         measured      target");
      console.log(`question latency p50           ${f(result.latencyMs.p50)} ms       < 5 ms`);
      console.log(`question latency p95 / p99     ${f(result.latencyMs.p95)} / ${f(result.latencyMs.p99)} ms`);
      console.log(`cold start of ask (median)     ${f(result.coldStartAskMs.median)} ms   < 1000 ms`);
      console.log(`full re-index, ${n} articles   ${f(result.reindex.fullArticlesPerSecond)} articles/s   ≥ 200/s`);
      console.log(`incremental +${extra} articles      ${f(result.reindex.incrementalSeconds)} s (${result.reindex.incrementalEmbeddedChunks} chunks embedded)`);
      console.log(`answer service RSS             ${f(rssMb)} MB     < 300 MB`);
    }
    service.close();
    return 0;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});
