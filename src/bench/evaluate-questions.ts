/**
 * Runs the question set through each system and the answer service: ranks of the expected article
 * (recall@1, recall@5, MRR), per-question latency, and — for dossier's answers — whether the first
 * citation is the expected article, whether the key fact is in the answer, and refusals.
 */
import type { AnswerService } from "../core/types.js";
import type { BenchQuestion } from "./generate-corpus.js";
import { rankOf, summarizeLatency, summarizeRanks, type LatencySummary, type RankingSummary } from "./latency-stats.js";
import type { RankingSystem } from "./bench-systems.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

export interface SystemEvaluation extends RankingSummary {
  /** Per question (answerable and unanswerable), in-process, query embedding included. */
  latencyMs: LatencySummary;
}

export interface AnswerEvaluation {
  /** Answerable questions whose first citation is an expected article. */
  citationAt1: number;
  /** Answerable questions whose answer (text or quotes) contains the key fact. */
  factFound: number;
  /** Answerable questions refused (grounded false). */
  falseRefusals: number;
  /** Unanswerable questions refused. */
  refusalAccuracy: number;
  /** `service.ask` per question, all questions. */
  latencyMs: LatencySummary;
  answerable: number;
  unanswerable: number;
  /** By question kind (respelled-name questions grouped apart): first citation right, refused. */
  byKind: Record<string, { n: number; citationAt1: number; refused: number }>;
}

const WARM_UP = 30;
const norm = (s: string) => normalizeWhitespace(s).toLowerCase();

/** Ranks and times one system over every question (a warm-up pass first, untimed). */
export async function evaluateSystem(system: RankingSystem, questions: readonly BenchQuestion[]): Promise<SystemEvaluation> {
  for (const q of questions.slice(0, WARM_UP)) await system.rank(q.question);
  const ranks: (number | null)[] = [];
  const times: number[] = [];
  for (const q of questions) {
    const started = performance.now();
    const ranked = await system.rank(q.question);
    times.push(performance.now() - started);
    if (!q.refuse) ranks.push(rankOf(ranked, q.expectedPaths.length > 0 ? q.expectedPaths : [q.expectedPath ?? ""]));
  }
  return { ...summarizeRanks(ranks), latencyMs: summarizeLatency(times) };
}

/** End-to-end: asks the answer service every question. */
export async function evaluateAnswers(service: AnswerService, questions: readonly BenchQuestion[]): Promise<AnswerEvaluation> {
  for (const q of questions.slice(0, WARM_UP)) await service.ask(q.question);
  const times: number[] = [];
  let cited = 0;
  let facts = 0;
  let falseRefusals = 0;
  let refusals = 0;
  const byKind: AnswerEvaluation["byKind"] = {};
  for (const q of questions) {
    const started = performance.now();
    const answer = await service.ask(q.question);
    times.push(performance.now() - started);
    const kind = (byKind[q.respelled ? "respelled-name" : q.kind] ??= { n: 0, citationAt1: 0, refused: 0 });
    kind.n++;
    if (!answer.grounded) kind.refused++;
    if (q.refuse) {
      if (!answer.grounded) refusals++;
      continue;
    }
    if (!answer.grounded) falseRefusals++;
    const first = answer.citations[0]?.path;
    if (first !== undefined && q.expectedPaths.includes(first)) {
      cited++;
      kind.citationAt1++;
    }
    const said = norm([answer.answer, ...answer.citations.map((c) => c.quote)].join(" "));
    if (answer.grounded && q.acceptableFacts.some((f) => said.includes(norm(f)))) facts++;
  }
  const answerable = questions.filter((q) => !q.refuse).length;
  const unanswerable = questions.length - answerable;
  return {
    citationAt1: cited / (answerable || 1),
    factFound: facts / (answerable || 1),
    falseRefusals: falseRefusals / (answerable || 1),
    refusalAccuracy: refusals / (unanswerable || 1),
    latencyMs: summarizeLatency(times),
    answerable,
    unanswerable,
    byKind,
  };
}
