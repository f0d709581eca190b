/**
 * `npm run eval -- [--split dev|test|holdout|all] [--questions FILE|DIR] [--json] [--failures] [--perturb]`
 * Scores the answer engine on the evaluation questions (eval/questions/), each set against its own
 * collection built into a temporary index: the bundled articles, or those plus the development
 * corpus (eval/corpus). Prints the measures per split and category. Tune on `dev`; score `test` and
 * `holdout` only at the end. Exit 1 when any quote is not verbatim (a broken contract), else 0.
 * `--perturb` also asks every rightly answered question again with a typo, two typos, and in chat
 * style (lower case, no apostrophes), and reports how many stay right.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import { createAppLogger, createConfiguredAnswering, createEmbedder, openAnswerService } from "../compose.js";
import { AppError } from "../core/errors.js";
import { buildCollection, type BuiltCollection } from "../bench/eval/eval-collection.js";
import { loadEvalQuestions, SPLITS, type Collection } from "../bench/eval/eval-questions.js";
import { formatPerturbed, formatReport, totals, type EvalResult, type PerturbedResult } from "../bench/eval/eval-report.js";
import { scoreAnswer } from "../bench/eval/score-answer.js";
import { perturb, PERTURBATIONS } from "../bench/eval/perturb-question.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run eval -- [--split dev|test|holdout|all] [--questions FILE|DIR] [--json] [--failures] [--perturb]";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["questions", "split"], booleans: ["json", "failures", "perturb"] }, USAGE);
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
  const perturbed: PerturbedResult[] = [];
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
          const score = scoreAnswer(q, answer, built.texts);
          results.push({ question: q, answer, score });
          // Robustness: a right answer to an answerable question should survive how people type.
          if (!args.flags.has("perturb") || !score.ok || q.expect.refuse || q.kind === "nonenglish") continue;
          for (const kind of PERTURBATIONS) {
            const variant = perturb(q.question, kind, q.id);
            if (variant === q.question) continue;
            const conversation = `eval:${q.id}:${kind}`;
            if (q.previous !== undefined) await service.ask(q.previous, { conversationId: conversation });
            const again = await service.ask(variant, { conversationId: conversation });
            perturbed.push({ id: q.id, kind, question: variant, ok: scoreAnswer({ ...q, question: variant }, again, built.texts).ok, answer: again.answer });
          }
        }
      } finally {
        service.close();
      }
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  if (args.flags.has("json")) {
    console.log(JSON.stringify({ split, totals: totals(results), ...(args.flags.has("perturb") ? { perturbed } : {}), results: results.map((r) => ({ id: r.question.id, kind: r.question.kind, split: r.question.split, ok: r.score.ok, problems: r.score.problems, answer: r.answer })) }, null, 2));
  } else {
    console.log(`npm run eval — split ${split}, ${results.length} questions`);
    // Failures are listed for the split tuned on; held-out ones are only scored.
    const tunedOn = split !== "test" && split !== "holdout";
    console.log(formatReport(results, { failures: args.flags.has("failures") || tunedOn }));
    if (args.flags.has("perturb")) console.log(formatPerturbed(perturbed, { failures: tunedOn }));
  }
  return results.some((r) => r.score.unfaithful) ? 1 : 0;
});
