/**
 * The terminal view of a benchmark report: one table comparing dossier with the two baselines,
 * each number beside its target, then re-index, size, start-up and memory.
 */
import type { BenchReport, SystemName } from "./run-bench.js";

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)} %`);
const ms = (x: number | undefined) => (x === undefined ? "—" : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);
const mbs = (x: number | undefined) => (x === undefined ? "—" : `${x.toFixed(1)} MB`);

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

export function formatReport(r: BenchReport): string {
  const systems: SystemName[] = ["dossier", "dense", "bm25"];
  const label: Record<SystemName, string> = { dossier: "dossier (hybrid)", dense: "LangChain HNSWLib", bm25: "BM25 only" };
  const ret = r.retrieval;
  const rows: string[][] = [["metric", ...systems.map((s) => label[s]), "target"]];
  const add = (name: string, f: (s: SystemName) => string, target = "") => rows.push([name, ...systems.map(f), target]);
  add("recall@1 (retrieval)", (s) => pct(ret[s].recallAt1));
  add("recall@5 (retrieval)", (s) => pct(ret[s].recallAt5), `dossier ≥ dense + 15 pts`);
  add("MRR@10", (s) => ret[s].mrr.toFixed(3));
  add("answer: first citation right", (s) => (s === "dossier" ? pct(r.answers.citationAt1) : "—"));
  add("answer: key fact quoted", (s) => (s === "dossier" ? pct(r.answers.factFound) : "—"));
  add("refusal accuracy (unanswerable)", (s) => (s === "dossier" ? pct(r.answers.refusalAccuracy) : "n/a — always answers"));
  add("false refusals (answerable)", (s) => (s === "dossier" ? pct(r.answers.falseRefusals) : "0 %"));
  const lat = (s: SystemName) => (s === "dossier" ? r.answers.latencyMs : ret[s].latencyMs);
  add("latency p50 (in-process)", (s) => ms(lat(s).p50), "< 5 ms");
  add("latency p95", (s) => ms(lat(s).p95));
  add("latency p99", (s) => ms(lat(s).p99), "< 30 ms");
  add("  dossier retrieval only p50/p99", (s) => (s === "dossier" ? `${ms(ret.dossier.latencyMs.p50)} / ${ms(ret.dossier.latencyMs.p99)}` : ""));
  add("index size on disk", (s) => mbs(r.indexMb[s]));
  add("cold start (spawn → 1st answer)", (s) => (r.process[s] === undefined ? "—" : `${r.process[s]?.coldStartMs} ms`));
  add("resident memory after answering", (s) => mbs(r.process[s]?.rssMb), "< 500 MB at 50k");

  const f = r.reindex.full;
  const inc = r.reindex.incremental;
  const c = r.corpus;
  return [
    `dossier benchmark — ${c.generated} generated + ${c.bundled} bundled articles (${c.indexed} indexed, ${c.chunks} chunks), seed ${c.seed}`,
    `${c.questions} questions: ${c.answerable} answerable (${c.respelled} with a name spelled differently), ${c.unanswerable} unanswerable`,
    "",
    table(rows),
    "",
    `full re-index:        ${f.articles} articles in ${f.seconds.toFixed(1)} s = ${f.articlesPerSecond.toFixed(0)} articles/s (target ≥ 200/s)` +
      `  [load ${f.phases.loadSeconds.toFixed(1)} s, embed+BM25 ${f.phases.embedAndLexicalSeconds.toFixed(1)} s, write+HNSW ${f.phases.writeSeconds.toFixed(1)} s]`,
    `incremental (+${inc.added}):  ${inc.seconds.toFixed(1)} s (${(inc.secondsRelativeToFull * 100).toFixed(0)} % of a full build; ${inc.embeddedChunks} chunks embedded)` +
      `  [load ${inc.phases.loadSeconds.toFixed(1)} s, embed+BM25 ${inc.phases.embedAndLexicalSeconds.toFixed(1)} s, write+HNSW ${inc.phases.writeSeconds.toFixed(1)} s]`,
    `LangChain HNSWLib build from the same vectors: ${r.denseBuildSeconds.toFixed(1)} s; dossier index files (MB): ${Object.entries(r.indexMb.dossierFiles)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
    `${r.environment.node}, ${r.environment.platform}, ${r.environment.cpus} × ${r.environment.cpuModel}`,
  ].join("\n");
}
