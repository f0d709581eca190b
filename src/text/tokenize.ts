/**
 * One tokenizer for embeddings, the lexical index and the answerer, so a word means the same thing
 * everywhere. Folds case, diacritics and typographic quotes; keeps character offsets so matches can
 * be mapped back to the original text.
 */
import { STOPWORDS } from "./stopwords.js";

export interface Token {
  /** Normalised form: lower case, no diacritics, straight apostrophes. */
  term: string;
  /** Offsets of the token in the original string. */
  start: number;
  end: number;
}

const COMBINING = /[\u0300-\u036f]/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}]*)*/gu;

/** Lower-cases and strips diacritics and typographic apostrophes from one word or text. */
export function normalizeTerm(text: string): string {
  // Plain ASCII (most words of English news) needs only lower-casing.
  if (/^[ -~]*$/.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(COMBINING, "").replace(/’/g, "'").toLowerCase();
}

/** Splits text into word tokens with offsets. Possessive "'s" is dropped ("Azerbaijan’s" → "azerbaijan"). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let term = normalizeTerm(m[0]);
    if (term.endsWith("'s")) term = term.slice(0, -2);
    if (term.length === 0) continue;
    const start = m.index;
    out.push({ term, start, end: start + m[0].length });
  }
  return out;
}

/** Just the normalised terms. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/** Terms that carry meaning: not stopwords, not single letters. */
export function contentTerms(text: string): string[] {
  return terms(text).filter((t) => t.length > 1 && !STOPWORDS.has(t));
}
