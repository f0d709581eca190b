/**
 * An answer in the answerer's current shape, shared by the adapter tests: a one-line answer, and
 * three citations from two articles (two quotes from one story), with the optional `reason` and
 * `language` fields that renderers ignore.
 */
import type { Answer, Citation } from "../../src/core/types.js";

const TEHRAN = {
  title: "Azerbaijan calls for stronger ties with Iranian labor unions",
  source: "Tehran Times",
  date: "2019-06-19",
  url: "https://www.tehrantimes.com/news/437555/Azerbaijan-calls-for-stronger-ties",
  path: "2019-06-19-tehran-times-azerbaijan-iran-labor.md",
};

const AZERTAC = {
  title: "Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK",
  source: "AZERTAC",
  date: "2025-11-04",
  url: null,
  path: "2025-11-04-azertac-kyrgyz-trade-unions.md",
};

export const GROUPED_CITATIONS: Citation[] = [
  { n: 1, ...TEHRAN, quote: "Sahil Babayev called for expanding cooperation with Iranian labor unions in a meeting with Iranian Labor Minister Mohammad Shariatmadari." },
  { n: 2, ...AZERTAC, quote: "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared his views on the development of cooperation." },
  { n: 3, ...TEHRAN, quote: "The two sides discussed the exchange of experience between the trade unions of the two countries." },
];

/** "Iran [1] [3] and Kyrgyzstan [2]." — citation 3 comes from the same article as citation 1. */
export function groupedAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "Which countries' unions has Azerbaijan met?",
    answer: "Iran [1] [3] and Kyrgyzstan [2].",
    grounded: true,
    citations: GROUPED_CITATIONS,
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    language: "en",
    ...overrides,
  };
}

/** An ungrounded answer carrying the optional `reason` field. */
export function notCoveredAnswer(): Answer {
  return {
    question: "What is the minimum wage in Iran?",
    answer: "The indexed articles don't cover that.",
    grounded: false,
    citations: [],
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
    reason: "not_covered",
    language: "en",
  };
}

/** An LLM-mode answer to a Russian question: the quote in English, with the model's translation. */
export function translatedAnswer(): Answer {
  const [, kyrgyz] = GROUPED_CITATIONS;
  return groupedAnswer({
    question: "Кто возглавляет Федерацию профсоюзов Кыргызстана?",
    answer: "Мурадил Джумадилде [1].",
    citations: [{ ...kyrgyz!, n: 1, translation: "Мурадил Джумадилде, председатель Федерации профсоюзов Кыргызстана, поделился мнением о развитии сотрудничества." }],
    language: "ru",
  });
}
