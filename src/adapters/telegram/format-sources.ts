/**
 * The bot's self-description — `/start`, `/help` and `/sources` — built from `service.corpus()` so
 * users see what the bot actually knows (how many articles, which outlets, which dates).
 */
import type { CorpusInfo, SourceInfo } from "../../core/types.js";
import { escapeHtml, formatDate, safeHttpUrl, truncate } from "./html.js";
import { packBlocks, type MessagePart } from "./split-message.js";

export interface GreetingOptions {
  botUsername: string;
  /** True in groups, where plain messages are not questions. */
  group: boolean;
}

/** The commands registered with `setMyCommands` and listed by `/help`. */
export const BOT_COMMANDS = [
  { command: "ask", description: "Ask a question about the articles" },
  { command: "sources", description: "List the indexed articles" },
  { command: "help", description: "How to use this bot" },
  { command: "start", description: "What this bot knows" },
] as const;

function both(html: string, text: string): MessagePart {
  return { html, text };
}

function outletsOf(corpus: CorpusInfo): string {
  const names = corpus.sources.filter((s) => s.trim() !== "");
  if (names.length === 0) return "";
  const shown = names.slice(0, 4);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

function howToAsk(options: GreetingOptions): MessagePart {
  const mention = `@${options.botUsername}`;
  return options.group
    ? both(
        `Here, write /ask followed by your question, mention ${escapeHtml(mention)}, or reply to one of my messages. /help lists the commands.`,
        `Here, write /ask followed by your question, mention ${mention}, or reply to one of my messages. /help lists the commands.`,
      )
    : both(
        "Just send me a question in plain words — I remember the last few, so follow-ups work. /help lists the commands.",
        "Just send me a question in plain words — I remember the last few, so follow-ups work. /help lists the commands.",
      );
}

/** Two lines: what the bot knows, and how to ask. */
export function formatStart(corpus: CorpusInfo, options: GreetingOptions): MessagePart[] {
  const n = corpus.articles.length;
  if (n === 0) {
    const line = "I have no articles indexed yet, so I cannot answer questions. (Maintainers: run npm run reindex.)";
    return [plain(line)];
  }
  const articles = `${n} news article${n === 1 ? "" : "s"}`;
  const outlets = outletsOf(corpus);
  const range = corpus.dateRange === null ? "" : dateRangeText(corpus.dateRange);
  const details = [outlets === "" ? "" : ` from ${outlets}`, range === "" ? "" : ` (${range})`].join("");
  const first = both(
    `I answer questions about <b>${escapeHtml(articles)}</b>${escapeHtml(details)}, and cite the sentence every answer comes from.`,
    `I answer questions about ${articles}${details}, and cite the sentence every answer comes from.`,
  );
  const second = howToAsk(options);
  return [both(`${first.html}\n${second.html}`, `${first.text}\n${second.text}`)];
}

function dateRangeText(range: { from: string; to: string }): string {
  const from = formatDate(range.from);
  const to = formatDate(range.to);
  return from === to ? from : `${from} – ${to}`;
}

function plain(text: string): MessagePart {
  return both(escapeHtml(text), text);
}

/** The command list, and how asking works in private chats and in groups. */
export function formatHelp(options: GreetingOptions): MessagePart[] {
  const mention = `@${options.botUsername}`;
  const lines: MessagePart[] = [
    both("<b>Commands</b>", "Commands"),
    both("/ask &lt;question&gt; — ask about the articles", "/ask <question> — ask about the articles"),
    plain("/sources — list the indexed articles"),
    plain("/help — this list"),
    plain("/start — what I know"),
    plain(""),
    plain("In a private chat, any message is a question."),
    plain(`In groups, use /ask, mention ${mention}, or reply to one of my messages.`),
    plain("Follow-ups such as “and who signed it?” work for a few minutes. Every answer lists its sources."),
  ];
  return packBlocks(lines, { separator: "\n" });
}

function sortByDate(articles: readonly SourceInfo[]): SourceInfo[] {
  return [...articles].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.title.localeCompare(b.title));
}

/** Every indexed article (title linked, outlet, date), newest first, split over messages as needed. */
export function formatSources(corpus: CorpusInfo): MessagePart[] {
  const articles = sortByDate(corpus.articles);
  if (articles.length === 0) return [plain("No articles are indexed yet.")];
  const blocks: MessagePart[] = [
    both(`<b>Indexed articles (${articles.length})</b>`, `Indexed articles (${articles.length})`),
  ];
  articles.forEach((a, i) => {
    const title = truncate(a.title.trim() || a.path, 300);
    const url = safeHttpUrl(a.url);
    const meta = [a.source.trim(), formatDate(a.date)].filter((s) => s !== "").join(", ");
    const suffix = meta === "" ? "" : ` — ${meta}`;
    blocks.push({
      html: `${i + 1}. ${url === null ? escapeHtml(title) : `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>`}${escapeHtml(suffix)}`,
      text: `${i + 1}. ${title}${url === null ? "" : ` (${url})`}${suffix}`,
    });
  });
  return packBlocks(blocks, { separator: "\n" });
}
