/**
 * Words two edits from a misspelt one, found without trying every two-edit spelling (~200,000 for
 * an eight-letter word): each known word is filed under itself and every spelling with one letter
 * left out, and a misspelling looks up itself and its spellings with one or two letters left out
 * (symmetric deletion, as in SymSpell); what is found is kept when it is at most two edits away
 * (letters dropped, added, changed, or two neighbours swapped): "coonfrence" → "conference",
 * "undrestanding" → "understanding", "delrggation" → "delegation".
 */
export class NearWords {
  private readonly byKey = new Map<string, string[]>();

  /** `words`: the known words, each with its deletions filed (only words of `minLength` letters or more). */
  constructor(words: Iterable<string>, private readonly minLength = 6) {
    for (const w of words) {
      if (w.length < minLength || !/^[a-z]+$/.test(w)) continue;
      for (const key of new Set([w, ...deletions(w)])) {
        const list = this.byKey.get(key);
        if (list === undefined) this.byKey.set(key, [w]);
        else list.push(w);
      }
    }
  }

  /** Known words within two edits of `word` (never `word` itself), in the order they were given. */
  near(word: string): string[] {
    if (word.length < this.minLength - 1 || !/^[a-z]+$/.test(word)) return [];
    const once = deletions(word);
    const keys = new Set([word, ...once, ...once.flatMap(deletions)]);
    const out = new Set<string>();
    for (const key of keys) for (const w of this.byKey.get(key) ?? []) if (w !== word && !out.has(w) && editDistance(word, w) <= 2) out.add(w);
    return [...out];
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Edits between two words: letters dropped, added or changed, or two neighbours swapped (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}
