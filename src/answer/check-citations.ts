/**
 * Keeps a generated answer honest. Every `[n]` must point at a passage the model was given;
 * markers that point nowhere are removed. Each surviving citation quotes, verbatim, the sentence
 * the model said it relied on (`chosen`, verified by the caller against the article), or without
 * that, the sentence of its passage that best supports the answer sentence(s) citing it. A sentence
 * stating a number that none of its cited articles contains is dropped (an invented figure). No
 * valid citation → the answer is not grounded.
 */
import type { PassageArticle } from "../core/passage.js";
import type { Citation } from "../core/types.js";
import { stem } from "../text/stem.js";
import { STOPWORDS } from "../text/stopwords.js";
import { tokenize } from "../text/tokenize.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

/** A passage as numbered in the prompt: a span of an article. */
export interface NumberedPassage {
  n: number;
  article: PassageArticle;
  start: number;
  end: number;
}

/** The sentence(s) of a passage's article the model quoted for marker `n`, verified to be there. */
export interface ChosenQuote {
  start: number;
  end: number;
  /** The model's translation of the quote into the asker's language. */
  translation?: string;
}

export interface CheckedAnswer {
  answer: string;
  citations: Citation[];
  grounded: boolean;
}

const MARKER_GROUP = /\s*((?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)/g;

function stems(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.term).filter((t) => t.length > 1 && !STOPWORDS.has(t)).map(stem));
}

/** The passage sentence sharing most content words with `claim` (first one on ties). */
function bestSentence(passage: NumberedPassage, claims: string[]): { start: number; end: number } {
  const want = stems(claims.join(" "));
  let best = { start: passage.start, end: passage.end };
  let bestScore = -1;
  for (const span of passage.article.spans) {
    if (span.end <= passage.start || span.start >= passage.end) continue;
    const have = stems(passage.article.text.slice(span.start, span.end));
    let score = 0;
    for (const w of want) if (have.has(w)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = span;
    }
  }
  return best;
}

/** Splits an answer into sentences, keeping trailing markers with the sentence they follow. */
function answerSentences(text: string): string[] {
  return text.split(/(?<=[.!?。؟](?:\s*\[[\d,;\s]+\])*)\s+/u).filter((s) => s.trim() !== "");
}

/** Eastern Arabic and Persian digits as ASCII, so "۱۴۰۴" meets "1404". */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/** The figures a sentence states (two digits or more, separators dropped: "85,000" → "85000"). */
function figures(text: string): string[] {
  return [...asciiDigits(text).matchAll(/\d[\d,.\s\u00a0\u202f]*\d/g)].map((m) => m[0].replace(/[^\d]/g, "")).filter((d) => d.length >= 2);
}

/** Marker numbers of a sentence that point at given passages. */
function markersOf(sentence: string, byN: ReadonlyMap<number, NumberedPassage>): number[] {
  const ns: number[] = [];
  for (const m of sentence.matchAll(/\d+/g)) {
    const inMarker = /\[[\d,;\s]*$/.test(sentence.slice(0, m.index)) && /^[\d,;\s]*\]/.test(sentence.slice(m.index));
    const n = Number(m[0]);
    if (inMarker && byN.has(n)) ns.push(n);
  }
  return ns;
}

/** A sentence is kept unless it states a figure that none of the articles it cites contains. */
function figuresBacked(sentence: string, ns: readonly number[], byN: ReadonlyMap<number, NumberedPassage>): boolean {
  const stated = figures(sentence.replace(MARKER_GROUP, " "));
  if (stated.length === 0 || ns.length === 0) return true;
  const sources = ns.map((n) => byN.get(n)?.article).map((a) => asciiDigits(a === undefined ? "" : `${a.title} ${a.date ?? ""} ${a.date?.replace(/-/g, "") ?? ""} ${a.text}`).replace(/(\d)[,.\s\u00a0\u202f](?=\d)/g, "$1"));
  return stated.every((f) => sources.some((t) => t.includes(f)));
}

export function checkCitations(text: string, passages: readonly NumberedPassage[], chosen?: ReadonlyMap<number, ChosenQuote>): CheckedAnswer {
  const byN = new Map(passages.map((p) => [p.n, p]));
  // With the model's own quotes, a marker without a verified quote points nowhere.
  const usable = chosen === undefined ? byN : new Map([...byN].filter(([n]) => chosen.has(n)));
  const sentences = answerSentences(text).filter((s) => figuresBacked(s, markersOf(s, usable), byN));
  text = sentences.join(" ");
  const claimsFor = new Map<number, string[]>();
  for (const sentence of sentences) {
    const claim = sentence.replace(MARKER_GROUP, " ");
    for (const n of markersOf(sentence, usable)) {
      const list = claimsFor.get(n) ?? [];
      list.push(claim);
      claimsFor.set(n, list);
    }
  }

  // Number citations 1..k in order of first use; two passages quoting the same sentence share one.
  const renumber = new Map<number, number>();
  const citations: Citation[] = [];
  const order = [...text.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => claimsFor.has(n));
  for (const n of order) {
    if (renumber.has(n)) continue;
    const passage = byN.get(n);
    if (passage === undefined) continue;
    const picked = chosen?.get(n);
    const span = picked ?? bestSentence(passage, claimsFor.get(n) ?? []);
    const quote = normalizeWhitespace(passage.article.text.slice(span.start, span.end));
    const same = citations.find((c) => c.path === passage.article.path && c.quote === quote);
    if (same !== undefined) {
      renumber.set(n, same.n);
      continue;
    }
    const c: Citation = {
      n: citations.length + 1,
      title: passage.article.title,
      source: passage.article.source,
      date: passage.article.date,
      url: passage.article.url,
      path: passage.article.path,
      quote,
      ...(picked?.translation === undefined ? {} : { translation: picked.translation }),
    };
    citations.push(c);
    renumber.set(n, c.n);
  }

  const answer = text
    .replace(MARKER_GROUP, (_, group: string) => {
      const ns = [...new Set([...group.matchAll(/\d+/g)].map((m) => renumber.get(Number(m[0]))).filter((n): n is number => n !== undefined))];
      return ns.length === 0 ? "" : ` ${ns.map((n) => `[${n}]`).join("")}`;
    })
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { answer, citations, grounded: citations.length > 0 };
}
