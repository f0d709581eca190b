/**
 * The operations endpoints, as one plain `node:http` handler so they can live on their own server
 * or on one that already runs (the Telegram webhook's): `/healthz` (the process is alive),
 * `/readyz` (the index is loaded and the front ends are connected) and `/metrics` (Prometheus).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";

/** A request handler that returns true when it handled the request, false to let another try. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Named checks, e.g. `{ index: true, telegram: false }`: ready when every one is true. */
export type ReadinessChecks = Readonly<Record<string, boolean>>;

/** What `/metrics` serves (e.g. `PrometheusMetrics`). */
export interface MetricsSource {
  readonly contentType: string;
  metrics(): Promise<string>;
}

export interface HealthRoutesOptions {
  /** Asked on every `/readyz`; a throw counts as not ready. */
  ready: () => ReadinessChecks | Promise<ReadinessChecks>;
  /** Without it `/metrics` is not handled (a 404 from the server). */
  metrics?: MetricsSource;
  logger?: Logger;
}

export const HEALTH_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

function send(res: ServerResponse, req: IncomingMessage, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", "content-length": Buffer.byteLength(body), ...headers });
  res.end(req.method === "HEAD" ? undefined : body);
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

/** The handler for `/healthz`, `/readyz` and `/metrics` (GET and HEAD; other methods get 405). */
export function createHealthRoutes(options: HealthRoutesOptions): RouteHandler {
  const logger = options.logger ?? silentLogger;
  return (req, res) => {
    const pathname = (req.url ?? "/").split("?", 1)[0];
    if (pathname !== "/healthz" && pathname !== "/readyz" && !(pathname === "/metrics" && options.metrics !== undefined)) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(res, req, 405, "text/plain; charset=utf-8", "method not allowed\n", { allow: "GET, HEAD" });
      return true;
    }
    if (pathname === "/healthz") {
      send(res, req, 200, "text/plain; charset=utf-8", "ok\n");
      return true;
    }
    const work =
      pathname === "/readyz"
        ? (async () => {
            let checks: ReadinessChecks;
            try {
              checks = await options.ready();
            } catch (error) {
              logger.warn("readiness check failed", { error: error instanceof Error ? error.message : String(error) });
              send(res, req, 503, "application/json; charset=utf-8", json({ ready: false, notReady: ["readiness check"], checks: {} }));
              return;
            }
            const notReady = Object.entries(checks)
              .filter(([, ok]) => !ok)
              .map(([name]) => name);
            const ready = notReady.length === 0;
            send(res, req, ready ? 200 : 503, "application/json; charset=utf-8", json(ready ? { ready, checks } : { ready, notReady, checks }));
          })()
        : (async () => {
            const source = options.metrics as MetricsSource;
            const text = await source.metrics();
            send(res, req, 200, source.contentType, text);
          })();
    work.catch((error: unknown) => {
      logger.error(`${pathname} failed`, { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
    });
    return true;
  };
}
