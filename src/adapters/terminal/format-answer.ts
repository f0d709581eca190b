/**
 * Plain-text rendering of an answer for the terminal: the answer, then each numbered source with
 * outlet, date, title, link (or file) and the quoted sentence.
 */
import type { Answer, CorpusInfo } from "../../core/types.js";

export function formatAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.citations.length > 0) {
    lines.push("", "Sources:");
    for (const c of answer.citations) {
      const head = [c.source || "Unknown outlet", c.date ?? "undated"].join(", ");
      lines.push(`  [${c.n}] ${head} — ${c.title || c.path}`);
      lines.push(`      ${c.url ?? c.path}`);
      lines.push(`      “${c.quote}”`);
    }
  }
  return lines.join("\n");
}

export function formatSourcesText(corpus: CorpusInfo): string {
  if (corpus.articles.length === 0) return "No articles are indexed yet. Add files to data/articles and run `npm run reindex`.";
  const lines = [`${corpus.articles.length} indexed article(s):`];
  corpus.articles.forEach((a, i) => {
    lines.push(`  ${i + 1}. ${a.title || a.path} — ${a.source || "unknown outlet"}, ${a.date ?? "undated"}`);
    lines.push(`     ${a.url ?? a.path}`);
  });
  return lines.join("\n");
}

export function formatWelcomeText(corpus: CorpusInfo): string {
  const range = corpus.dateRange === null ? "" : `, ${corpus.dateRange.from} to ${corpus.dateRange.to}`;
  const outlets = corpus.sources.length > 0 ? ` from ${corpus.sources.join(", ")}` : "";
  return [
    `dossier — I answer questions about ${corpus.articles.length} news article(s) on labour and trade-union cooperation${outlets}${range}.`,
    "Ask in plain words, e.g. “Who chairs the Federation of Trade Unions of Kyrgyzstan?”. Commands: /help, /sources, /quit.",
  ].join("\n");
}
