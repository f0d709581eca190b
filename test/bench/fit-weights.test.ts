import { describe, expect, it } from "vitest";
import { READER_WEIGHTS, type Features, type ReaderWeights } from "../../src/answer/reader/reader-weights.js";
import { fitWeights, objective, outcomes, utility, WRONG_COST, type TrainingCandidate, type TrainingQuestion } from "../../src/bench/fit/fit-weights.js";
import { Prng } from "../../src/bench/prng.js";

const FEATURE_KEYS = Object.keys(READER_WEIGHTS.features) as (keyof Features)[];
/** Features that the fit's stated prior keeps from counting against a window. */
const NON_NEGATIVE: (keyof Features)[] = ["coverage", "ownCoverage", "answerType", "articleCoverage", "definition", "predicateCoverage", "recency", "yearInSentence"];

function features(values: Partial<Features>): Features {
  return { ...(Object.fromEntries(FEATURE_KEYS.map((k) => [k, 0])) as unknown as Features), ...values };
}

const candidate = (positive: boolean, values: Partial<Features>): TrainingCandidate => ({ positive, features: features(values) });

/** Weights that score by coverage alone. */
const COVERAGE_ONLY: ReaderWeights = { ...READER_WEIGHTS, minCoverage: 0.35, minScore: 0, features: { ...features({}), coverage: 1 } };

/** Two questions the start gets wrong: a wrong window covering more, and a must-refuse question with a weak window. */
const TRAINING: TrainingQuestion[] = [
  { id: "answer", refuse: false, candidates: [candidate(true, { coverage: 0.8, answerType: 1 }), candidate(false, { coverage: 0.9 })] },
  { id: "refuse", refuse: true, candidates: [candidate(false, { coverage: 0.4 })] },
];

describe("objective", () => {
  it("counts a question right when its best window is a right one", () => {
    const easy: TrainingQuestion = { id: "q", refuse: false, candidates: [candidate(false, { coverage: 0.5 }), candidate(true, { coverage: 0.9 })] };
    expect(objective([easy], COVERAGE_ONLY)).toBe(1);
    expect(objective([{ ...easy, candidates: [candidate(true, { coverage: 0.5 }), candidate(false, { coverage: 0.9 })] }], COVERAGE_ONLY)).toBe(0);
  });

  it("counts an answerable question wrong when no window passes the coverage threshold", () => {
    expect(objective([{ id: "q", refuse: false, candidates: [candidate(true, { coverage: 0.3 })] }], COVERAGE_ONLY)).toBe(0);
    expect(objective([{ id: "q", refuse: false, candidates: [] }], COVERAGE_ONLY)).toBe(0);
  });

  it("counts a refusal right when no window passes, wrong when one does", () => {
    expect(objective([{ id: "r", refuse: true, candidates: [candidate(false, { coverage: 0.2 })] }], COVERAGE_ONLY)).toBe(1);
    expect(objective([{ id: "r", refuse: true, candidates: [] }], COVERAGE_ONLY)).toBe(1);
    expect(objective(TRAINING.slice(1), COVERAGE_ONLY)).toBe(0);
    expect(objective(TRAINING.slice(1), { ...COVERAGE_ONLY, minCoverage: 0.5 })).toBe(1);
  });

  it("adds up over questions", () => {
    expect(objective(TRAINING, COVERAGE_ONLY)).toBe(0);
    expect(objective(TRAINING, { ...COVERAGE_ONLY, minCoverage: 0.5, features: { ...COVERAGE_ONLY.features, answerType: 1 } })).toBe(2);
  });
});

describe("fitWeights", () => {
  it("improves a tiny training set and reports before and after", () => {
    const fit = fitWeights(TRAINING, COVERAGE_ONLY);
    expect(fit.before).toBe(0);
    expect(fit.right).toBe(2);
    expect(objective(TRAINING, fit.weights)).toBe(fit.right);
    expect(fit.weights.minCoverage).toBeGreaterThan(0.4);
  });

  it("does not change the start weights it was given", () => {
    const start = structuredClone(COVERAGE_ONLY);
    fitWeights(TRAINING, start);
    expect(start).toEqual(COVERAGE_ONLY);
  });

  it("never lowers the utility (right less the cost of wrong answers), on any training set", () => {
    const rng = new Prng(7);
    for (let round = 0; round < 5; round++) {
      const questions: TrainingQuestion[] = Array.from({ length: 12 }, (_, i) => ({
        id: `q${i}`,
        refuse: rng.next() < 0.3,
        candidates: Array.from({ length: 1 + rng.int(4) }, () =>
          candidate(rng.next() < 0.4, Object.fromEntries(FEATURE_KEYS.map((k) => [k, Math.round(rng.next() * 10) / 10]))),
        ),
      }));
      const fit = fitWeights(questions, READER_WEIGHTS, 2);
      expect(fit.before).toBe(objective(questions, READER_WEIGHTS));
      expect(fit.right - WRONG_COST * fit.wrong).toBeGreaterThanOrEqual(fit.before - WRONG_COST * fit.wrongBefore);
      expect(utility(questions, fit.weights)).toBe(fit.right - WRONG_COST * fit.wrong);
    }
  });

  it("keeps non-negative features non-negative, while others may go below zero", () => {
    // Only a negative coverage weight (not allowed) or a negative lead weight (allowed) picks the right window.
    const questions: TrainingQuestion[] = [
      { id: "cov", refuse: false, candidates: [candidate(false, { coverage: 0.9, answerType: 1 }), candidate(true, { coverage: 0.5, answerType: 0.4 })] },
      { id: "lead", refuse: false, candidates: [candidate(false, { coverage: 0.6, lead: 1 }), candidate(true, { coverage: 0.6 })] },
    ];
    const fit = fitWeights(questions, COVERAGE_ONLY);
    for (const k of NON_NEGATIVE) expect(fit.weights.features[k], k).toBeGreaterThanOrEqual(0);
    expect(fit.weights.features.lead).toBeLessThan(0);
    expect(objective(questions.slice(1), fit.weights)).toBe(1);
  });

  it("leaves the conversation feature as it was (no training data carries it)", () => {
    const questions: TrainingQuestion[] = [{ id: "f", refuse: false, candidates: [candidate(false, { coverage: 0.6 }), candidate(true, { coverage: 0.6, followed: 1 })] }];
    const fit = fitWeights(questions, { ...COVERAGE_ONLY, features: { ...COVERAGE_ONLY.features, followed: 0 } });
    expect(fit.weights.features.followed).toBe(0);
  });
});

describe("fitWeights: refusing beats a wrong answer", () => {
  it("raises the score a window needs when only weak windows are wrong", () => {
    const questions: TrainingQuestion[] = [
      { id: "strong", refuse: false, candidates: [candidate(true, { coverage: 0.9 })] },
      { id: "weak-wrong", refuse: false, candidates: [candidate(false, { coverage: 0.5 })] },
      { id: "weak-wrong-2", refuse: false, candidates: [candidate(false, { coverage: 0.45 })] },
    ];
    const start = { ...COVERAGE_ONLY, minCoverage: 0.35, minScore: 0, features: { ...COVERAGE_ONLY.features, coverage: 5 } };
    expect(outcomes(questions, start)).toEqual({ right: 1, wrong: 2 });
    const fit = fitWeights(questions, start);
    expect(fit.right).toBe(1);
    expect(fit.wrong).toBe(0);
  });
});
