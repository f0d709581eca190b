/**
 * The plain refusal: said when the indexed articles do not answer a question, with no citation,
 * because a wrong citation costs more trust than an honest "not covered".
 */
import type { DraftAnswer } from "../core/answerer.js";

export type NotCoveredReason = "none" | "request";

export function notCoveredAnswer(_question: string, reason: NotCoveredReason): DraftAnswer {
  const answer =
    reason === "request"
      ? "I can only answer questions about the indexed news articles on labour and trade-union cooperation. Try asking who met whom, what was agreed, or when and where it happened."
      : "The indexed articles don't cover this. I could not find a passage that answers it, so I won't guess.";
  return { answer, grounded: false, citations: [] };
}
