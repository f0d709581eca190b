/**
 * Fits the reader's weights on training questions by coordinate ascent: for every question the
 * evidence windows that pass the gate are collected once with their features and a label (is the
 * window from an acceptable article, and does its quote hold every key fact?); then each weight in
 * turn is set to the value on a grid that does best — the best window is a right one for
 * answerable questions, and no window passes for must-refuse ones. "Best" charges a wrong answer
 * as much as a right one earns (`WRONG_COST`): an answer with real citations that is wrong is
 * worse than saying the articles don't cover it, so the fit may raise the score a window needs.
 */
import type { Features, ReaderWeights } from "../../answer/reader/reader-weights.js";

export interface TrainingCandidate {
  features: Features;
  positive: boolean;
}

export interface TrainingQuestion {
  id: string;
  refuse: boolean;
  candidates: TrainingCandidate[];
}

const GRID = [-1, -0.5, -0.25, -0.1, 0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3];
/** Features that can only count for a window, never against it (a prior that keeps the fit sensible on few questions). */
const NON_NEGATIVE: ReadonlySet<keyof Features> = new Set(["coverage", "ownCoverage", "answerType", "articleCoverage", "definition", "predicateCoverage", "recency", "yearInSentence"]);
const COVERAGE_GRID = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];
const SCORE_GRID = [0, 2.5, 3, 3.25, 3.5, 3.75, 4, 4.25, 4.5, 4.75, 5];
/** What a wrong answer costs, in right answers. */
export const WRONG_COST = 1;

function score(f: Features, w: ReaderWeights["features"]): number {
  let s = 0;
  for (const k of Object.keys(f) as (keyof Features)[]) s += w[k] * f[k];
  return s;
}

/** How each question comes out under `weights`: right, wrong (an answer that is not right), or refused wrongly (not counted). */
export function outcomes(questions: readonly TrainingQuestion[], weights: ReaderWeights): { right: number; wrong: number } {
  let right = 0;
  let wrong = 0;
  for (const q of questions) {
    let best: TrainingCandidate | null = null;
    let bestScore = -Infinity;
    for (const c of q.candidates) {
      if (c.features.coverage < weights.minCoverage) continue;
      const s = score(c.features, weights.features);
      if (s < weights.minScore) continue;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (q.refuse ? best === null : best?.positive === true) right++;
    else if (best !== null) wrong++;
  }
  return { right, wrong };
}

/** Questions answered right under `weights`. */
export function objective(questions: readonly TrainingQuestion[], weights: ReaderWeights): number {
  return outcomes(questions, weights).right;
}

/** What the fit maximises: right answers, less `WRONG_COST` per wrong one. */
export function utility(questions: readonly TrainingQuestion[], weights: ReaderWeights): number {
  const o = outcomes(questions, weights);
  return o.right - WRONG_COST * o.wrong;
}

/** Coordinate ascent from `start` on `utility`; ties keep the current value (so unneeded features stay put). */
export function fitWeights(
  questions: readonly TrainingQuestion[],
  start: ReaderWeights,
  rounds = 4,
): { weights: ReaderWeights; right: number; before: number; wrong: number; wrongBefore: number } {
  const first = outcomes(questions, start);
  let weights: ReaderWeights = { ...start, features: { ...start.features } };
  let best = utility(questions, weights);
  const tryWeights = (trial: ReaderWeights): boolean => {
    const u = utility(questions, trial);
    if (u <= best) return false;
    best = u;
    weights = trial;
    return true;
  };
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (const k of Object.keys(weights.features) as (keyof Features)[]) {
      if (k === "followed") continue; // no training data carries a conversation's cited articles
      for (const v of GRID) {
        if (v < 0 && NON_NEGATIVE.has(k)) continue;
        if (tryWeights({ ...weights, features: { ...weights.features, [k]: v } })) improved = true;
      }
    }
    for (const v of COVERAGE_GRID) if (tryWeights({ ...weights, minCoverage: v })) improved = true;
    for (const v of SCORE_GRID) if (tryWeights({ ...weights, minScore: v })) improved = true;
    if (!improved) break;
  }
  const last = outcomes(questions, weights);
  return { weights, right: last.right, before: first.right, wrong: last.wrong, wrongBefore: first.wrong };
}
