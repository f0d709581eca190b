/**
 * The reader's scoring weights, in one place. Each evidence window is scored as the weighted sum of
 * its features; the gate's coverage threshold and the share of the best score that another article
 * needs to be cited beside it are here too.
 *
 * How they were set: see `fitted` below (and `npm run fit-weights`, which refits them on the dev
 * half of the evaluation questions and synthetic ones, charging a wrong answer as much as a right
 * one earns — so `minScore` is where a weak window becomes a refusal).
 */
export interface Features {
  /** Weighted share of the question's terms found in the window (sentence, previous sentence, lead, title). */
  coverage: number;
  /** The same share found in the sentence itself. */
  ownCoverage: number;
  /** The sentence holds an answer of the asked kind that the question does not already contain. */
  answerType: number;
  /** Weighted share of the question's words the article uses anywhere. */
  articleCoverage: number;
  /** 1 / (1 + retrieval rank of the passage). */
  rank: number;
  /** The sentence is the article's first or second (news puts the main facts there). */
  lead: number;
  /** The sentence follows the retrieved passage (the answer sits in the next sentence). */
  after: number;
  /** How recent the article is among the candidates, when the question asks for the latest or the current state. */
  recency: number;
  /** The sentence names the year the question asks about. */
  yearInSentence: number;
  /** How close together the question's terms stand in the sentence. */
  proximity: number;
  /** The sentence defines an acronym, for "what is X?". */
  definition: number;
  /** Share of the sentence's words that the question does not already say (what it adds), capped at 1. */
  novelty: number;
  /** A short sentence that announces what follows ("…has several main tasks."): the answer is in the next one. */
  announces: number;
  /** Weighted share of the question's ordinary words (what is said, not who or where) found in the sentence itself. */
  predicateCoverage: number;
  /** Required names, places or numbers found only outside the sentence and the one before it (0–2): a weaker link. */
  farRequired: number;
  /** The article was cited by the previous answer of the conversation (follow-ups only; hand-set, not fitted). */
  followed: number;
}

export interface ReaderWeights {
  features: Record<keyof Features, number>;
  /** Below this coverage a window does not answer the question. */
  minCoverage: number;
  /** Below this score a window is too weak to answer with: refusing beats a likely wrong answer with real citations. */
  minScore: number;
  /** Another article is cited too (for list questions) when its best window scores at least this share of the best. */
  listShare: number;
  fitted: string;
}

export const READER_WEIGHTS: ReaderWeights = {
  features: {
    coverage: 1.5,
    ownCoverage: 0,
    answerType: 1.5,
    articleCoverage: 2,
    rank: 0.2,
    lead: 0.05,
    after: 0.1,
    recency: 1.5,
    yearInSentence: 0,
    proximity: 0.1,
    definition: 0.5,
    novelty: 0,
    announces: 0.2,
    predicateCoverage: 0,
    followed: 1,
    farRequired: 0.05,
  },
  minCoverage: 0.4,
  minScore: 3.5,
  listShare: 0.6,
  fitted: "coordinate ascent on 466 questions (eval dev half + synthetic seed 7, 1000 articles; 414 with a right window to find), charging a wrong answer as much as a right one earns, own-sentence coverage never counting against a window: 373 → 375 right, 73 → 65 answered wrong (npm run fit-weights -- --synthetic 1000 --write, 2026-12-02)",
};
