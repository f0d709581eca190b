/**
 * The quote contract: a citation's `quote` must be found in its article's text after whitespace
 * normalisation. Used by the evaluation, the tests, and answerers that did not copy spans themselves.
 */
import { normalizeWhitespace } from "./normalize-whitespace.js";

export function quoteIsVerbatim(quote: string, articleText: string): boolean {
  const q = normalizeWhitespace(quote);
  return q.length > 0 && normalizeWhitespace(articleText).includes(q);
}

/** Characters a model retypes when it copies text: typographic quotes, apostrophes and dashes. */
const RETYPED: Record<string, string> = { "‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-", "‑": "-" };

/**
 * Where a quote a model copied stands in the article's text (character offsets of the original),
 * or null when it is not there. Whitespace runs match any whitespace run, and typographic quotes
 * and dashes match their plain forms, since models retype those; every other character must match.
 * The caller shows the article's own text at these offsets, so the shown quote stays verbatim.
 */
export function locateQuote(quote: string, articleText: string): { start: number; end: number } | null {
  const fold = (c: string) => RETYPED[c] ?? c;
  const wanted = normalizeWhitespace(quote).split("").map(fold).join("");
  if (wanted.length === 0) return null;
  // The article's text folded the same way, with each folded character's offset in the original.
  let folded = "";
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < articleText.length; i++) {
    const c = articleText[i] ?? "";
    if (/\s/.test(c)) {
      if (!inSpace && folded.length > 0) {
        folded += " ";
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    folded += fold(c);
    offsets.push(i);
  }
  const at = folded.indexOf(wanted);
  if (at < 0) return null;
  const start = offsets[at] ?? 0;
  const end = (offsets[at + wanted.length - 1] ?? start) + 1;
  return { start, end };
}
