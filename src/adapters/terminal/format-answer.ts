/**
 * Plain-text rendering for the terminal (the chat and `npm run ask`): the one-line answer, then
 * the sources grouped by article — outlet, date, title and link or file once per article, and
 * under it each quote with its `[n]` — wrapped to the terminal's width with hanging indents.
 *
 *     Muradil Jumadilde [1].
 *
 *     Sources
 *       AZERTAC, 2025-11-04 — Delegation of Kyrgyzstan Trade Unions
 *       studying Azerbaijan’s experience at AHIK
 *       2025-11-04-azertac-kyrgyz-trade-unions.md
 *         [1] “Muradil Jumadilde, Chairman of the Federation of
 *             Trade Unions of Kyrgyzstan, shared his views …”
 */
import type { Answer, CorpusInfo } from "../../core/types.js";
import { normalizeWhitespace } from "../../text/normalize-whitespace.js";
import { groupByArticle, type ArticleCitations } from "../../service/group-citations.js";
import { wrapText } from "./wrap-text.js";

export interface TextFormatOptions {
  /** Terminal columns to wrap to; 80 when not given (a pipe or a file). */
  width?: number;
}

export const DEFAULT_WIDTH = 80;

const FALLBACK_ANSWER = "I could not find an answer to that in the articles.";
const HEADER_INDENT = "  ";
const QUOTE_INDENT = "    ";

/** Control characters in article text (ANSI escapes, backspaces, carriage returns) must not reach the terminal. */
const CONTROL = /\p{Cc}/gu;

/** Text from an article or a user, on one line and without control characters. */
function clean(text: string): string {
  return normalizeWhitespace(text.replace(CONTROL, " "));
}

export function formatAnswerText(answer: Answer, options: TextFormatOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const given = answer.answer.split(/\n\s*\n/).map(clean).filter((p) => p !== "");
  const paragraphs = given.length > 0 ? given : [FALLBACK_ANSWER];
  const lines = paragraphs.flatMap((p, i) => [...(i > 0 ? [""] : []), ...wrapText(p, { width })]);
  const groups = groupByArticle(answer.citations);
  if (groups.length > 0) {
    lines.push("", "Sources");
    groups.forEach((group, i) => {
      if (i > 0) lines.push("");
      lines.push(...formatGroup(group, width));
    });
  }
  return lines.join("\n");
}

/** One article: its header once, then each of its quotes under its number. */
function formatGroup(group: ArticleCitations, width: number): string[] {
  const { article } = group;
  const title = clean(article.title) || clean(article.path);
  const head = `${clean(article.source) || "Unknown outlet"}, ${clean(article.date ?? "") || "undated"} — ${title}`;
  const lines = wrapText(head, { width, prefix: HEADER_INDENT });
  const location = clean(article.url ?? "") || clean(article.path);
  lines.push(...wrapText(location, { width, prefix: HEADER_INDENT, breakLongWords: false }));
  for (const citation of group.citations) {
    const quote = clean(citation.quote);
    const marker = `${QUOTE_INDENT}[${citation.n}] `;
    lines.push(...wrapText(quote === "" ? "" : `“${quote}”`, { width, prefix: marker }));
    // The model's translation of the quote (LLM mode), marked as such: only the quote is checked against the article.
    const translation = clean(citation.translation ?? "");
    if (translation !== "") lines.push(...wrapText(`translation (by the model): ${translation}`, { width, prefix: " ".repeat(marker.length) }));
  }
  return lines;
}

export function formatSourcesText(corpus: CorpusInfo, options: TextFormatOptions = {}): string {
  if (corpus.articles.length === 0) return "No articles are indexed yet. Add files to data/articles and run `npm run reindex`.";
  const width = options.width ?? DEFAULT_WIDTH;
  const lines = [`${corpus.articles.length} indexed article(s):`];
  corpus.articles.forEach((a, i) => {
    const number = `  ${i + 1}. `;
    const head = `${clean(a.title) || clean(a.path)} — ${clean(a.source) || "unknown outlet"}, ${clean(a.date ?? "") || "undated"}`;
    lines.push(...wrapText(head, { width, prefix: number }));
    lines.push(...wrapText(clean(a.url ?? "") || clean(a.path), { width, prefix: " ".repeat(number.length), breakLongWords: false }));
  });
  return lines.join("\n");
}

export function formatWelcomeText(corpus: CorpusInfo, options: TextFormatOptions = {}): string {
  const width = options.width ?? DEFAULT_WIDTH;
  const range = corpus.dateRange === null ? "" : `, ${corpus.dateRange.from} to ${corpus.dateRange.to}`;
  const outlets = corpus.sources.length > 0 ? ` from ${corpus.sources.map(clean).join(", ")}` : "";
  return [
    `dossier — I answer questions about ${corpus.articles.length} news article(s) on labour and trade-union cooperation${outlets}${range}.`,
    "Ask in plain words, e.g. “Who chairs the Federation of Trade Unions of Kyrgyzstan?”. Commands: /help, /sources, /quit.",
  ]
    .flatMap((line) => wrapText(line, { width }))
    .join("\n");
}
