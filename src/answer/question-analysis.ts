/**
 * What a question asks for, without a language model: its type (who / when / where / how many …),
 * the terms an answer must contain, and whether it is a question about the articles at all.
 */
import { contentTerms, normalizeTerm, STOPWORDS, tokenize } from "../retrieval/tokenize.js";

export type QuestionType = "who" | "when" | "where" | "quantity" | "what" | "why" | "how" | "yesno" | "other";

export interface QuestionTerm {
  term: string;
  /** Must appear near the answer (names, numbers, rare words): missing → the articles don't answer. */
  required: boolean;
  /** Relative importance in [0, 1+]. */
  weight: number;
}

export interface QuestionAnalysis {
  type: QuestionType;
  terms: QuestionTerm[];
  /** A request that is not a question about the articles ("write a poem", "hello"). */
  offTopicRequest: boolean;
  /** Refers back to an earlier turn ("and who signed it?", "what else did he say?"). */
  followUp: boolean;
}

/** Frequency rank of a word in general English (1 = most common), when known. */
export interface WordRarity {
  rank(term: string): number | undefined;
}

/** Words that frame a question but never carry its topic. */
const FRAME = new Set(
  ("name names happen happened happening mention mentioned mentions article articles report reported reports news " +
    "according main kind kinds type types role part detail details information info anyone someone somebody people's " +
    "take place took held hold get got make made go went come came become became exactly specifically really also still " +
    "discuss discussed discusses talk talked talks").split(" "),
);

const REQUEST = /^\s*(please\s+)?(write|compose|draw|sing|translate|generate|create|summari[sz]e\s+the\s+weather|tell\s+me\s+a\s+(joke|story)|play|ignore|pretend|act\s+as)\b/i;
const GREETING = /^\s*(hi|hello|hey|thanks|thank you|good (morning|evening|night)|ok|okay|bye)\b[\s!.?]*$/i;
const FOLLOW_UP = /^\s*(and|also|what about|how about|but|so)\b|\b(he|she|they|them|him|her|his|their|it|its|this|that|these|those|there)\b/i;

export function questionType(question: string): QuestionType {
  const q = question.toLowerCase();
  if (/\bhow (many|much)\b|\bnumber of\b|\bhow large\b|\bhow big\b/.test(q)) return "quantity";
  if (/\bwho(m|se)?\b/.test(q)) return "who";
  if (/\bwhen\b|\bwhat (date|year|day|month|time)\b|\bwhich (date|year|day|month)\b/.test(q)) return "when";
  if (/\bwhere\b|\bwhich (city|country|place)\b|\bin what (city|country)\b/.test(q)) return "where";
  if (/\bwhy\b/.test(q)) return "why";
  if (/\bhow\b/.test(q)) return "how";
  if (/\b(what|which)\b/.test(q)) return "what";
  if (/^\s*(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/.test(q)) return "yesno";
  return "other";
}

/** Analyses a question; `rarity` (word frequencies) sharpens which terms are required. */
export function analyzeQuestion(question: string, options: { rarity?: WordRarity; known?: (term: string) => boolean } = {}): QuestionAnalysis {
  const tokens = tokenize(question);
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  tokens.forEach((token, i) => {
    const t = token.term;
    if (t.length < 2 || STOPWORDS.has(t) || FRAME.has(t) || seen.has(t)) return;
    seen.add(t);
    const raw = question.slice(token.start, token.end);
    const capitalised = /^\p{Lu}/u.test(raw) && (i > 0 || /^\p{Lu}{2,}$/u.test(raw));
    const numeric = /\d/.test(t);
    const rank = options.rarity?.rank(t);
    const known = options.known?.(t) ?? true;
    const rare = rank === undefined ? !known : rank > 12_000;
    // Unknown to the articles and not an everyday word: a specific thing the articles don't cover.
    const unknownSpecific = !known && (rank === undefined || rank > 2_500);
    const required = capitalised || numeric || rare || unknownSpecific;
    const weight = required ? 1.5 : rank === undefined ? 1 : Math.min(1.2, 0.4 + Math.log10(rank + 10) / 5);
    terms.push({ term: t, required, weight });
  });
  const trimmed = question.trim();
  const type = questionType(trimmed);
  const offTopicRequest = REQUEST.test(trimmed) || GREETING.test(trimmed) || (contentTerms(trimmed).length === 0 && type === "other");
  return {
    type,
    terms,
    offTopicRequest,
    followUp: FOLLOW_UP.test(normalizeTerm(trimmed)) && terms.filter((t) => t.required).length === 0,
  };
}
