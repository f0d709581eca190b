/**
 * A consonant skeleton for transliterated names, so spellings of one name meet: "Babayev" /
 * "Babaev" → "bbv", "Jumadilde" / "Dzhumadilde" → "jmdld", "Sahil" / "Sahel" → "shl".
 */
import { STOPWORDS } from "./stopwords.js";

/** The skeleton of one normalised word, or null when the word is too short or common to fuzz. */
export function skeleton(term: string): string | null {
  if (term.length < 4 || STOPWORDS.has(term) || /\d/.test(term)) return null;
  let t = term
    .replace(/dzh|dj/g, "j")
    .replace(/zh/g, "j")
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/ck/g, "k")
    .replace(/q/g, "k")
    .replace(/x/g, "ks");
  t = t.replace(/(.)\1+/g, "$1");
  const first = t[0] ?? "";
  t = first + t.slice(1).replace(/[aeiouy']/g, "");
  return t.length >= 3 ? t : null;
}
