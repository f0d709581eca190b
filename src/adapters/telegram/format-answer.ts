/**
 * Renders an `Answer` as Telegram HTML messages: the answer line, then the sources grouped by
 * article — outlet, date and title (linked when there is a URL) once per article, and under it
 * each of that article's quotes with its `[n]`. Pure, so the exact output is tested without a
 * bot; every piece of user or article text goes through `escapeHtml`.
 *
 *     Muradil Jumadilde [1], who met Sahil Babayev [2].
 *
 *     <b>Sources</b>
 *     <b>AZERTAC</b> · 4 Nov 2025 · <a href="https://…">Delegation of Kyrgyzstan Trade Unions …</a>
 *     <blockquote>[1] Muradil Jumadilde, Chairman of the Federation …</blockquote>
 *     <blockquote>[2] The delegation met Sahil Babayev …</blockquote>
 */
import type { Answer, Citation } from "../../core/types.js";
import { escapeHtml, formatDate, safeHttpUrl, truncate } from "./html.js";
import { groupByArticle, type ArticleCitations } from "../../service/group-citations.js";
import { TELEGRAM_MESSAGE_LIMIT, packBlocks, plainBlock, splitPlainText, type MessagePart } from "./split-message.js";
import { normalizeWhitespace } from "../../text/normalize-whitespace.js";

export interface FormatAnswerOptions {
  /** Maximum length of one message; Telegram's is 4,096. */
  limit?: number;
  /** Quotes longer than this are shortened with "…" so one citation always fits in one message. */
  maxQuoteLength?: number;
  maxTitleLength?: number;
}

const FALLBACK_ANSWER = "I could not find an answer to that in the articles.";
const SOURCES_TITLE: MessagePart = { html: "<b>Sources</b>", text: "Sources" };

/** Answer → one or more messages (each ≤ `limit`), in HTML and in plain text for the fallback. */
export function formatAnswer(answer: Answer, options: FormatAnswerOptions = {}): MessagePart[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT;
  const text = answer.answer.trim() === "" ? FALLBACK_ANSWER : answer.answer.trim();
  const blocks: MessagePart[] = splitPlainText(text, limit).map(plainBlock);
  // Room for the "Sources" title, so the first article's block still fits one message with it.
  const budget = limit - SOURCES_TITLE.html.length - 1;
  groupByArticle(answer.citations).forEach((group, i) => {
    formatArticle(group, options, budget).forEach((block, j) => {
      blocks.push(i === 0 && j === 0 ? joinLines(SOURCES_TITLE, block) : block);
    });
  });
  return packBlocks(blocks, { limit });
}

/**
 * One article's header with its quotes, as one block. When they would not fit in one message the
 * quotes are spread over several blocks, each starting with the header again: a quote is never
 * split, and never shown without the article it comes from.
 */
export function formatArticle(group: ArticleCitations, options: FormatAnswerOptions = {}, budget = TELEGRAM_MESSAGE_LIMIT): MessagePart[] {
  const header = formatArticleHeader(group.article, options);
  const blocks: MessagePart[] = [];
  let current = header;
  let quotes = 0;
  for (const citation of group.citations) {
    const quote = formatQuote(citation, options);
    const joined = joinLines(current, quote);
    if (quotes > 0 && joined.html.length > budget) {
      blocks.push(current);
      current = joinLines(header, quote);
    } else {
      current = joined;
    }
    quotes += 1;
  }
  blocks.push(current);
  return blocks;
}

/** Outlet, date and title — linked when the URL is a usable http(s) link. */
export function formatArticleHeader(article: Citation, options: FormatAnswerOptions = {}): MessagePart {
  const title = truncate(normalizeWhitespace(article.title) || article.path, options.maxTitleLength ?? 300);
  const url = safeHttpUrl(article.url);
  const outlet = normalizeWhitespace(article.source);
  const date = formatDate(article.date);
  const html = [
    outlet === "" ? null : `<b>${escapeHtml(outlet)}</b>`,
    date === "" ? null : escapeHtml(date),
    url === null ? escapeHtml(title) : `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>`,
  ];
  const text = [outlet || null, date || null, url === null ? title : `${title} (${url})`];
  const present = (p: string | null): p is string => p !== null;
  return { html: html.filter(present).join(" · "), text: text.filter(present).join(" · ") };
}

/** How the model's translation of a quote is introduced (it is not the article's text). */
const TRANSLATION_LABEL = "Translation (by the model):";

/** One quote with its number; bounded in length so it is never split across messages. */
export function formatQuote(citation: Citation, options: FormatAnswerOptions = {}): MessagePart {
  const quote = truncate(normalizeWhitespace(citation.quote), options.maxQuoteLength ?? 1000);
  const marker = `[${citation.n}]`;
  if (quote === "") return plainBlock(marker);
  // The model's translation of the quote (LLM mode), marked as such: only the quote is checked against the article.
  const translation = citation.translation === undefined ? "" : truncate(normalizeWhitespace(citation.translation), options.maxQuoteLength ?? 1000);
  if (translation === "") return { html: `<blockquote>${marker} ${escapeHtml(quote)}</blockquote>`, text: `${marker} “${quote}”` };
  return {
    html: `<blockquote>${marker} ${escapeHtml(quote)}\n<i>${TRANSLATION_LABEL} ${escapeHtml(translation)}</i></blockquote>`,
    text: `${marker} “${quote}”\n${TRANSLATION_LABEL} ${translation}`,
  };
}

function joinLines(a: MessagePart, b: MessagePart): MessagePart {
  return { html: `${a.html}\n${b.html}`, text: `${a.text}\n${b.text}` };
}
