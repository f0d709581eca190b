/**
 * `npm run eval -- [--questions FILE] [--data DIR] [--index DIR] [--json]`
 * Scores the answer engine on a question set: right source first, key facts in the answer,
 * refusal when it should refuse, every quote verbatim. Prints the score and every failure.
 * Exit 1 when any quote is not verbatim (a broken contract), else 0.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../config.js";
import type { Answer } from "../core/types.js";
import { createAppLogger, createEmbedder, ensureFreshIndex, openAnswerService } from "../compose.js";
import { quoteIsVerbatim } from "../text/verify-quote.js";
import { loadArticles } from "../ingest/load-articles.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";

const USAGE = "Usage: npm run eval -- [--questions FILE] [--data DIR] [--index DIR] [--json]";

interface EvalQuestion {
  id: string;
  question: string;
  kind: string;
  previous?: string;
  expect: { refuse: boolean; sources: string[]; facts: string[][] };
}

interface Result {
  id: string;
  kind: string;
  question: string;
  ok: boolean;
  problems: string[];
  answer: Answer;
}

function check(q: EvalQuestion, answer: Answer, texts: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const c of answer.citations) {
    const text = texts.get(c.path);
    if (text === undefined || !quoteIsVerbatim(c.quote, text)) problems.push(`quote [${c.n}] not verbatim in ${c.path}`);
  }
  for (const m of answer.answer.matchAll(/\[(\d+)\]/g)) {
    if (!answer.citations.some((c) => c.n === Number(m[1]))) problems.push(`marker [${m[1]}] has no citation`);
  }
  if (q.expect.refuse) {
    if (answer.grounded || answer.citations.length > 0) problems.push("should refuse but answered");
    return problems;
  }
  if (!answer.grounded) return [...problems, "refused an answerable question"];
  const first = answer.citations[0]?.path;
  if (first === undefined || !q.expect.sources.includes(first)) problems.push(`first source ${first ?? "none"} not in ${q.expect.sources.join(", ")}`);
  if (q.kind === "multi") {
    const cited = new Set(answer.citations.map((c) => c.path));
    const missing = q.expect.sources.filter((s) => !cited.has(s));
    if (missing.length > 0) problems.push(`multi-article answer does not cite ${missing.join(", ")}`);
  }
  const lower = answer.answer.toLowerCase();
  for (const fact of q.expect.facts) {
    if (!fact.some((alt) => lower.includes(alt.toLowerCase()))) problems.push(`missing fact ${fact.join(" / ")}`);
  }
  return problems;
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["questions", "data", "index"], booleans: ["json"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const logger = createAppLogger(config, "warn");
  const dataDir = path.resolve(args.values.data ?? config.dataDir);
  const indexDir = args.values.index ?? (await fs.mkdtemp(path.join(os.tmpdir(), "dossier-eval-")));
  const questions = JSON.parse(await fs.readFile(args.values.questions ?? "eval/questions/original.json", "utf8")) as EvalQuestion[];
  const embedder = await createEmbedder({ cacheDir: config.cacheDir, logger });
  await ensureFreshIndex({ config: { dataDir, indexDir }, embedder, logger });
  const service = await openAnswerService({ indexDir, embedder, rarity: embedder, logger, watch: false });
  const texts = new Map((await loadArticles({ dataDir })).articles.map((a) => [a.path, a.text]));

  const results: Result[] = [];
  for (const q of questions) {
    const conversationId = `eval:${q.id}`;
    if (q.previous !== undefined) await service.ask(q.previous, { conversationId });
    const answer = await service.ask(q.question, { conversationId });
    const problems = check(q, answer, texts);
    results.push({ id: q.id, kind: q.kind, question: q.question, ok: problems.length === 0, problems, answer });
  }
  if (args.values.index === undefined) await fs.rm(indexDir, { recursive: true, force: true });

  const answerable = results.filter((r) => !questions.find((q) => q.id === r.id)?.expect.refuse);
  const unanswerable = results.filter((r) => questions.find((q) => q.id === r.id)?.expect.refuse);
  const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
  const rightSource = answerable.filter((r) => !r.problems.some((p) => p.startsWith("first source") || p.startsWith("refused"))).length;
  const facts = answerable.filter((r) => !r.problems.some((p) => p.startsWith("missing fact") || p.startsWith("refused"))).length;
  const refusals = unanswerable.filter((r) => r.ok).length;
  const verbatimFailures = results.filter((r) => r.problems.some((p) => p.includes("not verbatim"))).length;
  const summary = {
    questions: results.length,
    passed: results.filter((r) => r.ok).length,
    rightSourceFirst: pct(rightSource, answerable.length),
    keyFacts: pct(facts, answerable.length),
    refusals: pct(refusals, unanswerable.length),
    quotesVerbatim: pct(results.length - verbatimFailures, results.length),
    byKind: Object.fromEntries(
      [...new Set(results.map((r) => r.kind))].map((k) => {
        const of = results.filter((r) => r.kind === k);
        return [k, `${of.filter((r) => r.ok).length}/${of.length}`];
      }),
    ),
  };
  if (args.flags.has("json")) {
    console.log(JSON.stringify({ summary, failures: results.filter((r) => !r.ok) }, null, 2));
  } else {
    console.log(`Score: ${summary.passed}/${summary.questions} questions fully right`);
    console.log(`  right source first ${summary.rightSourceFirst} · key facts ${summary.keyFacts} · refusals ${summary.refusals} · quotes verbatim ${summary.quotesVerbatim}`);
    console.log(`  by kind: ${Object.entries(summary.byKind).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    const failures = results.filter((r) => !r.ok);
    if (failures.length > 0) console.log("\nFailures:");
    for (const f of failures) {
      console.log(`  ${f.id} [${f.kind}] ${f.question}`);
      for (const p of f.problems) console.log(`      - ${p}`);
      console.log(`      answer: ${f.answer.answer.slice(0, 240)}`);
    }
  }
  return verbatimFailures > 0 ? 1 : 0;
});
