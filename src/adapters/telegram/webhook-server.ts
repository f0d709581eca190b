/**
 * Webhook mode: an HTTP server that accepts Telegram's POSTs on one path, checks the
 * `X-Telegram-Bot-Api-Secret-Token` header (telegraf's filter answers 403 otherwise) and hands the
 * update to the bot, answering Telegram at once so it never retries an update we are still answering.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Telegraf } from "telegraf";
import { AppError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";

export interface WebhookServerOptions {
  bot: Telegraf;
  path: string;
  port: number;
  host?: string;
  secretToken: string;
  logger: Logger;
  /** Other routes on the same server (e.g. /healthz, /metrics when HTTP_PORT is the webhook's port); tried first, true when handled. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
}

export interface WebhookServer {
  /** The port actually listened on (useful when 0 was asked for). */
  port: number;
  close(): Promise<void>;
}

/** Starts listening; rejects with an AppError when the port cannot be used. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const callback = options.bot.webhookCallback(options.path, { secretToken: options.secretToken });
  const server = http.createServer((req, res) => {
    try {
      if (options.extraRoutes?.(req, res) === true) return;
    } catch (error) {
      options.logger.error("telegram: extra route failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
      return;
    }
    callback(req, res).catch((error: unknown) => {
      options.logger.error("telegram: webhook request failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new AppError("CONFIG_INVALID", `Cannot listen for Telegram webhooks on port ${options.port}: ${error.code ?? error.message}`, {
          cause: error,
        }),
      );
    server.once("error", onError);
    server.listen({ port: options.port, ...(options.host === undefined ? {} : { host: options.host }) }, () => {
      server.off("error", onError);
      resolve();
    });
  });
  server.on("error", (error) => options.logger.error("telegram: webhook server error", { error: error.message }));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
