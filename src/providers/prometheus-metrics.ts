/**
 * Prometheus metrics for the running bot: questions by platform and outcome, answer latency, LLM
 * fallbacks, the loaded index, re-index runs and refused requests, plus Node's process metrics.
 * Each instance owns its own prom-client `Registry` (never the library's global one), so several
 * can live in one process — tests, or two bots — without "metric already registered" clashes.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { AnsweredEvent, AnswerObserver, Platform } from "../core/answer-log.js";

/** Answer latency buckets, in seconds: 1 ms (a cached extractive answer) … 30 s (a slow LLM). */
export const ANSWER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Re-index buckets, in seconds: an unchanged folder (well under a second) … a full rebuild of a big corpus. */
export const REINDEX_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export type QuestionOutcome = "answered" | "not_covered" | "out_of_scope" | "unsupported_language";

const PLATFORMS: readonly Platform[] = ["telegram", "discord", "terminal", "cli"];
const OUTCOMES: readonly QuestionOutcome[] = ["answered", "not_covered", "out_of_scope", "unsupported_language"];

export interface PrometheusMetricsOptions {
  /** Node's process metrics (CPU, memory, event-loop lag, GC) on the same registry. Default true. */
  defaultMetrics?: boolean;
}

/** A label value from our own code, kept short and to Prometheus-friendly characters (bounded cardinality). */
function labelValue(value: string): string {
  const v = value
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 40);
  return v === "" ? "unknown" : v;
}

/** The outcome label of an answer: grounded, or its refusal reason. */
export function outcomeOf(answer: AnsweredEvent["answer"]): QuestionOutcome {
  return answer.grounded ? "answered" : (answer.reason ?? "not_covered");
}

/** Counters and gauges scraped at `/metrics`; an `AnswerObserver`, so the service reports every answer to it. */
export class PrometheusMetrics implements AnswerObserver {
  readonly registry = new Registry();
  private readonly questions: Counter<"platform" | "outcome">;
  private readonly answerDuration: Histogram;
  private readonly llmFallbacks: Counter;
  private readonly indexArticles: Gauge;
  private readonly indexGeneration: Gauge<"generation">;
  private readonly reindexRuns: Counter<"result">;
  private readonly reindexDuration: Histogram;
  private readonly rateLimitedTotal: Counter<"platform">;
  private readonly refusedTotal: Counter<"platform" | "reason">;

  constructor(options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.questions = new Counter({
      name: "dossier_questions_total",
      help: "Questions answered, by platform and outcome (answered, not_covered, out_of_scope, unsupported_language).",
      labelNames: ["platform", "outcome"],
      registers,
    });
    this.answerDuration = new Histogram({
      name: "dossier_answer_duration_seconds",
      help: "Time from question to final answer (retrieval, rewrite and answer), in seconds.",
      buckets: ANSWER_BUCKETS,
      registers,
    });
    this.llmFallbacks = new Counter({
      name: "dossier_llm_fallbacks_total",
      help: "Questions where LLM mode fell back to the extractive answer.",
      registers,
    });
    this.indexArticles = new Gauge({ name: "dossier_index_articles", help: "Articles in the loaded index.", registers });
    this.indexGeneration = new Gauge({
      name: "dossier_index_generation_info",
      help: "The loaded index generation (value 1 on the current one).",
      labelNames: ["generation"],
      registers,
    });
    this.reindexRuns = new Counter({ name: "dossier_reindex_runs_total", help: "Re-index runs, by result (ok, failed).", labelNames: ["result"], registers });
    this.reindexDuration = new Histogram({
      name: "dossier_reindex_duration_seconds",
      help: "Duration of re-index runs, in seconds.",
      buckets: REINDEX_BUCKETS,
      registers,
    });
    this.rateLimitedTotal = new Counter({
      name: "dossier_rate_limited_total",
      help: "Questions turned away by the per-user rate limit, by platform.",
      labelNames: ["platform"],
      registers,
    });
    this.refusedTotal = new Counter({
      name: "dossier_refused_total",
      help: "Questions turned away by admission for another reason than the rate limit (not_allowed, question_invalid), by platform.",
      labelNames: ["platform", "reason"],
      registers,
    });
    // Known label combinations start at 0, so rate() and alerts see a series before the first event.
    for (const platform of PLATFORMS) {
      for (const outcome of OUTCOMES) this.questions.inc({ platform, outcome }, 0);
      this.rateLimitedTotal.inc({ platform }, 0);
    }
    for (const result of ["ok", "failed"]) this.reindexRuns.inc({ result }, 0);
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** The Content-Type header of `metrics()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  answered(event: AnsweredEvent): void {
    this.questions.inc({ platform: labelValue(event.platform), outcome: outcomeOf(event.answer) });
    const totalMs = event.answer.timings.totalMs;
    if (Number.isFinite(totalMs) && totalMs >= 0) this.answerDuration.observe(totalMs / 1000);
    if (event.llmFallback) this.llmFallbacks.inc();
  }

  /** The index now being served (on load and on every hot reload). */
  setIndex(index: { articles: number; generation: string }): void {
    this.indexArticles.set(index.articles);
    this.indexGeneration.reset();
    this.indexGeneration.set({ generation: index.generation }, 1);
  }

  /**
   * Gauges read at scrape time from what several instances share: whether Redis answers (only when
   * it is configured) and the question log's buffer while its database is away.
   */
  watchShared(sources: { redisUp?: () => boolean; logPending?: () => number; logDropped?: () => number }): void {
    const registers = [this.registry];
    const { redisUp, logPending, logDropped } = sources;
    if (redisUp !== undefined) {
      new Gauge({ name: "dossier_redis_up", help: "1 while Redis (REDIS_URL) answers, 0 while this instance falls back to its own memory and limits.", registers, collect() { this.set(redisUp() ? 1 : 0); } });
    }
    if (logPending !== undefined) {
      new Gauge({ name: "dossier_question_log_pending", help: "Answers waiting to be written to the question log (its database unreachable).", registers, collect() { this.set(logPending()); } });
    }
    if (logDropped !== undefined) {
      new Gauge({ name: "dossier_question_log_dropped", help: "Answers the question log lost for good since start (buffer full, refused rows).", registers, collect() { this.set(logDropped()); } });
    }
  }

  /** One re-index run finished (`ok: false` when it failed). */
  reindexed(run: { ms: number; ok: boolean }): void {
    this.reindexRuns.inc({ result: run.ok ? "ok" : "failed" });
    if (Number.isFinite(run.ms) && run.ms >= 0) this.reindexDuration.observe(run.ms / 1000);
  }

  rateLimited(platform: string): void {
    this.rateLimitedTotal.inc({ platform: labelValue(platform) });
  }

  /** A refusal other than the rate limit; `reason` is lower-cased (`NOT_ALLOWED` → `not_allowed`). */
  refused(platform: string, reason: string): void {
    this.refusedTotal.inc({ platform: labelValue(platform), reason: labelValue(reason) });
  }

  /**
   * Fits admission's `onRefused(asker, code)`: `RATE_LIMITED` counts as rate limited, any other
   * code as refused with that reason — so the two counters never count the same request.
   */
  admissionRefused(platform: string, code: string): void {
    if (code === "RATE_LIMITED") this.rateLimited(platform);
    else this.refused(platform, code);
  }

  /** The Prometheus text exposition of every metric. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
