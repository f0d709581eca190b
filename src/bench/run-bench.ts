/**
 * The benchmark in one in-process run: generate N articles (plus the bundled ones), build dossier's
 * index (full, timed by phase), evaluate dossier, a LangChain HNSWLib dense baseline and BM25 alone
 * on the same chunks and vectors, measure index size, cold start and resident memory in fresh
 * processes, then an incremental re-index adding 1 % new articles. Returns one JSON-able report.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createReader, openAnswerService } from "../compose.js";
import { HybridRetriever } from "../retrieval/hybrid-retriever.js";
import { LangChainEmbeddings } from "./langchain-embeddings.js";
import { files } from "../index/index-files.js";
import { readVectors } from "../index/read-index.js";
import { reindex, type ReindexPhase } from "../ingest/reindex.js";
import type { GloveEmbeddings } from "../providers/glove/glove-embeddings.js";
import { bm25Only, buildDenseBaseline, denseBaseline, dossierRetrieval } from "./bench-systems.js";
import { diskBytes, fileSizes } from "./disk-size.js";
import { evaluateAnswers, evaluateSystem, type AnswerEvaluation, type SystemEvaluation } from "./evaluate-questions.js";
import { generateCorpus, writeArticles, type BenchQuestion } from "./generate-corpus.js";
import { runProbe, type ProbeResult } from "./probe-process.js";

export type SystemName = "dossier" | "dense" | "bm25";

export interface BenchOptions {
  articles: number;
  embedder: GloveEmbeddings;
  cacheDir: string;
  /** Folder of real articles indexed beside the generated ones (null: none). */
  bundledDir: string | null;
  /** Scratch folder (created, not removed). */
  workDir: string;
  seed?: number;
  questions?: number;
  /** Fresh-process runs per system for cold start (median); 0 skips the probes. */
  probeRuns?: number;
  probeSystems?: readonly SystemName[];
  log?: (message: string) => void;
}

export interface ReindexMeasure {
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  embeddedChunks: number;
  phases: { loadSeconds: number; embedAndLexicalSeconds: number; writeSeconds: number };
}

export interface BenchReport {
  corpus: { seed: number; generated: number; bundled: number; indexed: number; chunks: number; questions: number; answerable: number; unanswerable: number; respelled: number };
  retrieval: Record<SystemName, SystemEvaluation & { refusalAccuracy: number | null }>;
  answers: AnswerEvaluation;
  reindex: { full: ReindexMeasure; incremental: ReindexMeasure & { added: number; secondsRelativeToFull: number } };
  indexMb: Record<SystemName, number> & { dossierFiles: Record<string, number> };
  process: Partial<Record<SystemName, ProbeResult & { runs: number }>>;
  denseBuildSeconds: number;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; at: string };
}

const SYNTHETIC = "synthetic/";
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 100) / 100;

async function timedReindex(options: { dataDir: string; indexDir: string; embedder: GloveEmbeddings }): Promise<ReindexMeasure> {
  let loadDone = 0;
  let writeStart = 0;
  const report = await reindex({
    ...options,
    onProgress: (phase: ReindexPhase, done) => {
      const now = performance.now();
      if (phase === "load") loadDone = now;
      if (phase === "write" && done === 0) writeStart = now;
    },
  });
  const end = performance.now();
  const start = end - report.elapsedMs;
  const seconds = report.elapsedMs / 1000;
  return {
    articles: report.articles,
    seconds,
    articlesPerSecond: report.articles / seconds,
    embeddedChunks: report.embeddedChunks,
    phases: {
      loadSeconds: (loadDone - start) / 1000,
      embedAndLexicalSeconds: ((writeStart || end) - loadDone) / 1000,
      writeSeconds: (end - (writeStart || end)) / 1000,
    },
  };
}

async function median(runs: number, measure: () => Promise<ProbeResult>): Promise<ProbeResult & { runs: number }> {
  const results: ProbeResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure());
  const sorted = [...results].sort((a, b) => a.coldStartMs - b.coldStartMs);
  const mid = sorted[Math.floor(sorted.length / 2)] as ProbeResult;
  // Memory from the run that answered every question (the first), cold start as the median.
  const first = results[0] as ProbeResult;
  return { ...first, coldStartMs: Math.round(mid.coldStartMs), runs };
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 42;
  const extra = Math.max(1, Math.round(options.articles / 100));
  log(`generating ${options.articles} articles (+${extra} held out) with seed ${seed}…`);
  const corpus = generateCorpus({ articles: options.articles, seed, heldOut: extra, ...(options.questions === undefined ? {} : { questions: options.questions }) });
  const questions: BenchQuestion[] = corpus.questions.map((q) => ({
    ...q,
    expectedPath: q.expectedPath === null ? null : SYNTHETIC + q.expectedPath,
    expectedPaths: q.expectedPaths.map((p) => SYNTHETIC + p),
  }));
  const dataDir = path.join(options.workDir, "data");
  const indexDir = path.join(options.workDir, "index");
  await fs.mkdir(dataDir, { recursive: true });
  let bundled = 0;
  if (options.bundledDir !== null) {
    await fs.cp(options.bundledDir, dataDir, { recursive: true });
    bundled = (await fs.readdir(options.bundledDir)).filter((f) => !f.startsWith(".") && !/^readme/i.test(f)).length;
  }
  await writeArticles(path.join(dataDir, SYNTHETIC), corpus.articles);

  log("full re-index…");
  const full = await timedReindex({ dataDir, indexDir, embedder: options.embedder });
  const dossierBytes = await diskBytes(indexDir);
  const manifest = JSON.parse(await fs.readFile(path.join(indexDir, "manifest.json"), "utf8")) as { generation: string; chunks: number };
  const dossierFiles = Object.fromEntries(Object.entries(await fileSizes(path.join(indexDir, manifest.generation))).map(([k, v]) => [k, mb(v)]));

  log("evaluating dossier (answers, then retrieval)…");
  const service = await openAnswerService({ indexDir, embedder: options.embedder, rarity: options.embedder, watch: false });
  const answers = await evaluateAnswers(service, questions);
  const index = service.current;
  const dossier = await evaluateSystem(
    dossierRetrieval(new HybridRetriever({ index, embedder: options.embedder }), { reranker: createReader({ rarity: options.embedder }), vocabulary: index.vocabulary }),
    questions,
  );
  const bm25 = await evaluateSystem(bm25Only(index), questions);
  log("building and evaluating the LangChain HNSWLib baseline…");
  const dense = await buildDenseBaseline(index, await readVectors(indexDir, index.manifest), new LangChainEmbeddings(options.embedder));
  const denseEval = await evaluateSystem(denseBaseline(dense.store), questions);
  const denseDir = path.join(options.workDir, "dense-store");
  await dense.store.save(denseDir);
  const denseBytes = await diskBytes(denseDir);
  const lexicalBytes = await diskBytes(path.join(indexDir, manifest.generation, files.lexical));
  service.close();

  const probes: BenchReport["process"] = {};
  const runs = options.probeRuns ?? 3;
  if (runs > 0) {
    const questionsFile = path.join(options.workDir, "probe-questions.json");
    await fs.writeFile(questionsFile, JSON.stringify(questions.map((q) => q.question)));
    for (const system of options.probeSystems ?? (["dossier", "dense", "bm25"] as const)) {
      log(`cold start and memory: ${system}…`);
      const dir = system === "dense" ? denseDir : indexDir;
      probes[system] = await median(runs, () => runProbe({ system, indexDir: dir, cacheDir: options.cacheDir, questionsFile }));
    }
  }

  log(`incremental re-index (+${corpus.heldOut.length} articles)…`);
  await writeArticles(path.join(dataDir, SYNTHETIC), corpus.heldOut);
  const inc = await timedReindex({ dataDir, indexDir, embedder: options.embedder });

  const answerable = questions.filter((q) => !q.refuse).length;
  return {
    corpus: {
      seed,
      generated: corpus.articles.length,
      bundled,
      indexed: full.articles,
      chunks: manifest.chunks,
      questions: questions.length,
      answerable,
      unanswerable: questions.length - answerable,
      respelled: questions.filter((q) => q.respelled).length,
    },
    retrieval: {
      dossier: { ...dossier, refusalAccuracy: answers.refusalAccuracy },
      dense: { ...denseEval, refusalAccuracy: null },
      bm25: { ...bm25, refusalAccuracy: null },
    },
    answers,
    reindex: {
      full,
      incremental: {
        ...inc,
        added: corpus.heldOut.length,
        articlesPerSecond: corpus.heldOut.length / inc.seconds,
        secondsRelativeToFull: inc.seconds / full.seconds,
      },
    },
    indexMb: { dossier: mb(dossierBytes), dense: mb(denseBytes), bm25: mb(lexicalBytes), dossierFiles },
    process: probes,
    denseBuildSeconds: dense.buildSeconds,
    environment: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", at: new Date().toISOString() },
  };
}
