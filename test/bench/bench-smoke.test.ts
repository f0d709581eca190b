/**
 * Keeps `npm run bench` from rotting: the generator's questions point at articles that state their
 * facts, and the whole benchmark runs on a tiny corpus (one fresh-process probe) and reports every
 * field with sane values. No timing thresholds — performance is judged by the benchmark itself.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/generate-corpus.js";
import { formatReport } from "../../src/bench/format-report.js";
import { runBench, type BenchReport } from "../../src/bench/run-bench.js";
import { scalingSvg } from "../../src/bench/scaling-plot.js";
import { toPoint } from "../../src/bench/run-sweep.js";
import { createEmbedder } from "../../src/compose.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/core/logger.js";

describe("synthetic corpus", () => {
  const corpus = generateCorpus({ articles: 300, seed: 7, heldOut: 3 });

  it("is deterministic for a seed and differs across seeds", () => {
    expect(generateCorpus({ articles: 300, seed: 7, heldOut: 3 })).toEqual(corpus);
    expect(generateCorpus({ articles: 300, seed: 8 }).articles[0]?.content).not.toBe(corpus.articles[0]?.content);
  });

  it("writes the requested number of articles with front matter, and near-duplicates", () => {
    expect(corpus.articles.length).toBe(300);
    expect(corpus.heldOut.length).toBeGreaterThanOrEqual(3);
    for (const a of corpus.articles) expect(a.content).toMatch(/^---\ntitle: ".+"\nsource: ".+"\ndate: \d{4}-\d\d-\d\d\nurl: https:\/\/\S+\n---\n/);
    expect(new Set(corpus.articles.map((a) => a.path)).size).toBe(300);
    expect(corpus.questions.some((q) => q.expectedPaths.length === 2)).toBe(true);
  });

  it("asks answerable questions whose fact is stated in every expected article, and unanswerable ones", () => {
    const byPath = new Map(corpus.articles.map((a) => [a.path, a.content]));
    const answerable = corpus.questions.filter((q) => !q.refuse);
    expect(answerable.length).toBeGreaterThan(20);
    for (const q of answerable) {
      expect(q.expectedPaths).toContain(q.expectedPath);
      for (const p of q.expectedPaths) {
        const text = byPath.get(p);
        expect(text, p).toBeDefined();
        expect(q.acceptableFacts.some((f) => text?.includes(f)), `${q.question} → ${q.fact}`).toBe(true);
      }
    }
    const refusals = corpus.questions.filter((q) => q.refuse);
    expect(refusals.length).toBeGreaterThan(0);
    for (const q of refusals) expect(q).toMatchObject({ expectedPath: null, fact: null });
  });
});

describe("bench smoke run", () => {
  let workDir = "";
  let report: BenchReport;

  beforeAll(async () => {
    const config = loadConfig({ env: {} });
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-bench-smoke-"));
    const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger: silentLogger });
    report = await runBench({
      articles: 50,
      questions: 24,
      embedder,
      cacheDir: config.cacheDir,
      bundledDir: config.dataDir,
      workDir,
      probeRuns: 1,
      probeSystems: ["dossier"],
    });
  }, 120_000);

  afterAll(async () => {
    if (workDir !== "") await fs.rm(workDir, { recursive: true, force: true });
  });

  it("reports every system with rates in [0, 1] and ordered latency percentiles", () => {
    expect(report.corpus).toMatchObject({ generated: 50, bundled: 2, indexed: 52 });
    expect(report.corpus.questions).toBe(24);
    for (const s of ["dossier", "dense", "bm25"] as const) {
      const r = report.retrieval[s];
      for (const x of [r.recallAt1, r.recallAt5, r.mrr]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(r.recallAt5).toBeGreaterThanOrEqual(r.recallAt1);
      expect(r.latencyMs.n).toBe(24);
      expect(r.latencyMs.p50).toBeGreaterThan(0);
      expect(r.latencyMs.p50).toBeLessThanOrEqual(r.latencyMs.p95);
      expect(r.latencyMs.p95).toBeLessThanOrEqual(r.latencyMs.p99);
      expect(report.indexMb[s]).toBeGreaterThan(0);
    }
    expect(report.retrieval.dense.refusalAccuracy).toBeNull();
    expect(report.retrieval.dossier.recallAt5).toBeGreaterThan(0.3);
    expect(report.answers.refusalAccuracy).toBeGreaterThanOrEqual(0);
    expect(report.answers.latencyMs.n).toBe(24);
  });

  it("measures re-indexing, the incremental run and a fresh process", () => {
    expect(report.reindex.full.articles).toBe(52);
    expect(report.reindex.full.articlesPerSecond).toBeGreaterThan(0);
    expect(report.reindex.incremental.added).toBeGreaterThanOrEqual(1);
    expect(report.reindex.incremental.articles).toBe(52 + report.reindex.incremental.added);
    expect(report.reindex.incremental.embeddedChunks).toBeGreaterThan(0);
    expect(report.reindex.incremental.embeddedChunks).toBeLessThan(report.corpus.chunks);
    expect(report.process.dossier?.coldStartMs).toBeGreaterThan(0);
    expect(report.process.dossier?.rssMb).toBeGreaterThan(20);
  });

  it("renders the table and a well-formed scaling plot", () => {
    const text = formatReport(report);
    for (const label of ["recall@5", "MRR", "refusal accuracy", "latency p99", "index size", "cold start", "resident memory", "full re-index", "incremental"]) {
      expect(text).toContain(label);
    }
    const svg = scalingSvg([toPoint(report), { ...toPoint(report), articles: 500 }]);
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("</svg>");
    expect(svg).not.toContain("NaN");
  });
});
