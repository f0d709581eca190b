/**
 * A light, deterministic English stem so inflections meet ("cooperating" → "cooperat",
 * "unions" → "union"); British "-our"/"-ise" spellings fold to American ones ("labour" → "labor").
 * Used at index time (BM25 keys) and question time (matching), so both sides agree.
 */
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

/** The stem of one normalised (lower-case) word. */
export function stem(term: string): string {
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
