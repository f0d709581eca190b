/**
 * Sentence boundaries as character spans of the original text, so a quote is always an exact
 * slice of the article. Handles news prose: abbreviations ("Mr.", "U.S."), initials, decimals,
 * closing quotes after the full stop, and headline/dateline lines without final punctuation.
 */

import type { Span } from "../core/passage.js";

export type { Span } from "../core/passage.js";

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st mt gen col lt capt sgt gov sen rep pres no nos vol fig inc ltd co corp dept est approx " +
    "jan feb mar apr jun jul aug sep sept oct nov dec vs etc al e.g i.e u.s u.k u.n a.m p.m"
  ).split(" "),
);

const CLOSERS = "\"'”’)]»";

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i] ?? "")) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initial ("J. Smith") or dotted acronym ("U.S").
  return /^\p{Lu}$/u.test(text.slice(i + 1, dot)) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits `text` into sentence spans (trimmed of surrounding whitespace). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) spans.push({ start: s, end: e });
    start = end;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (ch === "\n") {
      // A blank line always ends a sentence; a single newline ends a line without final punctuation
      // (headline, dateline, list item) unless the next line continues in lower case (hard wrap).
      if (/^\n[ \t]*\n/.test(text.slice(i, i + 64))) {
        push(i);
        continue;
      }
      let k = i + 1;
      while (k < text.length && (text[k] === " " || text[k] === "\t")) k++;
      const continues = /\p{Ll}/u.test(text[k] ?? "");
      const line = text.slice(start, i).trim();
      if (!continues && line.length > 0 && line.length < 200 && !/[,;:]$/.test(line)) push(i);
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?" && ch !== "…") continue;
    // Skip runs like "..." and decimals "3.5".
    if (ch === "." && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
    let j = i + 1;
    while (j < text.length && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    while (j < text.length && CLOSERS.includes(text[j] ?? "")) j++;
    if (j < text.length && !/\s/.test(text[j] ?? "")) continue; // "4.0", "e.g.x", URLs
    let k = j;
    while (k < text.length && /\s/.test(text[k] ?? "")) k++;
    if (k >= text.length) break;
    const nextCh = text[k] ?? "";
    if (ch === "." && isAbbreviation(text, i)) continue;
    // A sentence starts with a capital, digit, quote or dash; lower case means we are mid-sentence.
    if (/\p{Ll}/u.test(nextCh)) continue;
    push(j);
    i = j - 1;
  }
  push(text.length);
  return spans;
}
