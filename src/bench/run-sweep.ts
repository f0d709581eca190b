/**
 * The scaling sweep: one fresh `bench --json` process per corpus size (so one size's garbage and
 * JIT state never colour the next), then `results.json` and `scaling.svg` in the output folder.
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchReport } from "./run-bench.js";
import { scalingSvg, type ScalingPoint } from "./scaling-plot.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function benchProcess(articles: number, log: (m: string) => void): Promise<BenchReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["src/cli/bench.ts", "--articles", String(articles), "--json"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => log(c.trimEnd()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`bench --articles ${articles} exited with ${code}`));
      else resolve(JSON.parse(out) as BenchReport);
    });
  });
}

export function toPoint(r: BenchReport): ScalingPoint {
  return {
    articles: r.corpus.generated,
    latencyMs: { dossierP50: r.answers.latencyMs.p50, dossierP99: r.answers.latencyMs.p99, denseP50: r.retrieval.dense.latencyMs.p50, denseP99: r.retrieval.dense.latencyMs.p99, bm25P50: r.retrieval.bm25.latencyMs.p50 },
    rssMb: { dossier: r.process.dossier?.rssMb ?? null, dense: r.process.dense?.rssMb ?? null, bm25: r.process.bm25?.rssMb ?? null },
  };
}

export async function runSweep(options: { sizes: number[]; outDir: string; log: (m: string) => void }): Promise<BenchReport[]> {
  const reports: BenchReport[] = [];
  for (const n of options.sizes) {
    const started = performance.now();
    options.log(`[sweep] ${n} articles…`);
    reports.push(await benchProcess(n, options.log));
    options.log(`[sweep] ${n} articles done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // Written after every size, so a failure at the largest size keeps the smaller ones.
    await fs.mkdir(options.outDir, { recursive: true });
    await fs.writeFile(path.join(options.outDir, "results.json"), `${JSON.stringify(reports, null, 2)}\n`);
    await fs.writeFile(path.join(options.outDir, "scaling.svg"), scalingSvg(reports.map(toPoint)));
  }
  return reports;
}
