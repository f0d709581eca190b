/**
 * Keeps a generated answer honest. Every `[n]` must point at a passage the model was given;
 * markers that point nowhere are removed. Each surviving citation quotes, verbatim, the sentence
 * of its passage that best supports the answer sentence(s) citing it. No valid citation → the
 * answer is not grounded.
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

export function checkCitations(text: string, passages: readonly NumberedPassage[]): CheckedAnswer {
  const byN = new Map(passages.map((p) => [p.n, p]));
  const claimsFor = new Map<number, string[]>();
  for (const sentence of answerSentences(text)) {
    const claim = sentence.replace(MARKER_GROUP, " ");
    for (const m of sentence.matchAll(/\d+/g)) {
      const inMarker = /\[[\d,;\s]*$/.test(sentence.slice(0, m.index)) && /^[\d,;\s]*\]/.test(sentence.slice(m.index));
      const n = Number(m[0]);
      if (!inMarker || !byN.has(n)) continue;
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
    const span = bestSentence(passage, claimsFor.get(n) ?? []);
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
