/** AnsweredEvents for observer tests (metrics, question log). */
import type { AnsweredEvent, Platform } from "../../src/core/answer-log.js";
import type { Answer, RefusalReason } from "../../src/core/types.js";

let next = 0;

export function answeredEvent(options: { platform?: Platform; reason?: RefusalReason; totalMs?: number; llmFallback?: boolean } = {}): AnsweredEvent {
  const grounded = options.reason === undefined;
  const answer: Answer = {
    question: "Who chairs the federation?",
    answer: grounded ? "Muradil Jumadilde [1]." : "The articles do not say.",
    grounded,
    citations: [],
    ...(options.reason === undefined ? {} : { reason: options.reason }),
    timings: { retrieveMs: 1, answerMs: 1, totalMs: options.totalMs ?? 12 },
  };
  next++;
  return {
    id: `a${next}`,
    at: Date.now(),
    platform: options.platform ?? "telegram",
    userId: "42",
    chat: "private",
    question: answer.question,
    answer,
    llmFallback: options.llmFallback ?? false,
  };
}
