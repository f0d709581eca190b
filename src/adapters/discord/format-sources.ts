/**
 * Texts for `/sources` and `/help`, built from `service.corpus()` so they always describe the index
 * that is actually loaded. Pure, like the answer formatter, and split to Discord's limit.
 */
import type { CorpusInfo, SourceInfo } from "../../core/types.js";
import { collapseWhitespace, escapeInline, safeLinkUrl, truncate } from "./escape-markdown.js";
import { DISCORD_MESSAGE_LIMIT, packBlocks, type MessageBlock } from "./split-message.js";
import { joinList } from "../../text/join-list.js";

/** Articles listed by `/sources` before "…and N more", so the reply stays a couple of messages. */
const DEFAULT_MAX_ARTICLES = 25;

export interface FormatSourcesOptions {
  maxArticles?: number;
  maxLength?: number;
}

/** The `/sources` reply: every indexed article (newest first) with outlet, date and link. */
export function formatSources(corpus: CorpusInfo, options: FormatSourcesOptions = {}): string[] {
  if (corpus.articles.length === 0) {
    return ["No articles are indexed yet. Maintainers: add files to `data/articles/` and run `npm run reindex`."];
  }
  const max = options.maxArticles ?? DEFAULT_MAX_ARTICLES;
  const articles = [...corpus.articles].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  const blocks: MessageBlock[] = [{ text: `**Indexed articles** — ${describeCorpus(corpus)}` }];
  articles.slice(0, max).forEach((article, i) => {
    blocks.push({ text: `${i + 1}\\. ${formatArticle(article)}`, separator: i === 0 ? "\n\n" : "\n" });
  });
  if (articles.length > max) blocks.push({ text: `…and ${articles.length - max} more.`, separator: "\n" });
  return packBlocks(blocks, options.maxLength ?? DISCORD_MESSAGE_LIMIT);
}

export interface FormatHelpOptions {
  maxQuestionLength: number;
  /** Whether the bot can read mentions (the Message Content intent is on). */
  messageContent: boolean;
  /** How to mention the bot, e.g. `<@123>`; shown in the example. */
  botMention?: string;
}

/** The `/help` reply: what the bot knows, how to ask, how follow-ups and sources work. */
export function formatHelp(corpus: CorpusInfo, options: FormatHelpOptions): string[] {
  const mention = options.botMention ?? "@dossier";
  const ask = [
    "**How to ask**",
    "• `/ask` and type your question, e.g. `/ask question: Who signed the agreement?`",
    options.messageContent
      ? `• or mention me with your question: ${mention} who signed the agreement?`
      : "• (mentions are off on this bot: please use `/ask`)",
    "• Reply to one of my answers to ask a follow-up; I remember your last few questions in this channel for a while — only yours.",
    "• Direct messages work too.",
    `• Questions can be up to ${options.maxQuestionLength} characters.`,
  ].join("\n");
  const commands = [
    "**Commands**",
    "• `/ask` — ask a question",
    "• `/sources` — list the indexed articles",
    "• `/help` — this message",
  ].join("\n");
  const trust =
    "Every answer cites its sources as [1], [2] … with the sentence quoted word for word from the article. " +
    "When the articles don't cover a question, I say so instead of guessing.";
  const intro =
    corpus.articles.length === 0
      ? "I answer questions about news articles, but none are indexed yet."
      : `I answer questions about ${describeCorpus(corpus)}, and show where each answer comes from.`;
  return packBlocks([{ text: intro }, { text: ask }, { text: commands }, { text: trust }], DISCORD_MESSAGE_LIMIT);
}

/** "2 news articles from AZERTAC and Mehr News Agency, 2019-06-18 to 2025-11-04". */
function describeCorpus(corpus: CorpusInfo): string {
  const n = corpus.articles.length;
  let text = `${n} news article${n === 1 ? "" : "s"}`;
  const sources = corpus.sources.filter((s) => s.trim() !== "");
  if (sources.length > 0 && sources.length <= 5) text += ` from ${joinList(sources.map((s) => escapeInline(s)))}`;
  else if (sources.length > 5) text += ` from ${sources.length} outlets`;
  if (corpus.dateRange !== null) {
    const { from, to } = corpus.dateRange;
    text += from === to ? `, ${escapeInline(from)}` : `, ${escapeInline(from)} to ${escapeInline(to)}`;
  }
  return text;
}

function formatArticle(article: SourceInfo): string {
  const title = escapeInline(truncate(collapseWhitespace(article.title) || article.path, 200));
  const url = safeLinkUrl(article.url);
  const parts = [url === null ? `**${title}**` : `**[${title}](<${url}>)**`];
  if (article.source.trim() !== "") parts.push(escapeInline(article.source));
  if (article.date !== null) parts.push(escapeInline(article.date));
  return parts.join(" · ");
}
