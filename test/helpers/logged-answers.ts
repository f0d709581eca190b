/**
 * The answers and events the question-log store tests record (SQLite and PostgreSQL alike): one
 * grounded answer with three citations (two from one article), asked by one raw user id at T0.
 */
import type { AnsweredEvent } from "../../src/core/answer-log.js";
import type { Answer } from "../../src/core/types.js";

export const DAY = 86_400_000;
export const T0 = Date.parse("2025-11-10T12:00:00Z");
export const RAW_USER = "user-987654321-raw";

export function loggedAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
    answer: "Muradil Jumadilde [1].",
    grounded: true,
    citations: [
      { n: 1, title: "Kyrgyz unions", source: "AZERTAC", date: "2025-11-04", url: null, path: "kyrgyz.md", quote: "Muradil Jumadilde, Chairman" },
      { n: 2, title: "Kyrgyz unions", source: "AZERTAC", date: "2025-11-04", url: null, path: "kyrgyz.md", quote: "another quote" },
      { n: 3, title: "Tehran", source: "Tehran Times", date: "2025-10-01", url: null, path: "tehran.md", quote: "a quote" },
    ],
    language: "en",
    timings: { retrieveMs: 1.5, answerMs: 0.5, totalMs: 2.25 },
    ...overrides,
  };
}

/** The event of `answer` (default `loggedAnswer()`), asked at T0 by RAW_USER in a private Telegram chat. */
export function loggedEvent(id: string, overrides: Partial<AnsweredEvent> = {}, answer: Answer = loggedAnswer()): AnsweredEvent {
  return { id, at: T0, platform: "telegram", userId: RAW_USER, chat: "private", question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?", answer, llmFallback: false, ...overrides };
}
