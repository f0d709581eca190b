/**
 * Measures cold start (spawn → first answer printed) and resident memory after answering, in a
 * fresh process per run, so neither the benchmark's own data nor a warm JIT flatters the numbers.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface ProbeResult {
  coldStartMs: number;
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
  peakRssMb: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

/** One probe run of `system` over `index`; `questionsFile` is a JSON array of question strings. */
export function runProbe(options: { system: "dossier" | "dense" | "bm25"; indexDir: string; cacheDir: string; questionsFile: string }): Promise<ProbeResult> {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const args = [path.join(here, "probe-main.ts"), "--system", options.system, "--index", options.indexDir, "--cache", options.cacheDir, "--questions", options.questionsFile];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(tsx, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let coldStartMs = -1;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (coldStartMs < 0 && out.includes("first\n")) coldStartMs = performance.now() - started;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || coldStartMs < 0 || !last.startsWith("{")) {
        reject(new Error(`probe (${options.system}) failed with code ${code}: ${err.trim().slice(0, 500)}`));
        return;
      }
      resolve({ coldStartMs, ...(JSON.parse(last) as Omit<ProbeResult, "coldStartMs">) });
    });
  });
}
