/**
 * Renders an `Answer` as Telegram HTML messages: the answer text, then the numbered sources (outlet,
 * date, title linked when there is a URL, the quoted sentence). Pure, so the exact output is tested
 * without a bot; every piece of user or article text goes through `escapeHtml`.
 */
import type { Answer, Citation } from "../../core/types.js";
import { escapeHtml, formatDate, safeHttpUrl, truncate } from "./html.js";
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

/** Answer → one or more messages (each ≤ `limit`), in HTML and in plain text for the fallback. */
export function formatAnswer(answer: Answer, options: FormatAnswerOptions = {}): MessagePart[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT;
  const text = answer.answer.trim() === "" ? FALLBACK_ANSWER : answer.answer.trim();
  const blocks: MessagePart[] = splitPlainText(text, limit).map(plainBlock);
  answer.citations.forEach((citation, i) => {
    const block = formatCitation(citation, options);
    blocks.push(i === 0 ? { html: `<b>Sources</b>\n${block.html}`, text: `Sources\n${block.text}` } : block);
  });
  return packBlocks(blocks, { limit });
}

/** One numbered source; bounded in length so it is never split across messages. */
export function formatCitation(citation: Citation, options: FormatAnswerOptions = {}): MessagePart {
  const title = truncate(citation.title.trim() || citation.path, options.maxTitleLength ?? 300);
  const url = safeHttpUrl(citation.url);
  const outlet = citation.source.trim();
  const date = formatDate(citation.date);

  const headHtml = [
    outlet === "" ? null : `<b>${escapeHtml(outlet)}</b>`,
    date === "" ? null : escapeHtml(date),
    url === null ? escapeHtml(title) : `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>`,
  ].filter((p): p is string => p !== null);
  const headText = [outlet || null, date || null, url === null ? title : `${title} (${url})`].filter(
    (p): p is string => p !== null,
  );

  const quote = truncate(normalizeWhitespace(citation.quote), options.maxQuoteLength ?? 1000);
  const quoteHtml = quote === "" ? "" : `\n<blockquote>${escapeHtml(quote)}</blockquote>`;
  const quoteText = quote === "" ? "" : `\n“${quote}”`;
  return {
    html: `[${citation.n}] ${headHtml.join(" · ")}${quoteHtml}`,
    text: `[${citation.n}] ${headText.join(" · ")}${quoteText}`,
  };
}
