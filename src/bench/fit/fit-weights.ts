/**
 * Fits the reader's weights on training questions by coordinate ascent: for every question the
 * evidence windows that pass the gate are collected once with their features and a label (is the
 * window from an acceptable article, and does its quote hold every key fact?); then each weight in
 * turn is set to the value on a grid that answers the most questions right — the best window is a
 * right one for answerable questions, and no window passes for must-refuse ones.
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
const NON_NEGATIVE: ReadonlySet<keyof Features> = new Set(["coverage", "answerType", "articleCoverage", "definition", "predicateCoverage", "recency", "yearInSentence"]);
const COVERAGE_GRID = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75];

function score(f: Features, w: ReaderWeights["features"]): number {
  let s = 0;
  for (const k of Object.keys(f) as (keyof Features)[]) s += w[k] * f[k];
  return s;
}

/** Questions answered right under `weights`. */
export function objective(questions: readonly TrainingQuestion[], weights: ReaderWeights): number {
  let right = 0;
  for (const q of questions) {
    let best: TrainingCandidate | null = null;
    let bestScore = -Infinity;
    for (const c of q.candidates) {
      if (c.features.coverage < weights.minCoverage) continue;
      const s = score(c.features, weights.features);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (q.refuse ? best === null : best?.positive === true) right++;
  }
  return right;
}

/** Coordinate ascent from `start`; ties keep the current value (so unneeded features stay put). */
export function fitWeights(questions: readonly TrainingQuestion[], start: ReaderWeights, rounds = 4): { weights: ReaderWeights; right: number; before: number } {
  const before = objective(questions, start);
  let weights: ReaderWeights = { ...start, features: { ...start.features } };
  let right = before;
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (const k of Object.keys(weights.features) as (keyof Features)[]) {
      if (k === "followed") continue; // no training data carries a conversation's cited articles
      for (const v of GRID) {
        if (v < 0 && NON_NEGATIVE.has(k)) continue;
        const trial = { ...weights, features: { ...weights.features, [k]: v } };
        const r = objective(questions, trial);
        if (r > right) {
          right = r;
          weights = trial;
          improved = true;
        }
      }
    }
    for (const v of COVERAGE_GRID) {
      const trial = { ...weights, minCoverage: v };
      const r = objective(questions, trial);
      if (r > right) {
        right = r;
        weights = trial;
        improved = true;
      }
    }
    if (!improved) break;
  }
  return { weights, right, before };
}
