/**
 * Reads what a question says about time, because dates matter in news: "in 2019" prefers that
 * year's articles, "the latest …" prefers recent ones, "after 2020" / "before the pandemic" filter.
 */
import type { RetrievalFilter } from "../core/types.js";

export interface DateIntent {
  /** Years named in the question ("in 2019", "the 2025 visit"). */
  years: number[];
  /** Prefer the newest articles ("latest", "most recent", "recently"). */
  preferRecent: boolean;
  /** Prefer the oldest articles ("first", "earliest"). */
  preferOldest: boolean;
  /** Hard bounds ("after 2020", "before the pandemic"). */
  filter: RetrievalFilter;
}

/** Chosen boundary for "the pandemic": its start in March 2020. */
const PANDEMIC_START = "2020-03-01";

export function parseDateIntent(question: string): DateIntent {
  const q = question.toLowerCase();
  const filter: RetrievalFilter = {};
  const years = [...q.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  const after = q.match(/\b(?:after|since|from)\s+(?:the\s+)?(?:year\s+)?(19[5-9]\d|20\d\d)\b/);
  const before = q.match(/\b(?:before|until|prior to)\s+(?:the\s+)?(?:year\s+)?(19[5-9]\d|20\d\d)\b/);
  // "since 2019" / "from 2019" include the year; "after 2019" starts the year after.
  if (after?.[1] !== undefined) filter.dateFrom = /^(?:since|from)\b/.test(after[0]) ? `${after[1]}-01-01` : `${Number(after[1]) + 1}-01-01`;
  if (before?.[1] !== undefined) filter.dateTo = `${Number(before[1]) - 1}-12-31`;
  if (/\b(?:after|since)\s+(?:the\s+)?(?:covid(?:-19)?\s+)?pandemic\b/.test(q)) filter.dateFrom = PANDEMIC_START;
  if (/\bbefore\s+(?:the\s+)?(?:covid(?:-19)?\s+)?pandemic\b/.test(q)) filter.dateTo = "2020-02-29";
  const bounded = new Set([after?.[1], before?.[1]].filter((y): y is string => y !== undefined).map(Number));
  return {
    years: years.filter((y) => !bounded.has(y)),
    preferRecent: /\b(latest|most recent|newest|recent(ly)?|last|current(ly)?|now)\b/.test(q),
    preferOldest: /\b(earliest|oldest|first time)\b/.test(q),
    filter,
  };
}

/** Whether an article date passes a filter (articles without a date pass only unbounded filters). */
export function passesDateFilter(date: string | null, filter: RetrievalFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter.dateFrom === undefined && filter.dateTo === undefined) return true;
  if (date === null) return false;
  if (filter.dateFrom !== undefined && date < filter.dateFrom) return false;
  if (filter.dateTo !== undefined && date > filter.dateTo) return false;
  return true;
}
