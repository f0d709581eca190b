/**
 * Totals of an evaluation run: overall, per split and per category, with the targets' measures —
 * fully right, unfaithful quotes, wrong answers carrying citations, must-refuse questions refused,
 * false refusals — and the text report `npm run eval` prints.
 */
import type { Answer } from "../../core/types.js";
import type { EvalQuestion } from "./eval-questions.js";
import type { Score } from "./score-answer.js";
import { PERTURBATIONS, type Perturbation } from "./perturb-question.js";

export interface EvalResult {
  question: EvalQuestion;
  answer: Answer;
  score: Score;
}

export interface Totals {
  questions: number;
  fullyRight: number;
  unfaithful: number;
  wrongWithCitation: number;
  mustRefuse: number;
  refused: number;
  answerable: number;
  falseRefusals: number;
  factsInAnswerLine: number;
}

export function totals(results: readonly EvalResult[]): Totals {
  const answerable = results.filter((r) => !r.question.expect.refuse);
  return {
    questions: results.length,
    fullyRight: results.filter((r) => r.score.ok).length,
    unfaithful: results.filter((r) => r.score.unfaithful).length,
    wrongWithCitation: results.filter((r) => r.score.wrongWithCitation).length,
    mustRefuse: results.length - answerable.length,
    refused: results.filter((r) => r.score.refused).length,
    answerable: answerable.length,
    falseRefusals: results.filter((r) => r.score.falseRefusal).length,
    factsInAnswerLine: answerable.filter((r) => r.score.factsInAnswerLine).length,
  };
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** One line of measures for a group of results. */
export function formatTotals(label: string, t: Totals): string {
  return [
    label.padEnd(18),
    `${String(t.fullyRight).padStart(3)}/${String(t.questions).padEnd(3)} ${pct(t.fullyRight, t.questions)} right`,
    `wrong+cited ${pct(t.wrongWithCitation, t.questions)}`,
    `refused ${t.mustRefuse === 0 ? "   n/a" : pct(t.refused, t.mustRefuse)}`,
    `false refusals ${pct(t.falseRefusals, t.answerable)}`,
    `unfaithful ${t.unfaithful}`,
  ].join("  ");
}

export interface ReportOptions {
  /** Print every failure with its problems and answer. */
  failures: boolean;
}

export function formatReport(results: readonly EvalResult[], options: ReportOptions): string {
  const lines: string[] = [];
  const splits = [...new Set(results.map((r) => r.question.split))].sort();
  lines.push(formatTotals("all", totals(results)));
  if (splits.length > 1) for (const s of splits) lines.push(formatTotals(`split ${s}`, totals(results.filter((r) => r.question.split === s))));
  for (const c of [...new Set(results.map((r) => r.question.collection))].sort()) {
    lines.push(formatTotals(`collection ${c}`, totals(results.filter((r) => r.question.collection === c))));
  }
  const all = totals(results);
  lines.push(`facts in the answer line itself: ${pct(all.factsInAnswerLine, all.answerable)} of answerable questions`);
  lines.push("", "by category:");
  for (const kind of [...new Set(results.map((r) => r.question.kind))].sort()) {
    lines.push(`  ${formatTotals(kind, totals(results.filter((r) => r.question.kind === kind)))}`);
  }
  if (options.failures) {
    const failed = results.filter((r) => !r.score.ok);
    if (failed.length > 0) lines.push("", "failures:");
    for (const f of failed) {
      lines.push(`  ${f.question.id} [${f.question.split} ${f.question.kind}] ${f.question.question}`);
      for (const p of f.score.problems) lines.push(`      - ${p}`);
      lines.push(`      answer: ${f.answer.answer.slice(0, 300)}`);
    }
  }
  return lines.join("\n");
}

/** One rightly answered question asked again as users type it (`npm run eval -- --perturb`). */
export interface PerturbedResult {
  id: string;
  kind: Perturbation;
  question: string;
  ok: boolean;
  answer: string;
}

/** Per perturbation: how many of the rightly answered questions stay right, and (on dev) which do not. */
export function formatPerturbed(results: readonly PerturbedResult[], options: { failures: boolean }): string {
  const lines = ["", "robustness (questions answered right, asked again as users type them):"];
  for (const kind of PERTURBATIONS) {
    const of = results.filter((r) => r.kind === kind);
    const ok = of.filter((r) => r.ok).length;
    lines.push(`  ${kind.padEnd(12)} ${`${ok}/${of.length}`.padStart(7)}  ${of.length === 0 ? "n/a" : `${((100 * ok) / of.length).toFixed(1)}%`} still right`);
  }
  if (options.failures) for (const r of results.filter((x) => !x.ok)) lines.push(`  ${r.id} [${r.kind}] ${r.question}\n      answer: ${r.answer.slice(0, 160)}`);
  return lines.join("\n");
}
