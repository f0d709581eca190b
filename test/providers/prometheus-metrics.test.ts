/** The Prometheus observer: what each event does to which series, on a registry of its own. */
import { describe, expect, it } from "vitest";
import { register as globalRegistry } from "prom-client";
import { PrometheusMetrics, outcomeOf } from "../../src/providers/prometheus-metrics.js";
import { answeredEvent } from "../helpers/answered-event.js";
import { parsePrometheusText, sampleValue } from "../helpers/prometheus-text.js";

async function scrape(m: PrometheusMetrics) {
  return parsePrometheusText(await m.metrics());
}

describe("PrometheusMetrics", () => {
  it("counts questions by platform and outcome, with every known series starting at 0", async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.answered(answeredEvent({ platform: "telegram" }));
    m.answered(answeredEvent({ platform: "telegram" }));
    m.answered(answeredEvent({ platform: "discord", reason: "out_of_scope" }));
    m.answered(answeredEvent({ platform: "terminal", reason: "unsupported_language" }));
    m.answered(answeredEvent({ platform: "cli", reason: "not_covered" }));
    const f = await scrape(m);
    expect(f.get("dossier_questions_total")?.type).toBe("counter");
    const q = (platform: string, outcome: string) => sampleValue(f, "dossier_questions_total", { platform, outcome });
    expect(q("telegram", "answered")).toBe(2);
    expect(q("discord", "out_of_scope")).toBe(1);
    expect(q("terminal", "unsupported_language")).toBe(1);
    expect(q("cli", "not_covered")).toBe(1);
    expect(q("discord", "answered")).toBe(0);
    expect(f.get("dossier_questions_total")?.samples).toHaveLength(16);
  });

  it("an ungrounded answer without a reason counts as not covered", () => {
    const event = answeredEvent({ reason: "not_covered" });
    delete event.answer.reason;
    expect(outcomeOf(event.answer)).toBe("not_covered");
  });

  it("observes answer durations in seconds in buckets from 1 ms to 30 s, and counts LLM fallbacks", async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.answered(answeredEvent({ totalMs: 0.5 }));
    m.answered(answeredEvent({ totalMs: 40, llmFallback: true }));
    m.answered(answeredEvent({ totalMs: 45_000 }));
    const f = await scrape(m);
    const h = f.get("dossier_answer_duration_seconds");
    expect(h?.type).toBe("histogram");
    const les = h?.samples.filter((s) => s.name.endsWith("_bucket")).map((s) => s.labels["le"]);
    expect(les?.[0]).toBe("0.001");
    expect(les).toContain("30");
    expect(les?.at(-1)).toBe("+Inf");
    expect(sampleValue(f, "dossier_answer_duration_seconds_bucket", { le: "0.001" })).toBe(1);
    expect(sampleValue(f, "dossier_answer_duration_seconds_bucket", { le: "0.05" })).toBe(2);
    expect(sampleValue(f, "dossier_answer_duration_seconds_bucket", { le: "30" })).toBe(2);
    expect(sampleValue(f, "dossier_answer_duration_seconds_bucket", { le: "+Inf" })).toBe(3);
    expect(sampleValue(f, "dossier_answer_duration_seconds_count")).toBe(3);
    expect(sampleValue(f, "dossier_answer_duration_seconds_sum")).toBeCloseTo(45.0405, 6);
    expect(sampleValue(f, "dossier_llm_fallbacks_total")).toBe(1);
  });

  it("shows the loaded index: article count and only the current generation", async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.setIndex({ articles: 6, generation: "gen-0001" });
    m.setIndex({ articles: 7, generation: "gen-0002" });
    const f = await scrape(m);
    expect(f.get("dossier_index_articles")?.type).toBe("gauge");
    expect(sampleValue(f, "dossier_index_articles")).toBe(7);
    expect(f.get("dossier_index_generation_info")?.samples).toEqual([
      { name: "dossier_index_generation_info", labels: { generation: "gen-0002" }, value: 1 },
    ]);
  });

  it("counts re-index runs by result and observes their duration", async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.reindexed({ ms: 1200, ok: true });
    m.reindexed({ ms: 300, ok: true });
    m.reindexed({ ms: 50, ok: false });
    const f = await scrape(m);
    expect(sampleValue(f, "dossier_reindex_runs_total", { result: "ok" })).toBe(2);
    expect(sampleValue(f, "dossier_reindex_runs_total", { result: "failed" })).toBe(1);
    expect(sampleValue(f, "dossier_reindex_duration_seconds_count")).toBe(3);
    expect(sampleValue(f, "dossier_reindex_duration_seconds_sum")).toBeCloseTo(1.55, 6);
  });

  it("counts rate-limited and otherwise refused questions separately, by platform (and reason)", async () => {
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.rateLimited("telegram");
    m.admissionRefused("telegram", "RATE_LIMITED");
    m.admissionRefused("discord", "NOT_ALLOWED");
    m.refused("discord", "question_invalid");
    const f = await scrape(m);
    expect(sampleValue(f, "dossier_rate_limited_total", { platform: "telegram" })).toBe(2);
    expect(sampleValue(f, "dossier_rate_limited_total", { platform: "discord" })).toBe(0);
    expect(sampleValue(f, "dossier_refused_total", { platform: "discord", reason: "not_allowed" })).toBe(1);
    expect(sampleValue(f, "dossier_refused_total", { platform: "discord", reason: "question_invalid" })).toBe(1);
    expect(sampleValue(f, "dossier_refused_total", { platform: "telegram", reason: "rate_limited" })).toBeUndefined();
  });

  it("several instances live in one process, each with its own registry, never the global one", async () => {
    const a = new PrometheusMetrics();
    const b = new PrometheusMetrics();
    a.answered(answeredEvent());
    const [fa, fb] = [await scrape(a), await scrape(b)];
    expect(sampleValue(fa, "dossier_questions_total", { platform: "telegram", outcome: "answered" })).toBe(1);
    expect(sampleValue(fb, "dossier_questions_total", { platform: "telegram", outcome: "answered" })).toBe(0);
    expect(globalRegistry.getSingleMetric("dossier_questions_total")).toBeUndefined();
    // Node's process metrics come along on the same registry.
    expect(fa.get("process_cpu_user_seconds_total")?.type).toBe("counter");
    expect(fa.get("nodejs_heap_size_used_bytes")?.type).toBe("gauge");
    expect(a.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

describe("PrometheusMetrics: what several instances share", () => {
  it("reads Redis's state and the question log's buffer at scrape time; nothing when they are not configured", async () => {
    const state = { up: true, pending: 0, dropped: 0 };
    const m = new PrometheusMetrics({ defaultMetrics: false });
    m.watchShared({ redisUp: () => state.up, logPending: () => state.pending, logDropped: () => state.dropped });
    let f = await scrape(m);
    expect(sampleValue(f, "dossier_redis_up")).toBe(1);
    expect(sampleValue(f, "dossier_question_log_pending")).toBe(0);
    Object.assign(state, { up: false, pending: 12, dropped: 3 });
    f = await scrape(m);
    expect(sampleValue(f, "dossier_redis_up")).toBe(0);
    expect(sampleValue(f, "dossier_question_log_pending")).toBe(12);
    expect(sampleValue(f, "dossier_question_log_dropped")).toBe(3);

    const single = new PrometheusMetrics({ defaultMetrics: false });
    single.watchShared({});
    expect((await scrape(single)).has("dossier_redis_up")).toBe(false);
  });
});
