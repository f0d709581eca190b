/**
 * Reading what a model returned for a cited answer, trusting none of it: the object's shape is
 * checked field by field, and each quote is looked up in its passage's article. A quote counts
 * only when it is there (whitespace and typographic quotes aside) and long enough to be evidence;
 * the citation then shows the article's whole sentence(s) around it, never the model's copy.
 */
import { locateQuote } from "../text/verify-quote.js";
import type { ChosenQuote, NumberedPassage } from "./check-citations.js";

export interface ModelQuote {
  passage: number;
  quote: string;
  translation?: string;
}

export interface ModelAnswer {
  covered: boolean;
  answer: string;
  quotes: ModelQuote[];
}

/** A quote shorter than this (and shorter than its sentence) is a word or a name, not evidence. */
const MIN_QUOTE_CHARS = 20;
/** Longest translation shown. */
const MAX_TRANSLATION_CHARS = 1000;

/** The model's answer object, or null when it has no answer text. A missing `covered` counts as covered. */
export function readModelAnswer(reply: unknown): ModelAnswer | null {
  if (typeof reply !== "object" || reply === null) return null;
  const r = reply as Record<string, unknown>;
  const answer = typeof r.answer === "string" ? r.answer.trim() : "";
  const covered = r.covered !== false;
  if (answer === "" && covered) return null;
  const quotes: ModelQuote[] = [];
  for (const q of Array.isArray(r.quotes) ? (r.quotes as unknown[]) : []) {
    if (typeof q !== "object" || q === null) continue;
    const { passage, quote, translation } = q as Record<string, unknown>;
    const n = typeof passage === "number" ? passage : typeof passage === "string" ? Number(passage.replace(/[[\]\s]/g, "")) : NaN;
    if (!Number.isInteger(n) || typeof quote !== "string" || quote.trim() === "") continue;
    const t = typeof translation === "string" ? translation.trim() : "";
    quotes.push({ passage: n, quote, ...(t === "" ? {} : { translation: t.slice(0, MAX_TRANSLATION_CHARS) }) });
  }
  return { covered, answer, quotes };
}

/** The verified quote of each passage (the first that checks out), and how many quotes failed. */
export function modelQuotes(quotes: readonly ModelQuote[], passages: readonly NumberedPassage[]): { chosen: Map<number, ChosenQuote>; dropped: number } {
  const byN = new Map(passages.map((p) => [p.n, p]));
  const chosen = new Map<number, ChosenQuote>();
  let dropped = 0;
  for (const q of quotes) {
    const passage = byN.get(q.passage);
    const span = passage === undefined ? null : sentencesAround(q.quote, passage);
    if (span === null) {
      dropped++;
      continue;
    }
    if (chosen.has(q.passage)) continue;
    const same = q.translation !== undefined && q.translation === q.quote.trim();
    chosen.set(q.passage, { ...span, ...(q.translation === undefined || same ? {} : { translation: q.translation }) });
  }
  return { chosen, dropped };
}

/** The article's sentence(s) holding the quote, or null when the quote is not in the article or is too short to be evidence. */
function sentencesAround(quote: string, passage: NumberedPassage): { start: number; end: number } | null {
  const { article } = passage;
  const found = locateQuote(quote, article.text);
  if (found === null) return null;
  const inside = article.spans.filter((s) => s.end > found.start && s.start < found.end);
  const start = Math.min(found.start, ...inside.map((s) => s.start));
  const end = Math.max(found.end, ...inside.map((s) => s.end));
  const whole = found.end - found.start >= end - start - 1;
  if (found.end - found.start < MIN_QUOTE_CHARS && !whole) return null;
  return { start, end };
}
