/**
 * `npm run gen-corpus -- --n N --out DIR [--seed S] [--questions Q]` — writes N synthetic news
 * articles (Markdown with front matter, in sub-folders by year) and `questions.json` (id, question,
 * expectedPath, fact, refuse, …) into DIR, deterministically for a seed. Used by `npm run bench`.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { generateCorpus, writeArticles } from "../bench/generate-corpus.js";
import { AppError } from "../core/errors.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run gen-corpus -- --n N --out DIR [--seed S] [--questions Q]";

function positiveInt(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new AppError("CONFIG_INVALID", `--${name} is required.\n${USAGE}`);
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AppError("CONFIG_INVALID", `--${name} must be a positive whole number (got "${raw}").\n${USAGE}`);
  return n;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["n", "out", "seed", "questions"], booleans: [] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const n = positiveInt("n", args.values.n);
  const out = args.values.out;
  if (out === undefined) throw new AppError("CONFIG_INVALID", `--out is required.\n${USAGE}`);
  const seed = positiveInt("seed", args.values.seed, 42);
  const corpus = generateCorpus({
    articles: n,
    seed,
    ...(args.values.questions === undefined ? {} : { questions: positiveInt("questions", args.values.questions) }),
  });
  await fs.mkdir(out, { recursive: true });
  await writeArticles(out, corpus.articles);
  await fs.writeFile(path.join(out, "questions.json"), `${JSON.stringify(corpus.questions, null, 2)}\n`);
  const refusals = corpus.questions.filter((q) => q.refuse).length;
  console.log(
    `Wrote ${corpus.articles.length} articles and ${corpus.questions.length} questions (${refusals} unanswerable) to ${path.resolve(out)} (seed ${seed}).`,
  );
  return 0;
});
