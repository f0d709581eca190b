/**
 * `npm run fit-weights -- [--write] [--synthetic N]` — fits the reader's scoring weights on the dev
 * half of the evaluation questions (never the test half), plus, with `--synthetic N`, the questions
 * of a generated corpus of N articles with seed 7 (the benchmark uses seed 42, so its questions stay
 * unseen), and prints them; `--write` puts them into src/answer/reader/reader-weights.ts with a note
 * of how they were fitted.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { READER_WEIGHTS, type ReaderWeights } from "../answer/reader/reader-weights.js";
import { quoteSpan } from "../answer/reader/compose-answer.js";
import { loadConfig } from "../config.js";
import { createAppLogger, createEmbedder, createReader } from "../compose.js";
import { buildCollection } from "../bench/eval/eval-collection.js";
import { loadEvalQuestions, type Collection } from "../bench/eval/eval-questions.js";
import { fitWeights, type TrainingQuestion } from "../bench/fit/fit-weights.js";
import { generateCorpus, writeArticles } from "../bench/generate-corpus.js";
import { reindex } from "../ingest/reindex.js";
import { LoadedIndex } from "../index/loaded-index.js";
import { HybridRetriever } from "../retrieval/hybrid-retriever.js";
import { findPassages } from "../service/find-passages.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run fit-weights -- [--write] [--synthetic N]";
const SYNTHETIC_SEED = 7;
const WEIGHTS_FILE = "src/answer/reader/reader-weights.ts";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["synthetic"], booleans: ["write"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const logger = createAppLogger(config, "warn");
  const questions = (await loadEvalQuestions(path.resolve("eval/questions"))).filter((q) => q.split === "dev");
  const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger });
  const reader = createReader({ rarity: embedder });
  const loose: ReaderWeights = { ...READER_WEIGHTS, minCoverage: 0, minScore: -Infinity };
  const training: TrainingQuestion[] = [];
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-fit-"));
  try {
    for (const collection of [...new Set(questions.map((q) => q.collection))] as Collection[]) {
      const built = await buildCollection({ collection, bundledDir: config.dataDir, corpusDir: path.resolve("eval/corpus"), workDir, embedder, logger });
      const index = await LoadedIndex.load({ indexDir: built.indexDir, embedder });
      const retriever = new HybridRetriever({ index, embedder });
      for (const q of questions.filter((x) => x.collection === collection)) {
        const reading = reader.read(q.question, index.vocabulary);
        if (reading.collection !== null || reading.offTopic) continue;
        const retrievalText = q.previous === undefined ? q.question : `${q.question} ${q.previous}`;
        const passages = await findPassages({ retriever, reranker: reader, vocabulary: index.vocabulary, question: q.question, retrievalText });
        const followUp = q.previous === undefined ? {} : { followUp: { previousQuestion: q.previous } };
        const candidates = reader.evidence(reading, { passages, vocabulary: index.vocabulary, ...followUp }, loose).map((e) => {
          const { start, end } = quoteSpan(e);
          const quote = e.article.text.slice(start, end).toLowerCase();
          const positive = q.expect.sources.includes(e.article.path) && q.expect.facts.every((g) => g.some((alt) => alt.toLowerCase() === "yes" || quote.includes(alt.toLowerCase())));
          return { features: e.features, positive };
        });
        training.push({ id: q.id, refuse: q.expect.refuse, candidates });
      }
      index.close();
    }
    const synthetic = Number(args.values.synthetic ?? 0);
    if (synthetic > 0) {
      const corpus = generateCorpus({ articles: synthetic, seed: SYNTHETIC_SEED, questions: Math.round(synthetic * 0.3) });
      const dataDir = path.join(workDir, "synthetic-data");
      const indexDir = path.join(workDir, "synthetic-index");
      await writeArticles(dataDir, corpus.articles);
      await reindex({ dataDir, indexDir, embedder, logger });
      const index = await LoadedIndex.load({ indexDir, embedder });
      const retriever = new HybridRetriever({ index, embedder });
      for (const q of corpus.questions) {
        const reading = reader.read(q.question, index.vocabulary);
        const passages = await findPassages({ retriever, reranker: reader, vocabulary: index.vocabulary, question: q.question, retrievalText: q.question });
        const candidates = reader.evidence(reading, { passages, vocabulary: index.vocabulary }, loose).map((e) => {
          const { start, end } = quoteSpan(e);
          const quote = e.article.text.slice(start, end);
          return { features: e.features, positive: q.expectedPaths.includes(e.article.path) && q.acceptableFacts.some((f) => quote.includes(f)) };
        });
        training.push({ id: q.id, refuse: q.refuse, candidates });
      }
      index.close();
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  const reachable = training.filter((t) => t.refuse || t.candidates.some((c) => c.positive)).length;
  const { weights, right, before, wrong, wrongBefore } = fitWeights(training, READER_WEIGHTS);
  const what = `${training.length} questions (eval dev half${args.values.synthetic === undefined ? "" : ` + synthetic seed ${SYNTHETIC_SEED}, ${args.values.synthetic} articles`}; ${reachable} with a right window to find)`;
  const fitted = `coordinate ascent on ${what}: ${before} → ${right} right, ${wrongBefore} → ${wrong} answered wrong (npm run fit-weights${args.values.synthetic === undefined ? "" : ` -- --synthetic ${args.values.synthetic}`}, ${new Date().toISOString().slice(0, 10)})`;
  console.log(fitted);
  console.log(JSON.stringify({ features: weights.features, minCoverage: weights.minCoverage, minScore: weights.minScore }, null, 2));
  if (args.flags.has("write")) {
    let source = await fs.readFile(WEIGHTS_FILE, "utf8");
    const body = Object.entries(weights.features).map(([k, v]) => `    ${k}: ${v},`).join("\n");
    source = source.replace(/ {2}features: \{\n[\s\S]*?\n {2}\},/, `  features: {\n${body}\n  },`);
    source = source.replace(/minCoverage: [\d.]+,/, `minCoverage: ${weights.minCoverage},`);
    source = source.replace(/minScore: [\d.-]+,/, `minScore: ${weights.minScore},`);
    source = source.replace(/fitted: "[^"]*",/, `fitted: ${JSON.stringify(fitted)},`);
    await fs.writeFile(WEIGHTS_FILE, source);
    console.log(`wrote ${WEIGHTS_FILE}`);
  }
  return 0;
});
