/**
 * `npm run eval -- [--split dev|test|holdout|all] [--questions FILE|DIR] [--json] [--failures]`
 * Scores the answer engine on the evaluation questions (eval/questions/), each set against its own
 * collection built into a temporary index: the bundled articles, or those plus the development
 * corpus (eval/corpus). Prints the measures per split and category. Tune on `dev`; score `test` and
 * `holdout` only at the end. Exit 1 when any quote is not verbatim (a broken contract), else 0.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import { createAppLogger, createConfiguredAnswering, createEmbedder, openAnswerService } from "../compose.js";
import { AppError } from "../core/errors.js";
import { buildCollection, type BuiltCollection } from "../bench/eval/eval-collection.js";
import { loadEvalQuestions, SPLITS, type Collection } from "../bench/eval/eval-questions.js";
import { formatReport, totals, type EvalResult } from "../bench/eval/eval-report.js";
import { scoreAnswer } from "../bench/eval/score-answer.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run eval -- [--split dev|test|holdout|all] [--questions FILE|DIR] [--json] [--failures]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["questions", "split"], booleans: ["json", "failures"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const split = args.values.split ?? "dev";
  if (split !== "all" && !(SPLITS as readonly string[]).includes(split)) throw new AppError("CONFIG_INVALID", `--split must be ${SPLITS.join(", ")} or all.\n${USAGE}`);
  const config = loadConfig();
  const logger = createAppLogger(config, "warn");
  const questions = (await loadEvalQuestions(path.resolve(args.values.questions ?? "eval/questions"))).filter((q) => split === "all" || q.split === split);
  const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger });
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-eval-"));
  const results: EvalResult[] = [];
  try {
    for (const collection of [...new Set(questions.map((q) => q.collection))].sort() as Collection[]) {
      const built: BuiltCollection = await buildCollection({
        collection,
        bundledDir: config.dataDir,
        corpusDir: path.resolve("eval/corpus"),
        workDir,
        embedder,
        logger,
      });
      const { answerer, reranker } = await createConfiguredAnswering({ ...config, answerMode: "extractive" }, { rarity: embedder, logger });
      const service = await openAnswerService({ indexDir: built.indexDir, embedder, rarity: embedder, answerer, reranker, logger, watch: false });
      try {
        for (const q of questions.filter((x) => x.collection === collection)) {
          const conversationId = `eval:${q.id}`;
          if (q.previous !== undefined) await service.ask(q.previous, { conversationId });
          const answer = await service.ask(q.question, { conversationId });
          results.push({ question: q, answer, score: scoreAnswer(q, answer, built.texts) });
        }
      } finally {
        service.close();
      }
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  if (args.flags.has("json")) {
    console.log(JSON.stringify({ split, totals: totals(results), results: results.map((r) => ({ id: r.question.id, kind: r.question.kind, split: r.question.split, ok: r.score.ok, problems: r.score.problems, answer: r.answer })) }, null, 2));
  } else {
    console.log(`npm run eval — split ${split}, ${results.length} questions`);
    console.log(formatReport(results, { failures: args.flags.has("failures") || (split !== "test" && split !== "holdout") }));
  }
  return results.some((r) => r.score.unfaithful) ? 1 : 0;
});
