/**
 * Answers to questions about the collection — "what's new?", "summarise the articles", "what
 * happened in 2021?", "which countries are mentioned?" — from the articles' metadata and leads
 * (the overview passages retrieval returns for them), each item cited with a verbatim sentence.
 */
import type { DraftAnswer } from "../../core/answerer.js";
import type { Passage, PassageArticle } from "../../core/passage.js";
import type { Citation } from "../../core/types.js";
import type { CollectionIntent } from "../../text/collection-intent.js";
import { normalizeWhitespace } from "../../text/normalize-whitespace.js";
import { countryOf, placesIn } from "../../text/places.js";
import { normalizeTerm } from "../../text/tokenize.js";
import { answerSpans } from "./answer-spans.js";

/** Articles listed by name in one answer. */
const LISTED = 5;
/** Countries or names listed in one answer. */
const NAMED = 10;

const BOILERPLATE = /\b(all content by|licensed under|creative commons|all rights reserved|copyright|©)\b/i;

/** The article's first real sentence (past the headline and dateline lines), as a span. */
function leadSentence(article: PassageArticle): { start: number; end: number } | null {
  for (const span of article.spans) {
    const text = article.text.slice(span.start, span.end);
    if (text.split(/\s+/).length >= 8 && !BOILERPLATE.test(text) && /[.!?…”"]$/.test(text.trim())) return span;
  }
  return article.spans[0] ?? null;
}

class Citations {
  readonly list: Citation[] = [];

  /** The number of a citation of `article` quoting `span`, added when new. */
  cite(article: PassageArticle, span: { start: number; end: number }): number {
    const quote = normalizeWhitespace(article.text.slice(span.start, span.end));
    const same = this.list.find((c) => c.path === article.path && c.quote === quote);
    if (same !== undefined) return same.n;
    const n = this.list.length + 1;
    this.list.push({ n, title: article.title, source: article.source, date: article.date, url: article.url, path: article.path, quote });
    return n;
  }
}

const describe = (a: PassageArticle) => `${a.title || a.path} (${[a.source, a.date].filter((x) => x !== null && x !== "").join(", ")})`;

function articlesAnswer(intro: string, passages: readonly Passage[], citations: Citations): string {
  const items = passages.slice(0, LISTED).flatMap((p) => {
    const span = leadSentence(p.article);
    return span === null ? [] : [`${describe(p.article)} [${citations.cite(p.article, span)}]`];
  });
  const more = passages.length > LISTED ? `; and ${passages.length - LISTED} more` : "";
  return `${intro} ${items.join("; ")}${more}.`;
}

/** Countries (or people, or organisations) named across the articles, most often first, each cited where it is named. */
function namedAcross(kind: "countries" | "people" | "organizations", passages: readonly Passage[], citations: Citations): string | null {
  const found = new Map<string, { label: string; articles: Set<string>; first: { article: PassageArticle; span: { start: number; end: number } } }>();
  for (const p of passages) {
    for (const span of p.article.spans) {
      const text = p.article.text.slice(span.start, span.end);
      if (BOILERPLATE.test(text)) continue;
      const names =
        kind === "countries"
          ? placesIn(normalizeTerm(text)).map((n) => countryOf(n)).filter((c): c is string => c !== null).map((c) => ({ key: c, label: c.replace(/\b\p{L}/gu, (x) => x.toUpperCase()) }))
          : answerSpans(text).filter((s) => s.kind === (kind === "people" ? "person" : "organization")).map((s) => ({ key: s.text.toLowerCase(), label: s.text }));
      for (const { key, label } of names) {
        const entry = found.get(key);
        if (entry === undefined) found.set(key, { label, articles: new Set([p.article.id]), first: { article: p.article, span } });
        else entry.articles.add(p.article.id);
      }
    }
  }
  if (found.size === 0) return null;
  const ranked = [...found.values()].sort((a, b) => b.articles.size - a.articles.size || a.label.localeCompare(b.label)).slice(0, NAMED);
  const items = ranked.map((e) => `${e.label} [${citations.cite(e.first.article, e.first.span)}]`);
  const more = found.size > NAMED ? ` (and ${found.size - NAMED} more)` : "";
  const what = kind === "countries" ? "Countries named in the articles" : kind === "people" ? "People named in the articles" : "Organisations named in the articles";
  return `${what}, most often first: ${items.join(", ")}${more}.`;
}

/** The answer to a collection question from overview passages (one per article, newest first). */
export function collectionAnswer(intent: CollectionIntent, passages: readonly Passage[]): DraftAnswer | null {
  if (passages.length === 0) return null;
  const citations = new Citations();
  const dates = passages.map((p) => p.article.date).filter((d): d is string => d !== null).sort();
  const range = dates.length === 0 ? "" : ` from ${dates[0]} to ${dates[dates.length - 1]}`;
  let answer: string | null;
  switch (intent.ask) {
    case "news":
      answer = articlesAnswer("The newest articles:", passages, citations);
      break;
    case "oldest":
      answer = articlesAnswer("The oldest articles:", passages, citations);
      break;
    case "year":
      answer = articlesAnswer(`In ${intent.year ?? ""} the articles report:`, passages, citations);
      break;
    case "summary":
    case "sources": {
      const outlets = [...new Set(passages.map((p) => p.article.source).filter((s) => s !== ""))];
      const count = `${passages.length}${passages.length >= 200 ? "+" : ""} article${passages.length === 1 ? "" : "s"}`;
      answer = articlesAnswer(`${count}${range} from ${outlets.slice(0, 6).join(", ")}${outlets.length > 6 ? " and others" : ""}; the newest:`, passages, citations);
      break;
    }
    default:
      answer = namedAcross(intent.ask, passages, citations);
  }
  if (answer === null) return null;
  return { answer, grounded: citations.list.length > 0, citations: citations.list, language: "en" };
}
