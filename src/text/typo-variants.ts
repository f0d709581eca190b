/**
 * Spelling variants one edit away (a letter dropped, added, changed, or two letters swapped), the
 * candidates for correcting a typo against the words the articles use: "coopration" →
 * "cooperation", "kyrgz" → "kyrgyz", "betwen" → "between". Only for words of five letters or
 * more, where one edit rarely turns one real word into another.
 */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every distinct word one edit from `word` (lower-case ASCII letters only; others get none). */
export function typoVariants(word: string): string[] {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + (tail[1] ?? "") + (tail[0] ?? "") + tail.slice(2));
    for (const c of LETTERS) {
      if (tail.length > 0 && c !== tail[0]) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/**
 * Every word one letter longer than `word` (a letter left out: "unon" → "union", "dels" → "deals"):
 * the only repair tried for four-letter words, where dropping or changing a letter too often
 * turns one real word into another.
 */
export function insertionVariants(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) out.add(word.slice(0, i) + c + word.slice(i));
  return [...out];
}
