/**
 * What a sentence offers for matching — its words' stems, name skeletons, the countries it names,
 * the initials of its names — and how strongly a question term is found in it: the same word (1),
 * a curated synonym or an expansion of an acronym (0.9), the same country under another name (0.9,
 * a city 0.7), or a transliteration or the initials of a name (0.85). The costlier keys are
 * computed only when a question needs them.
 */
import { datelineOf } from "../../text/dateline.js";
import { countryOf, isCity, placesInTerms } from "../../text/places.js";
import type { TermKeys } from "../../text/term-keys.js";
import { normalizeTerm, tokenize, type Token } from "../../text/tokenize.js";
import type { ReadTerm } from "./question-reading.js";

const NAME_RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|for|and|the|on|&)\s+)*\p{Lu}[\p{L}’'-]*)+/gu;

export class SentenceKeys {
  readonly tokens: Token[];
  readonly stems: string[];
  readonly stemSet: Set<string>;
  readonly raw: Set<string>;
  private skeletonSet: Set<string> | undefined;
  private places: { countries: Set<string>; cityCountries: Set<string> } | undefined;
  private initialismSet: Set<string> | undefined;

  constructor(
    /** The sentence the tokens' offsets refer to. */
    readonly text: string,
    private readonly keys: TermKeys,
    parts?: readonly SentenceKeys[],
  ) {
    if (parts !== undefined) {
      this.tokens = parts[0]?.tokens ?? [];
      this.stems = parts[0]?.stems ?? [];
      this.stemSet = new Set(parts.flatMap((p) => [...p.stemSet]));
      this.raw = new Set(parts.flatMap((p) => [...p.raw]));
      this.merged = parts;
      return;
    }
    // The dateline ("TEHRAN —") says where the story was filed, not what the sentence says.
    const skip = datelineOf(text).length;
    this.tokens = skip === 0 ? tokenize(text) : tokenize(text).filter((t) => t.start >= skip);
    this.stems = this.tokens.map((t) => keys.stem(t.term));
    this.stemSet = new Set(this.stems);
    this.raw = new Set(this.tokens.map((t) => t.term));
  }

  private readonly merged: readonly SentenceKeys[] | undefined;

  /** Consonant skeletons of the words (transliterated names). */
  get skeletons(): Set<string> {
    if (this.skeletonSet === undefined) {
      this.skeletonSet = new Set();
      if (this.merged !== undefined) for (const p of this.merged) p.skeletons.forEach((s) => this.skeletonSet?.add(s));
      else
        for (const t of this.tokens) {
          const s = this.keys.skeleton(t.term);
          if (s !== null) this.skeletonSet.add(s);
        }
    }
    return this.skeletonSet;
  }

  /** Canonical countries of the places named (countries, demonyms). */
  get countries(): Set<string> {
    return this.placeSets().countries;
  }

  /** Countries named through a city only ("Baku" → azerbaijan). */
  get cityCountries(): Set<string> {
    return this.placeSets().cityCountries;
  }

  /** Initials of capitalised names ("Federation of Trade Unions of Kyrgyzstan" → "ftuk"), for acronyms users make up. */
  get initialisms(): Set<string> {
    if (this.initialismSet === undefined) {
      this.initialismSet = new Set();
      if (this.merged !== undefined) for (const p of this.merged) p.initialisms.forEach((s) => this.initialismSet?.add(s));
      else
        for (const m of this.text.matchAll(NAME_RUN)) {
          // Every tail of the run: "The Federation of Trade Unions of Kyrgyzstan" gives "tftuk" and "ftuk".
          const initials = m[0].split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => normalizeTerm(w[0] ?? "")).join("");
          for (let i = 0; i + 2 <= initials.length; i++) this.initialismSet.add(initials.slice(i));
        }
    }
    return this.initialismSet;
  }

  private placeSets(): { countries: Set<string>; cityCountries: Set<string> } {
    if (this.places === undefined) {
      const countries = new Set<string>();
      const cityCountries = new Set<string>();
      if (this.merged !== undefined) {
        for (const p of this.merged) {
          p.countries.forEach((c) => countries.add(c));
          p.cityCountries.forEach((c) => cityCountries.add(c));
        }
      } else {
        for (const place of placesInTerms(this.tokens.flatMap((t) => t.term.split("-")))) {
          const country = countryOf(place);
          if (country === null) continue;
          if (isCity(place)) cityCountries.add(country);
          else countries.add(country);
        }
      }
      this.places = { countries, cityCountries };
    }
    return this.places;
  }
}

export function sentenceKeys(text: string, keys: TermKeys): SentenceKeys {
  return new SentenceKeys(text, keys);
}

/** The keys of a window of sentences, for matching only (tokens and stems are the first sentence's). */
export function mergeSentenceKeys(parts: readonly SentenceKeys[], keys: TermKeys): SentenceKeys {
  return new SentenceKeys("", keys, parts);
}

/** How strongly `term` is present in `keys`, 0 when it is not. */
export function matchTerm(term: ReadTerm, keys: SentenceKeys, termKeys: TermKeys): number {
  if (keys.raw.has(term.term) || keys.stemSet.has(term.stem)) return 1;
  if (term.kind === "number") {
    // "108" meets "108th".
    const core = term.term.replace(/(st|nd|rd|th)$/, "").replace(/,/g, "");
    for (const r of keys.raw) if (/^\d/.test(r) && r.replace(/(st|nd|rd|th)$/, "") === core) return 1;
    // "85000" meets "85,000" (the tokenizer splits at the comma: "85", "000").
    if (/^\d{4,}$/.test(core)) {
      const t = keys.tokens;
      for (let i = 0; i < t.length; i++) {
        let joined = t[i]?.term ?? "";
        if (!/^\d{1,3}$/.test(joined)) continue;
        for (let j = i + 1; j < t.length && /^\d{3}$/.test(t[j]?.term ?? "") && (t[j]?.start ?? 0) === (t[j - 1]?.end ?? 0) + 1; j++) joined += t[j]?.term ?? "";
        if (joined === core) return 1;
      }
    }
    return 0;
  }
  if (term.country !== undefined) {
    // A city asked about must be named itself: "to Tehran" is not "Iranian".
    if (isCity(term.term)) return 0;
    if (keys.countries.has(term.country)) return 0.9;
    if (keys.cityCountries.has(term.country)) return 0.7;
    return 0;
  }
  for (const phrase of term.phrases) if (phrase.length > 0 && phrase.every((s) => keys.stemSet.has(s))) return 0.9;
  for (const s of term.synonyms) if (keys.stemSet.has(s)) return 0.9;
  if (term.kind === "name" || term.kind === "acronym") {
    const sk = termKeys.skeleton(term.term);
    if (sk !== null && keys.skeletons.has(sk)) return 0.85;
    // A possessive typed without its apostrophe: "dzhumadildes position" is Jumadilde's.
    const bare = term.term.length > 5 && term.term.endsWith("s") ? termKeys.skeleton(term.term.slice(0, -1)) : null;
    if (bare !== null && keys.skeletons.has(bare)) return 0.8;
    if (looksInitialised(term) && keys.initialisms.has(term.term)) return 0.85;
  }
  return 0;
}

/** An acronym, or a short name with at most one vowel ("ftuk"): possibly the initials of a name. */
function looksInitialised(term: ReadTerm): boolean {
  if (term.term.length < 2 || term.term.length > 6) return false;
  return term.kind === "acronym" || (term.term.match(/[aeiouy]/g)?.length ?? 0) <= 1;
}

/** Token positions in `keys` where `term` occurs (by stem, synonym or place), for nearness checks. */
export function positionsOf(term: ReadTerm, keys: SentenceKeys): number[] {
  const out: number[] = [];
  keys.stems.forEach((s, i) => {
    const raw = keys.tokens[i]?.term ?? "";
    // Countries by any of their names, but not through a city: "TEHRAN —" is not "the Iranian minister".
    if (s === term.stem || raw === term.term || term.synonyms.has(s) || (term.country !== undefined && !isCity(raw) && countryOf(raw) === term.country)) out.push(i);
  });
  return out;
}
