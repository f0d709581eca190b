/**
 * Webhook mode: an HTTP server that accepts Telegram's POSTs on one path, checks the
 * `X-Telegram-Bot-Api-Secret-Token` header (403 otherwise, as telegraf's filter does) and answers
 * Telegram only once the update was handled — the reply sent. An instance that dies mid-answer
 * thus leaves the delivery unacknowledged, and Telegram re-delivers it (behind a load balancer, to
 * another instance). `onUpdate` says what to answer: 200, or 503 with Retry-After (another instance
 * is answering the update, or this one is stopping) so that Telegram tries again later.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import type { Update } from "telegraf/types";
import { AppError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";

/** What to answer Telegram for one update. */
export type WebhookReply = { status: 200 } | { status: 503; retryAfterMs: number };

export interface WebhookServerOptions {
  path: string;
  port: number;
  host?: string;
  secretToken: string;
  logger: Logger;
  /** Handles one update; resolves (never rejects, ideally) once Telegram may be answered. */
  onUpdate: (update: Update) => Promise<WebhookReply>;
  /** Other routes on the same server (e.g. /healthz, /metrics when HTTP_PORT is the webhook's port); tried first, true when handled. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
}

export interface WebhookServer {
  /** The port actually listened on (useful when 0 was asked for). */
  port: number;
  /** Takes no new connections; requests in flight still get their answer. */
  stopAccepting(): void;
  /** Resolves once every connection is closed; connections still open after `graceMs` are cut. */
  close(graceMs?: number): Promise<void>;
}

/** Telegram's updates are a few kilobytes; anything far bigger is not Telegram. */
const MAX_BODY_BYTES = 1 << 20;
const TOKEN_HEADER = "x-telegram-bot-api-secret-token";

function sameSecret(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function isUpdate(value: unknown): value is Update {
  return typeof value === "object" && value !== null && typeof (value as { update_id?: unknown }).update_id === "number";
}

/** Starts listening; rejects with an AppError when the port cannot be used. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { logger } = options;
  let closing = false;
  const inFlight = new Set<http.ServerResponse>();

  const answer = (res: http.ServerResponse, status: number, headers: Record<string, string> = {}) => {
    if (res.headersSent || res.writableEnded) return;
    res.writeHead(status, { ...headers, ...(closing ? { connection: "close" } : {}) }).end();
  };

  const webhook = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (req.method !== "POST" || req.url !== options.path || !sameSecret(options.secretToken, req.headers[TOKEN_HEADER])) {
      req.resume();
      return answer(res, 403);
    }
    const body = await readBody(req);
    if (body === null) return answer(res, 413);
    let update: unknown;
    try {
      update = JSON.parse(body);
    } catch {
      return answer(res, 415);
    }
    if (!isUpdate(update)) return answer(res, 400);
    const reply = await options.onUpdate(update);
    if (reply.status === 200) return answer(res, 200);
    answer(res, 503, { "retry-after": String(Math.max(1, Math.ceil(reply.retryAfterMs / 1000))) });
  };

  const server = http.createServer((req, res) => {
    try {
      if (options.extraRoutes?.(req, res) === true) return;
    } catch (error) {
      logger.error("telegram: extra route failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
      return;
    }
    inFlight.add(res);
    webhook(req, res)
      .catch((error: unknown) => {
        logger.error("telegram: webhook request failed", { error: error instanceof Error ? error.message : String(error) });
        answer(res, 500);
      })
      .finally(() => {
        inFlight.delete(res);
        if (closing) server.closeIdleConnections();
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
  server.on("error", (error) => logger.error("telegram: webhook server error", { error: error.message }));

  let closed: Promise<void> | null = null;
  const stopAccepting = () => {
    if (closing) return;
    closing = true;
    closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
  };
  return {
    port: (server.address() as AddressInfo).port,
    stopAccepting,
    close: async (graceMs = 2000) => {
      stopAccepting();
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(cut);
    },
  };
}
