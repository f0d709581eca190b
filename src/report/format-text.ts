/**
 * The content-gap report for the terminal: the figures first, then the topics to write articles
 * about, the articles that answer most, the answers users voted down, and the traffic. Long lists
 * are cut (the JSON and HTML have them whole).
 */
import type { DayCount, GapReport } from "./build-report.js";

export interface TextLimits {
  topics: number;
  articles: number;
  downvoted: number;
}

const DEFAULT_LIMITS: TextLimits = { topics: 15, articles: 10, downvoted: 10 };
const BAR_WIDTH = 30;

/** "12.5%". */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toString()}%`;
}

/** "not covered" for "not_covered". */
export function reasonText(reason: string | null): string {
  return reason === null ? "no reason given" : reason.replace(/_/g, " ");
}

function clip(text: string, max = 90): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

function bar(value: number, max: number): string {
  return max === 0 ? "" : "█".repeat(Math.max(value > 0 ? 1 : 0, Math.round((value / max) * BAR_WIDTH)));
}

/** Days summed in weeks of seven from the first day, for long periods. */
function byWeek(days: readonly DayCount[]): DayCount[] {
  const out: DayCount[] = [];
  days.forEach((d, i) => {
    const week = out[Math.floor(i / 7)];
    if (week === undefined) out.push({ ...d });
    else {
      week.questions += d.questions;
      week.grounded += d.grounded;
      week.refused += d.refused;
    }
  });
  return out;
}

function more(lines: string[], shown: number, total: number, what: string): void {
  if (total > shown) lines.push(`  … and ${total - shown} more ${what} (see --json or --html)`);
}

export function formatReportText(report: GapReport, limits: Partial<TextLimits> = {}): string {
  const limit = { ...DEFAULT_LIMITS, ...limits };
  const t = report.totals;
  const lines: string[] = [];
  const period = report.period === null ? "no questions yet" : report.period.from === report.period.to ? report.period.from : `${report.period.from} to ${report.period.to}`;
  lines.push(`Question log report: ${period}${report.since === null ? "" : ` (since ${report.since})`}`);
  if (t.questions === 0) {
    lines.push("  No questions were logged in this period.");
    return lines.join("\n");
  }
  lines.push(`  ${t.questions} question(s) from ${t.askers} asker(s); ${t.grounded} answered from the articles.`);
  lines.push(`  Refused ${t.refused} (${percent(t.refusalRate)}): not covered ${t.notCovered}, out of scope ${t.outOfScope}, unsupported language ${t.unsupportedLanguage}.`);
  lines.push(`  LLM fallback ${t.llmFallbacks} (${percent(t.llmFallbackRate)}). Votes: ${t.upVotes} up, ${t.downVotes} down.`);

  lines.push("", `Not covered by the articles: ${t.notCovered} question(s) in ${report.gaps.length} topic(s)`);
  if (report.gaps.length === 0) lines.push("  (none)");
  for (const topic of report.gaps.slice(0, limit.topics)) {
    const askers = topic.askers > 0 ? `, ${topic.askers} asker(s)` : "";
    lines.push(`  ${String(topic.count).padStart(4)}× ${clip(topic.label, 40)}${askers}`);
    lines.push(`        e.g. "${clip(topic.example)}"`);
  }
  more(lines, limit.topics, report.gaps.length, "topic(s)");

  lines.push("", "Most-cited articles");
  if (report.mostCited.length === 0) lines.push("  (none)");
  for (const a of report.mostCited.slice(0, limit.articles)) lines.push(`  ${String(a.count).padStart(5)}  ${a.path}`);
  more(lines, limit.articles, report.mostCited.length, "article(s)");

  lines.push("", "Downvoted answers");
  if (report.downvoted.length === 0) lines.push("  (none)");
  for (const d of report.downvoted.slice(0, limit.downvoted)) {
    const outcome = d.grounded ? `cited ${d.citedPaths.join(", ") || "nothing"}` : `refused: ${reasonText(d.reason)}`;
    lines.push(`  -${d.down} +${d.up}  ${d.at.slice(0, 10)}  "${clip(d.question, 70)}"  ${outcome}`);
  }
  more(lines, limit.downvoted, report.downvoted.length, "answer(s)");

  const weekly = report.perDay.length > 31;
  lines.push("", `Questions per ${weekly ? "week (starting on the day shown, " : "day ("}UTC; ░ = refused)`);
  const periods = weekly ? byWeek(report.perDay) : report.perDay;
  const maxDay = Math.max(...periods.map((d) => d.questions));
  for (const d of periods) {
    const full = bar(d.questions, maxDay);
    const refused = Math.min(full.length, Math.round((d.refused / Math.max(d.questions, 1)) * full.length));
    lines.push(`  ${d.date}  ${String(d.questions).padStart(5)}  ${"█".repeat(full.length - refused)}${"░".repeat(refused)}`);
  }

  lines.push("", "Per platform");
  const width = Math.max(...report.perPlatform.map((p) => p.platform.length));
  for (const p of report.perPlatform) lines.push(`  ${p.platform.padEnd(width)}  ${String(p.questions).padStart(5)}  refused ${percent(p.questions === 0 ? 0 : p.refused / p.questions)}`);
  return lines.join("\n");
}
