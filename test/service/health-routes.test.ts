/**
 * The operations endpoints on their own server (HTTP_PORT): /healthz, /readyz, /metrics scraped
 * and parsed the way Prometheus would, 405 for other methods, 404 elsewhere.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import { PrometheusMetrics } from "../../src/providers/prometheus-metrics.js";
import { HEALTH_PATHS, createHealthRoutes } from "../../src/service/health-routes.js";
import { startHttpServer, type RunningHttpServer } from "../../src/service/http-server.js";
import { Readiness } from "../../src/service/readiness.js";
import { answeredEvent } from "../helpers/answered-event.js";
import { parsePrometheusText, sampleValue } from "../helpers/prometheus-text.js";

function recording(lines: string[]): Logger {
  const put = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { debug: put("debug"), info: put("info"), warn: put("warn"), error: put("error") };
}

describe("health routes on the bot's HTTP server", () => {
  let server: RunningHttpServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(options: { readiness?: Readiness; metrics?: PrometheusMetrics; ready?: () => never } = {}) {
    const logs: string[] = [];
    const readiness = options.readiness ?? new Readiness();
    const routes = createHealthRoutes({
      ready: options.ready ?? (() => readiness.checks()),
      ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
      logger: recording(logs),
    });
    server = await startHttpServer({ port: 0, host: "127.0.0.1", handlers: [routes], logger: recording(logs), paths: HEALTH_PATHS });
    return { url: server.url, logs };
  }

  it("listens on the asked host (port 0: a free one) and logs the address", async () => {
    const { url, logs } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server?.port).toBeGreaterThan(0);
    expect(logs).toContain(`info http: listening on ${url} (/healthz, /readyz, /metrics)`);
  });

  it("/healthz says ok while the process is alive, ready or not", async () => {
    const { url } = await start({ readiness: new Readiness(["index"]) });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok\n");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("/readyz is 503 naming what is not ready, then 200 once the index is loaded and the adapters connected", async () => {
    const readiness = new Readiness(["index", "telegram", "discord"]);
    const { url } = await start({ readiness });
    let res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ ready: false, notReady: ["index", "telegram", "discord"], checks: { index: false, telegram: false, discord: false } });

    readiness.set("index", true);
    readiness.set("telegram", true);
    res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { notReady: string[] }).notReady).toEqual(["discord"]);

    readiness.set("discord", true);
    res = await fetch(`${url}/readyz?verbose=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, checks: { index: true, telegram: true, discord: true } });

    readiness.set("discord", false); // e.g. the gateway dropped
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });

  it("/readyz is 503 when the readiness check itself throws", async () => {
    const { url, logs } = await start({
      ready: () => {
        throw new Error("index holder gone");
      },
    });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false, notReady: ["readiness check"] });
    expect(logs.some((l) => l.startsWith("warn readiness check failed"))).toBe(true);
  });

  it("/metrics serves Prometheus text that parses: HELP and TYPE for every family, the counted questions", async () => {
    const metrics = new PrometheusMetrics();
    metrics.answered(answeredEvent({ platform: "telegram" }));
    metrics.answered(answeredEvent({ platform: "telegram" }));
    metrics.answered(answeredEvent({ platform: "discord", reason: "not_covered" }));
    metrics.setIndex({ articles: 6, generation: "20250101-000000-abcd" });
    const { url } = await start({ metrics });
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(metrics.contentType);
    const text = await res.text();
    expect(text).toContain('dossier_questions_total{platform="telegram",outcome="answered"} 2\n');
    expect(text).toMatch(/^# HELP dossier_questions_total .+$/m);
    expect(text).toMatch(/^# TYPE dossier_questions_total counter$/m);
    const families = parsePrometheusText(text);
    expect(sampleValue(families, "dossier_questions_total", { platform: "telegram", outcome: "answered" })).toBe(2);
    expect(sampleValue(families, "dossier_questions_total", { platform: "discord", outcome: "not_covered" })).toBe(1);
    expect(sampleValue(families, "dossier_index_generation_info", { generation: "20250101-000000-abcd" })).toBe(1);
    expect(families.get("dossier_answer_duration_seconds")?.type).toBe("histogram");
    expect(families.get("process_resident_memory_bytes") ?? families.get("nodejs_heap_size_total_bytes")).toBeDefined();
  });

  it("answers 405 (with Allow) for other methods on its paths, HEAD without a body, 404 elsewhere", async () => {
    const { url } = await start({ metrics: new PrometheusMetrics({ defaultMetrics: false }) });
    for (const path of HEALTH_PATHS) {
      const res = await fetch(`${url}${path}`, { method: "POST", body: "x" });
      expect(res.status, path).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      await res.text();
    }
    expect((await fetch(`${url}/healthz`, { method: "DELETE" })).status).toBe(405);
    const head = await fetch(`${url}/healthz`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
    await missing.text();
  });

  it("without a metrics source /metrics is not served (404), the other routes are", async () => {
    const { url } = await start();
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("a port in use is a CONFIG_INVALID error naming HTTP_PORT; close() can be called twice", async () => {
    const { url } = await start();
    const port = Number(new URL(url).port);
    await expect(startHttpServer({ port, host: "127.0.0.1", handlers: [], logger: recording([]) })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      message: expect.stringContaining("HTTP_PORT"),
    });
    await server?.close();
    await server?.close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    server = undefined;
  });
});
