/**
 * Latency summaries (p50 / p95 / p99) and ranking metrics (recall@k, MRR) — the numbers every
 * system in the benchmark is reported with, computed the same way for all of them.
 */

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  n: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

export function summarizeLatency(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)),
    n: sorted.length,
  };
}

export interface RankingSummary {
  recallAt1: number;
  recallAt5: number;
  /** Mean reciprocal rank within the first 10 articles (0 when not among them). */
  mrr: number;
  n: number;
}

/** 1-based rank of the first expected path in a ranked, de-duplicated article list; null when absent. */
export function rankOf(ranked: readonly string[], expected: readonly string[]): number | null {
  const i = ranked.findIndex((p) => expected.includes(p));
  return i < 0 ? null : i + 1;
}

export function summarizeRanks(ranks: readonly (number | null)[]): RankingSummary {
  const n = ranks.length || 1;
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r !== null && r <= 10 ? 1 / r : 0), 0) / n;
  return { recallAt1: within(1), recallAt5: within(5), mrr, n: ranks.length };
}

/** Keeps the first occurrence of each article, in order. */
export function dedupeArticles(paths: readonly string[], limit = 10): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!out.includes(p)) out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}
