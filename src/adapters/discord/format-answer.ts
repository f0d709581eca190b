/**
 * Answer → Discord messages, as plain Markdown rather than embeds: embeds vanish for users who turn
 * off link previews, and plain text reads the same on desktop and mobile and in notifications.
 * Pure (no client, no I/O) so the layout is tested without a gateway. Sources are grouped by
 * article: the header once, then each of its quotes with its number.
 *
 *     Muradil Jumadilde [1], who met Sahil Babayev [2].
 *
 *     **Sources**
 *     [Title](<https://…>) · AZERTAC · 2025-11-04
 *     > **[1]** Muradil Jumadilde, Chairman of the Federation …
 *     > **[2]** The delegation met Sahil Babayev …
 */
import type { Answer, Citation } from "../../core/types.js";
import { groupByArticle, type ArticleCitations } from "../../service/group-citations.js";
import { collapseWhitespace, escapeInline, escapeMarkdown, safeLinkUrl, truncate } from "./escape-markdown.js";
import { safePayload, type SafePayload } from "./message-payload.js";
import { DISCORD_MESSAGE_LIMIT, packBlocks, type MessageBlock } from "./split-message.js";

/** Longest quote shown per citation; keeps one citation well inside one message. */
const MAX_QUOTE = 600;
const MAX_TITLE = 200;
const MAX_ECHOED_QUESTION = 300;
const SOURCES_TITLE = "**Sources**";

export interface FormatAnswerOptions {
  /** Echo the question above the answer (slash commands, where Discord hides the option text). */
  echoQuestion?: boolean;
  /** Ping the asker with the first message (replies to a message). */
  pingAsker?: boolean;
  /** Message size limit; Discord's is 2,000. */
  maxLength?: number;
}

/** Renders an answer and its sources as one or more messages, each within the limit. */
export function formatAnswer(answer: Answer, options: FormatAnswerOptions = {}): SafePayload[] {
  const texts = formatAnswerText(answer, options);
  return texts.map((text, i) => safePayload(text, { pingAsker: i === 0 && (options.pingAsker ?? false) }));
}

/** The message texts of an answer, without the payload wrapping. */
export function formatAnswerText(answer: Answer, options: FormatAnswerOptions = {}): string[] {
  const blocks: MessageBlock[] = [];
  if (options.echoQuestion === true && answer.question.trim() !== "") {
    blocks.push({ text: formatEchoedQuestion(answer.question) });
  }
  const body = answer.answer.trim() === "" ? "I couldn't find an answer to that in the articles." : answer.answer.trim();
  for (const paragraph of body.split(/\n\s*\n/)) {
    blocks.push({ text: escapeMarkdown(paragraph.trim()) });
  }
  const limit = options.maxLength ?? DISCORD_MESSAGE_LIMIT;
  groupByArticle(answer.citations).forEach((group, i) => {
    formatArticle(group, limit - SOURCES_TITLE.length - 1).forEach((text, j) => {
      blocks.push(i === 0 && j === 0 ? { text: `${SOURCES_TITLE}\n${text}` } : { text, separator: "\n" });
    });
  });
  return packBlocks(blocks, limit);
}

/** The question above a slash command's answer (and its draft), where Discord hides the option text. */
export function formatEchoedQuestion(question: string): string {
  return `**Q:** ${escapeInline(truncate(collapseWhitespace(question), MAX_ECHOED_QUESTION))}`;
}

/**
 * One article's header with its quotes. When they would not fit in one message the quotes are
 * spread over several blocks, each starting with the header again: a quote is never split, and
 * never shown without the article it comes from.
 */
export function formatArticle(group: ArticleCitations, budget = DISCORD_MESSAGE_LIMIT): string[] {
  const header = formatArticleHeader(group.article);
  const blocks: string[] = [];
  let current = header;
  let quotes = 0;
  for (const citation of group.citations) {
    const quote = formatQuote(citation);
    if (quotes > 0 && current.length + 1 + quote.length > budget) {
      blocks.push(current);
      current = `${header}\n${quote}`;
    } else {
      current = `${current}\n${quote}`;
    }
    quotes += 1;
  }
  blocks.push(current);
  return blocks;
}

/** Linked title (or the file), outlet, date. */
export function formatArticleHeader(article: Citation): string {
  const rawTitle = collapseWhitespace(article.title) || article.path;
  const title = escapeInline(truncate(rawTitle, MAX_TITLE));
  const url = safeLinkUrl(article.url);
  const parts = [url === null ? `*${title}*` : `[${title}](<${url}>)`];
  if (article.source.trim() !== "") parts.push(escapeInline(article.source));
  if (article.date !== null && article.date.trim() !== "") parts.push(escapeInline(article.date));
  return parts.join(" · ");
}

/** One quote as a quote line with its number, shortened so it always fits in one message. */
export function formatQuote(citation: Citation): string {
  const quote = collapseWhitespace(citation.quote);
  const marker = `**[${citation.n}]**`;
  if (quote === "") return `> ${marker}`;
  const line = `> ${marker} ${escapeInline(truncate(quote, MAX_QUOTE))}`;
  // The model's translation of the quote (LLM mode), marked as such: only the quote is checked against the article.
  const translation = collapseWhitespace(citation.translation ?? "");
  return translation === "" ? line : `${line}\n> *Translation (by the model):* ${escapeInline(truncate(translation, MAX_QUOTE))}`;
}
