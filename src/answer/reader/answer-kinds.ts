/**
 * Which kinds of candidate answer a question takes, first choice first, and whether a sentence
 * without one cannot answer it at all: "when" needs a date, "which official" a person, while
 * "who hosted…" may be answered by an organisation or a description.
 */
import type { SpanKind } from "./answer-spans.js";
import type { QuestionReading } from "./question-reading.js";

export interface AnswerKinds {
  kinds: readonly SpanKind[];
  /** A sentence holding none of these kinds (nor pointing back to one that does) is no evidence. */
  strict: boolean;
}

export function answerKinds(reading: QuestionReading): AnswerKinds | null {
  switch (reading.expects) {
    case "person":
      return reading.personOnly ? { kinds: ["person"], strict: true } : { kinds: ["person", "organization"], strict: false };
    case "organization":
      return { kinds: ["organization"], strict: false };
    case "place":
      return { kinds: ["place"], strict: true };
    case "date":
      return { kinds: ["date"], strict: true };
    case "number":
      return { kinds: ["number"], strict: true };
    case "duration":
      return { kinds: ["duration", "number"], strict: true };
    default:
      return null;
  }
}
