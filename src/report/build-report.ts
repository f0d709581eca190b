/**
 * The content-gap report as data, from the question log's rows: what people asked that the
 * articles did not cover (grouped into topics), which articles answer most, which answers users
 * voted down, and the traffic and refusal figures around them. Pure: the CLI reads the log, this
 * counts, the formatters print. Days are UTC calendar days.
 */
import type { Platform } from "../core/answer-log.js";
import type { LoggedQuestion } from "../core/logged-question.js";
import type { RefusalReason } from "../core/types.js";
import { groupTopics, type Topic } from "./group-topics.js";

export interface ReportTotals {
  questions: number;
  /** Distinct askers by user hash (questions without a user, e.g. from the CLI, are not counted). */
  askers: number;
  grounded: number;
  /** Every answer that was not grounded, whatever the reason. */
  refused: number;
  /** Refusals because the articles do not cover the question (a refusal without a reason counts here). */
  notCovered: number;
  outOfScope: number;
  unsupportedLanguage: number;
  llmFallbacks: number;
  /** refused / questions, 0 when there are none. */
  refusalRate: number;
  /** llmFallbacks / questions, 0 when there are none. */
  llmFallbackRate: number;
  upVotes: number;
  downVotes: number;
}

export interface CitedArticle {
  path: string;
  /** Answers that cited it. */
  count: number;
}

export interface DownvotedAnswer {
  id: string;
  /** ISO timestamp. */
  at: string;
  question: string;
  up: number;
  down: number;
  grounded: boolean;
  reason: RefusalReason | null;
  citedPaths: string[];
}

export interface DayCount {
  /** YYYY-MM-DD (UTC). */
  date: string;
  questions: number;
  grounded: number;
  refused: number;
}

export interface PlatformCount {
  platform: Platform;
  questions: number;
  refused: number;
}

/** What `report --json` prints. */
export interface GapReport {
  generatedAt: string;
  /** The `--since` day, or null for the whole log. */
  since: string | null;
  /** Days of the first and last question, or null when there are none. */
  period: { from: string; to: string } | null;
  totals: ReportTotals;
  /** Topics of the questions the articles did not cover, biggest first. */
  gaps: Topic[];
  mostCited: CitedArticle[];
  downvoted: DownvotedAnswer[];
  /** Every day of the period, including days without questions. */
  perDay: DayCount[];
  perPlatform: PlatformCount[];
}

export interface BuildReportOptions {
  /** Epoch milliseconds of the report (generatedAt). */
  now: number;
  since?: string | null;
  /** Least weighted Jaccard for two unanswered questions to share a topic. */
  topicThreshold?: number;
}

const DAY_MS = 86_400_000;

/** The UTC day of an epoch millisecond. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A refusal that says "the articles do not cover this" (or gives no reason). */
export function isGap(row: LoggedQuestion): boolean {
  return !row.grounded && (row.reason === "not_covered" || row.reason === null);
}

export function buildReport(rows: readonly LoggedQuestion[], options: BuildReportOptions): GapReport {
  const sorted = [...rows].sort((a, b) => a.at - b.at);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const gapsRows = sorted.filter(isGap);
  return {
    generatedAt: new Date(options.now).toISOString(),
    since: options.since ?? null,
    period: first === undefined || last === undefined ? null : { from: utcDay(first.at), to: utcDay(last.at) },
    totals: totals(sorted),
    gaps: groupTopics(gapsRows, { corpus: sorted.map((r) => r.question), ...(options.topicThreshold === undefined ? {} : { threshold: options.topicThreshold }) }),
    mostCited: mostCited(sorted),
    downvoted: downvoted(sorted),
    perDay: perDay(sorted),
    perPlatform: perPlatform(sorted),
  };
}

function totals(rows: readonly LoggedQuestion[]): ReportTotals {
  const n = rows.length;
  const count = (test: (r: LoggedQuestion) => boolean) => rows.filter(test).length;
  const refused = count((r) => !r.grounded);
  const llmFallbacks = count((r) => r.llmFallback);
  const rate = (x: number) => (n === 0 ? 0 : Math.round((x / n) * 10_000) / 10_000);
  return {
    questions: n,
    askers: new Set(rows.map((r) => r.userHash).filter((h): h is string => h !== null)).size,
    grounded: n - refused,
    refused,
    notCovered: count(isGap),
    outOfScope: count((r) => !r.grounded && r.reason === "out_of_scope"),
    unsupportedLanguage: count((r) => !r.grounded && r.reason === "unsupported_language"),
    llmFallbacks,
    refusalRate: rate(refused),
    llmFallbackRate: rate(llmFallbacks),
    upVotes: rows.reduce((s, r) => s + r.votes.up, 0),
    downVotes: rows.reduce((s, r) => s + r.votes.down, 0),
  };
}

function mostCited(rows: readonly LoggedQuestion[]): CitedArticle[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const p of new Set(r.citedPaths)) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()].map(([path, count]) => ({ path, count })).sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
}

function downvoted(rows: readonly LoggedQuestion[]): DownvotedAnswer[] {
  return rows
    .filter((r) => r.votes.down > 0)
    .sort((a, b) => b.votes.down - b.votes.up - (a.votes.down - a.votes.up) || b.votes.down - a.votes.down || b.at - a.at)
    .map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), question: r.question, up: r.votes.up, down: r.votes.down, grounded: r.grounded, reason: r.reason, citedPaths: r.citedPaths }));
}

function perDay(rows: readonly LoggedQuestion[]): DayCount[] {
  const byDay = new Map<string, DayCount>();
  for (const r of rows) {
    const date = utcDay(r.at);
    const day = byDay.get(date) ?? { date, questions: 0, grounded: 0, refused: 0 };
    day.questions += 1;
    if (r.grounded) day.grounded += 1;
    else day.refused += 1;
    byDay.set(date, day);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: DayCount[] = [];
  for (let t = Date.parse(`${utcDay(first.at)}T00:00:00Z`); t <= last.at; t += DAY_MS) {
    const date = utcDay(t);
    out.push(byDay.get(date) ?? { date, questions: 0, grounded: 0, refused: 0 });
  }
  return out;
}

function perPlatform(rows: readonly LoggedQuestion[]): PlatformCount[] {
  const by = new Map<Platform, PlatformCount>();
  for (const r of rows) {
    const p = by.get(r.platform) ?? { platform: r.platform, questions: 0, refused: 0 };
    p.questions += 1;
    if (!r.grounded) p.refused += 1;
    by.set(r.platform, p);
  }
  return [...by.values()].sort((a, b) => b.questions - a.questions || a.platform.localeCompare(b.platform));
}
