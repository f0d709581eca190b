/**
 * What a question asks for, without a language model: its type (who / when / where / how many …),
 * the terms an answer must contain, and whether it is a question about the articles at all.
 */
import type { WordRarity } from "../core/word-rarity.js";
import { STOPWORDS } from "../text/stopwords.js";
import { contentTerms, normalizeTerm, tokenize } from "../text/tokenize.js";

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
  if (/^\s*(which|what)\s+(\w+\s+){0,3}?(minister|chairman|chair|president|official|officials|person|people|leader|head|representative|delegate)s?\b/.test(q)) return "who";
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
    if (t.length < 2 || STOPWORDS.has(t) || seen.has(t)) return;
    seen.add(t);
    if (FRAME.has(t)) {
      terms.push({ term: t, required: false, weight: 0.3 });
      return;
    }
    const raw = question.slice(token.start, token.end);
    const capitalised = /^\p{Lu}/u.test(raw) && (i > 0 || /^\p{Lu}{2,}$/u.test(raw));
    const numeric = /\d/.test(t);
    const rank = options.rarity?.rank(t);
    const known = options.known?.(t) ?? true;
    // Unknown to the articles and rare in English (or not English at all): a specific thing.
    const unknownSpecific = !known && (rank === undefined || rank > 20_000);
    const required = capitalised || numeric || unknownSpecific;
    // Rarer words say more about what is asked: weight grows with the log of the frequency rank.
    const rarity = rank === undefined ? 3 : Math.max(0.8, Math.log10(rank + 10) - 1);
    terms.push({ term: t, required, weight: required ? Math.max(1.5, rarity) : rarity });
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
