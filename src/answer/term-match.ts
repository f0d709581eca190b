/**
 * How strongly a question term is present in a piece of text: exact stem, a consonant-skeleton
 * match for transliterated names, or a shared stem prefix ("Kyrgyz" ~ "Kyrgyzstan",
 * "Iranian" ~ "Iran").
 */
import type { TermKeys } from "../text/term-keys.js";
import { tokenize } from "../text/tokenize.js";

export interface TextKeys {
  stems: Set<string>;
  skeletons: Set<string>;
  raw: Set<string>;
}

export function keysOf(text: string, keys: TermKeys): TextKeys {
  const stems = new Set<string>();
  const skeletons = new Set<string>();
  const raw = new Set<string>();
  for (const { term } of tokenize(text)) {
    raw.add(term);
    stems.add(keys.stem(term));
    const s = keys.skeleton(term);
    if (s !== null) skeletons.add(s);
  }
  return { stems, skeletons, raw };
}

export function mergeKeys(...parts: TextKeys[]): TextKeys {
  const out: TextKeys = { stems: new Set(), skeletons: new Set(), raw: new Set() };
  for (const p of parts) {
    p.stems.forEach((s) => out.stems.add(s));
    p.skeletons.forEach((s) => out.skeletons.add(s));
    p.raw.forEach((s) => out.raw.add(s));
  }
  return out;
}

/** Match strength of `term` in `keys`: 1 exact, 0.85 spelling variant, 0.75 prefix, 0 none. */
export function matchStrength(term: string, keys: TextKeys, termKeys: TermKeys): number {
  if (keys.raw.has(term)) return 1;
  const s = termKeys.stem(term);
  if (keys.stems.has(s)) return 1;
  const sk = termKeys.skeleton(term);
  if (sk !== null && keys.skeletons.has(sk)) return 0.85;
  if (s.length >= 4 && !/\d/.test(s)) {
    for (const other of keys.stems) {
      if (other.length < 4) continue;
      const [short, long] = other.length < s.length ? [other, s] : [s, other];
      if (long.length - short.length <= 4 && long.startsWith(short)) return 0.75;
    }
  }
  return 0;
}
