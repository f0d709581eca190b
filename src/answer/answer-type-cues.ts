/**
 * Does a sentence contain the kind of thing the question asks for? A *who* question wants a
 * person or organisation, *when* a date, *where* a place, *how many* a number.
 */
import { MONTH_NAMES } from "../text/months.js";
import type { QuestionType } from "./question-analysis.js";

const DATE = new RegExp(`\\b(${MONTH_NAMES.join("|")})\\b|\\b(19|20)\\d\\d\\b|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`, "i");
/** A count: "6,000", "12", "three", "hundreds" — not an ordinal ("108th") or a day range ("10-21"). */
const NUMBER = /(?<![\d-])\b\d{1,3}(?:,\d{3})+\b|(?<![\d-])\b\d+(?![\d,.-]|st\b|nd\b|rd\b|th\b)|\b(dozens|hundreds|thousands|millions)\b/i;
const PERSON = /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+|\b(minister|chairman|chairwoman|chair|president|head|director|secretary|delegation|delegates|representatives|ambassador|leader)\b/u;
const PLACE = /\b(in|at|to|from)\s+(the\s+)?\p{Lu}\p{L}+/u;

const CAPITALISED = /\p{Lu}[\p{Ll}’'-]+/gu;

export interface CueContext {
  /** True when the word (lower case) is already in the question, in any spelling. */
  inQuestion(word: string): boolean;
  /** True when the word (lower case) looks like a proper name rather than a common word. */
  isName(word: string): boolean;
}

/** 1 when the sentence has what the question type asks for, 0 when it lacks it, 0.5 when the type sets no cue. */
export function answerTypeCue(type: QuestionType, sentence: string, context?: CueContext): number {
  switch (type) {
    case "who": {
      // A proper name the question does not already contain is the strongest "who" answer.
      const body = sentence.replace(/^\p{Lu}\p{Ll}+\s/u, "");
      if (context !== undefined) {
        for (const m of body.matchAll(CAPITALISED)) {
          const word = m[0].toLowerCase().replace(/[’']s$/, "");
          if (context.isName(word) && !context.inQuestion(word)) return 1;
        }
      }
      return PERSON.test(body) ? 0.6 : 0;
    }
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
