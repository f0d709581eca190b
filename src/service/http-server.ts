/**
 * The bot's own small HTTP server (HTTP_PORT): serves route handlers such as the health routes,
 * 404 for anything else. When the Telegram webhook listens on the same port, mount the handlers
 * there instead (`extraRoutes` of the Telegram adapter) — one port cannot have two servers.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { AppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { RouteHandler } from "./health-routes.js";

export interface HttpServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** Tried in order; the first that returns true handled the request. */
  handlers: readonly RouteHandler[];
  logger: Logger;
  /** Named in the startup log line, e.g. `HEALTH_PATHS`. */
  paths?: readonly string[];
}

export interface RunningHttpServer {
  /** The port actually listened on. */
  readonly port: number;
  readonly host: string;
  /** `http://host:port`, for logs and tests. */
  readonly url: string;
  close(): Promise<void>;
}

/** Calls the handlers in order; 404 when none takes the request, 500 when one throws. */
export function combineRoutes(handlers: readonly RouteHandler[], logger: Logger): http.RequestListener {
  return (req, res) => {
    try {
      for (const handle of handlers) if (handle(req, res)) return;
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found\n");
    } catch (error) {
      logger.error("http: request failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
    }
  };
}

/** Starts listening and logs the address; rejects with a CONFIG_INVALID AppError when the port cannot be used. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = http.createServer(combineRoutes(options.handlers, options.logger));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new AppError("CONFIG_INVALID", `Cannot listen for HTTP on ${options.host}:${options.port} (HTTP_PORT / HTTP_HOST): ${error.code ?? error.message}`, {
          cause: error,
        }),
      );
    server.once("error", onError);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off("error", onError);
      resolve();
    });
  });
  server.on("error", (error) => options.logger.error("http: server error", { error: error.message }));
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const paths = options.paths === undefined || options.paths.length === 0 ? "" : ` (${options.paths.join(", ")})`;
  options.logger.info(`http: listening on ${url}${paths}`);
  let closed: Promise<void> | null = null;
  return {
    port: address.port,
    host: address.address,
    url,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      })),
  };
}
