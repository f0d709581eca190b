/**
 * Answer → Discord messages, as plain Markdown rather than embeds: embeds vanish for users who turn
 * off link previews, and plain text reads the same on desktop and mobile and in notifications.
 * Pure (no client, no I/O) so the layout is tested without a gateway.
 *
 *     Muradil Jumadilde is the Chairman of … [1].
 *
 *     **Sources**
 *     **[1]** [Title](<https://…>) · AZERTAC · 2025-11-04
 *     > Muradil Jumadilde, Chairman of the Federation …
 */
import type { Answer, Citation } from "../../core/types.js";
import { collapseWhitespace, escapeInline, escapeMarkdown, safeLinkUrl, truncate } from "./escape-markdown.js";
import { safePayload, type SafePayload } from "./message-payload.js";
import { DISCORD_MESSAGE_LIMIT, packBlocks, type MessageBlock } from "./split-message.js";

/** Longest quote shown per citation; keeps one citation well inside one message. */
const MAX_QUOTE = 600;
const MAX_TITLE = 200;
const MAX_ECHOED_QUESTION = 300;

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
    blocks.push({ text: `**Q:** ${escapeInline(truncate(collapseWhitespace(answer.question), MAX_ECHOED_QUESTION))}` });
  }
  const body = answer.answer.trim() === "" ? "I couldn't find an answer to that in the articles." : answer.answer.trim();
  for (const paragraph of body.split(/\n\s*\n/)) {
    blocks.push({ text: escapeMarkdown(paragraph.trim()) });
  }
  answer.citations.forEach((citation, i) => {
    const text = formatCitation(citation);
    blocks.push(i === 0 ? { text: `**Sources**\n${text}` } : { text, separator: "\n" });
  });
  return packBlocks(blocks, options.maxLength ?? DISCORD_MESSAGE_LIMIT);
}

/** One source: number, linked title, outlet, date, then the quoted sentence on its own line. */
export function formatCitation(citation: Citation): string {
  const rawTitle = collapseWhitespace(citation.title) || citation.path;
  const title = escapeInline(truncate(rawTitle, MAX_TITLE));
  const url = safeLinkUrl(citation.url);
  const parts = [url === null ? `*${title}*` : `[${title}](<${url}>)`];
  if (citation.source.trim() !== "") parts.push(escapeInline(citation.source));
  if (citation.date !== null && citation.date.trim() !== "") parts.push(escapeInline(citation.date));
  const head = `**[${citation.n}]** ${parts.join(" · ")}`;
  const quote = collapseWhitespace(citation.quote);
  return quote === "" ? head : `${head}\n> ${escapeInline(truncate(quote, MAX_QUOTE))}`;
}
