/**
 * Which kinds of candidate answer a question takes, first choice first, and whether a sentence
 * without one cannot answer it at all: "when" needs a date, "which official" a person, while
 * "who hosted…" may be answered by an organisation or a description.
 */
import { normalizeTerm } from "../../text/tokenize.js";
import type { AnswerSpan, SpanKind } from "./answer-spans.js";
import type { SentenceKeys } from "./sentence-keys.js";
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

/**
 * A candidate the question already names, so it cannot be the answer: all its words are asked
 * ("21 countries" is new for "how many countries", "the Federation" is not), or it is a person
 * with an asked name ("Sahil Babayev" for "who met Babayev?") — unless the name itself is asked.
 */
export function namedInQuestion(span: AnswerSpan, reading: QuestionReading): boolean {
  const words = span.text.toLowerCase().split(/[^\p{L}\d]+/u).filter((x) => x.length > 2 || /\d/.test(x));
  if (span.kind === "person" && !reading.asksName && words.some((w) => reading.terms.some((t) => t.kind === "name" && t.term === normalizeTerm(w)))) return true;
  const asked = ` ${reading.text} `;
  return words.length > 0 && words.every((w) => (/\d/.test(w) ? asked.includes(` ${w} `) : asked.includes(w)));
}

/** The spans of the asked kinds that the question does not already name: the candidate answers. */
export function freshSpans(spans: readonly AnswerSpan[], kinds: readonly SpanKind[], reading: QuestionReading): AnswerSpan[] {
  return spans.filter((s) => kinds.includes(s.kind) && !namedInQuestion(s, reading));
}

/**
 * The tokens (indices into `keys`) a number span counts: the words it holds besides digits ("442
 * delegates" counts delegates), or, for a bare number, the next two words ("17 of the people").
 */
export function countedTokens(span: AnswerSpan, keys: SentenceKeys): number[] {
  const inside = keys.tokens.flatMap((t, i) => (t.start >= span.start && t.end <= span.end && !/^[\d.,]+$/.test(t.term) ? [i] : []));
  if (inside.length > 0) return inside;
  const next = keys.tokens.findIndex((t) => t.start >= span.end);
  return next < 0 ? [] : [next, next + 1].filter((i) => i < keys.tokens.length);
}
