/**
 * Does a sentence contain the kind of thing the question asks for? A *who* question wants a
 * person or organisation, *when* a date, *where* a place, *how many* a number.
 */
import type { QuestionType } from "./question-analysis.js";

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const DATE = new RegExp(`\\b(${MONTHS})\\b|\\b(19|20)\\d\\d\\b|\\b(this|last|next) (year|month|week)\\b|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`, "i");
const NUMBER = /\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\b/i;
const PERSON = /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+|\b(minister|chairman|chairwoman|chair|president|head|director|secretary|delegation|delegates|representatives|ambassador|leader)\b/u;
const PLACE = /\b(in|at|to|from)\s+(the\s+)?\p{Lu}\p{L}+/u;

/** 1 when the sentence has what the question type asks for, 0 when it lacks it, 0.5 when the type sets no cue. */
export function answerTypeCue(type: QuestionType, sentence: string): number {
  switch (type) {
    case "who":
      return PERSON.test(sentence.replace(/^\p{Lu}\p{Ll}+\s/u, "")) ? 1 : 0;
    case "when":
      return DATE.test(sentence) ? 1 : 0;
    case "where":
      return PLACE.test(sentence) ? 1 : 0;
    case "quantity":
      return NUMBER.test(sentence) ? 1 : 0;
    default:
      return 0.5;
  }
}
