/**
 * What a sentence offers for matching — its words' stems, name skeletons, the countries it names —
 * and how strongly a question term is found in it: the same word (1), a curated synonym or an
 * expansion of an acronym (0.9), the same country under another name (0.9, a city 0.7), or a
 * transliteration of a name (0.85).
 */
import { countryOf, isCity, placesIn } from "../../text/places.js";
import type { TermKeys } from "../../text/term-keys.js";
import { normalizeTerm, tokenize, type Token } from "../../text/tokenize.js";
import type { ReadTerm } from "./question-reading.js";

export interface SentenceKeys {
  tokens: Token[];
  stems: string[];
  stemSet: Set<string>;
  skeletons: Set<string>;
  raw: Set<string>;
  /** Canonical countries of the places named (countries, demonyms, cities). */
  countries: Set<string>;
  /** Countries named through a city only ("Baku" → azerbaijan). */
  cityCountries: Set<string>;
  /** Initials of capitalised names ("Federation of Trade Unions of Kyrgyzstan" → "ftuk"), for acronyms users make up. */
  initialisms: Set<string>;
}

export function sentenceKeys(text: string, keys: TermKeys): SentenceKeys {
  const tokens = tokenize(text);
  const stems = tokens.map((t) => keys.stem(t.term));
  const skeletons = new Set<string>();
  const raw = new Set<string>();
  for (const t of tokens) {
    raw.add(t.term);
    const s = keys.skeleton(t.term);
    if (s !== null) skeletons.add(s);
  }
  const countries = new Set<string>();
  const cityCountries = new Set<string>();
  for (const place of placesIn(tokens.map((t) => t.term).join(" "))) {
    const country = countryOf(place);
    if (country === null) continue;
    if (isCity(place)) cityCountries.add(country);
    else countries.add(country);
  }
  const initialisms = new Set<string>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*\p{Lu}[\p{L}’'-]*)+/gu)) {
    const initials = m[0].split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => normalizeTerm(w[0] ?? "")).join("");
    if (initials.length >= 2) initialisms.add(initials);
  }
  return { tokens, stems, stemSet: new Set(stems), skeletons, raw, countries, cityCountries, initialisms };
}

/** Merges the keys of a window of sentences (for matching only; tokens are the first sentence's). */
export function mergeSentenceKeys(parts: readonly SentenceKeys[]): SentenceKeys {
  const first = parts[0];
  const out: SentenceKeys = {
    tokens: first?.tokens ?? [],
    stems: first?.stems ?? [],
    stemSet: new Set(),
    skeletons: new Set(),
    raw: new Set(),
    countries: new Set(),
    cityCountries: new Set(),
    initialisms: new Set(),
  };
  for (const p of parts) {
    p.initialisms.forEach((s) => out.initialisms.add(s));
    p.stemSet.forEach((s) => out.stemSet.add(s));
    p.skeletons.forEach((s) => out.skeletons.add(s));
    p.raw.forEach((s) => out.raw.add(s));
    p.countries.forEach((s) => out.countries.add(s));
    p.cityCountries.forEach((s) => out.cityCountries.add(s));
  }
  return out;
}

/** How strongly `term` is present in `keys`, 0 when it is not. */
export function matchTerm(term: ReadTerm, keys: SentenceKeys, termKeys: TermKeys): number {
  if (keys.raw.has(term.term) || keys.stemSet.has(term.stem)) return 1;
  if (term.kind === "number") {
    // "108" meets "108th", "6000" meets "6,000".
    const core = term.term.replace(/(st|nd|rd|th)$/, "").replace(/,/g, "");
    for (const r of keys.raw) if (/^\d/.test(r) && r.replace(/(st|nd|rd|th)$/, "").replace(/,/g, "") === core) return 1;
    return 0;
  }
  if (term.country !== undefined) {
    if (keys.countries.has(term.country)) return 0.9;
    if (keys.cityCountries.has(term.country)) return 0.7;
    return 0;
  }
  for (const phrase of term.phrases) if (phrase.length > 0 && phrase.every((s) => keys.stemSet.has(s))) return 0.9;
  for (const s of term.synonyms) if (keys.stemSet.has(s)) return 0.9;
  if (term.kind === "name" || term.kind === "acronym") {
    const sk = termKeys.skeleton(term.term);
    if (sk !== null && keys.skeletons.has(sk)) return 0.85;
    if (term.term.length >= 2 && term.term.length <= 6 && keys.initialisms.has(term.term)) return 0.85;
  }
  return 0;
}

/** Token positions in `keys` where `term` occurs (by stem, synonym or place), for nearness checks. */
export function positionsOf(term: ReadTerm, keys: SentenceKeys): number[] {
  const out: number[] = [];
  keys.stems.forEach((s, i) => {
    const raw = keys.tokens[i]?.term ?? "";
    if (s === term.stem || raw === term.term || term.synonyms.has(s) || (term.country !== undefined && countryOf(raw) === term.country)) out.push(i);
  });
  return out;
}
