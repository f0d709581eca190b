/**
 * Matching keys for a word, so spelling variants meet: a light English stem ("cooperating" →
 * "cooperate", "labour" → "labor") and a consonant skeleton for transliterated names ("Babayev" /
 * "Babaev" → "bbv", "Jumadilde" / "Dzhumadilde" → "jmdld", "Sahil" / "Sahel" → "shl").
 */
import { STOPWORDS } from "./tokenize.js";

const SUFFIXES: ReadonlyArray<[string, string]> = [
  ["isations", "ize"],
  ["izations", "ize"],
  ["isation", "ize"],
  ["ization", "ize"],
  ["ational", "ate"],
  ["ations", "ate"],
  ["ation", "ate"],
  ["ating", "ate"],
  ["ated", "ate"],
  ["ates", "ate"],
  ["ities", "ity"],
  ["ies", "y"],
  ["ings", ""],
  ["ing", ""],
  ["ers", "er"],
  ["ed", ""],
  ["es", "e"],
  ["s", ""],
];

/**
 * Memo for a pure function of a word: words repeat endlessly across sentences, questions and
 * chunks, and these keys are computed for each occurrence. Cleared when full, so it stays bounded.
 */
function memoize<T>(compute: (term: string) => T, capacity = 100_000): (term: string) => T {
  const memo = new Map<string, T>();
  return (term) => {
    let value = memo.get(term);
    if (value === undefined && !memo.has(term)) {
      value = compute(term);
      if (memo.size >= capacity) memo.clear();
      memo.set(term, value);
    }
    return value as T;
  };
}

/** A light, deterministic stem; British "-our"/"-ise" spellings fold to American ones. */
export const stem = memoize(computeStem);

/** Consonant skeleton of a word, or null when the word is too short or common to fuzz. */
export const skeleton = memoize(computeSkeleton);

function computeStem(term: string): string {
  let t = term;
  if (/^\d/.test(t) || t.length <= 3) return t;
  t = t.replace(/our$/, "or").replace(/ours$/, "ors").replace(/ise$/, "ize").replace(/ised$/, "ized").replace(/ising$/, "izing");
  for (const [suffix, replacement] of SUFFIXES) {
    if (!t.endsWith(suffix)) continue;
    if (suffix === "s" && /(ss|us|is)$/.test(t)) break;
    const base = t.slice(0, -suffix.length) + replacement;
    if (base.length >= 3) {
      t = base;
      break;
    }
  }
  // "cooperate" and "cooperat" (from -ed/-ing on words ending in e) meet: drop a final e.
  return t.length > 4 ? t.replace(/e$/, "") : t;
}

function computeSkeleton(term: string): string | null {
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
