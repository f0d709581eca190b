/**
 * The fake Bot API's webhook: while one is set, queued updates are POSTed to its URL as Telegram
 * does — JSON, the `X-Telegram-Bot-Api-Secret-Token` header, in order, up to `maxConnections` at a
 * time — and an update stays queued until a delivery is acknowledged with 2xx. A failed delivery (no
 * connection, no answer within `timeoutMs`, any other status) is retried after `retryDelayMs`.
 * Every attempt is recorded, so tests can check that each update was answered exactly once.
 */
import http from "node:http";

export interface WebhookDeliveryOptions {
  /** Deliveries in flight at once when setWebhook gives no `max_connections` (Telegram's default: 40). */
  maxConnections?: number;
  /** Wait before delivering a failed update again (default 50 ms). */
  retryDelayMs?: number;
  /** A delivery not answered within this is a failure: the connection is dropped (default 10 s). */
  timeoutMs?: number;
}

/** What setWebhook registered. */
export interface WebhookSettings {
  url: string;
  secretToken: string | undefined;
  allowedUpdates: string[] | undefined;
  maxConnections: number;
}

/** One POST of an update to the webhook. */
export interface DeliveryAttempt {
  updateId: number;
  /** The HTTP status; 0 when there was none (connection refused or dropped, timeout). */
  status: number;
  /** Why there was no status (e.g. "ECONNREFUSED", "timeout"). */
  error?: string;
  /** The Retry-After header of the answer, if any. */
  retryAfter?: string;
  startedAt: number;
  at: number;
}

type Update = Record<string, unknown>;

export class WebhookDelivery {
  settings: WebhookSettings | null = null;
  readonly attempts: DeliveryAttempt[] = [];
  private readonly inFlight = new Map<number, http.ClientRequest>();
  private readonly retryAt = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  /** `queue` is the fake's update queue (shared with getUpdates); acknowledged updates are removed from it. */
  constructor(
    private readonly options: WebhookDeliveryOptions,
    private readonly queue: Update[],
    private readonly notify: () => void,
  ) {}

  get defaultMaxConnections(): number {
    return this.options.maxConnections ?? 40;
  }

  set(settings: WebhookSettings): void {
    this.settings = settings;
    this.pump();
  }

  /** Stops delivering (deliveries in flight finish; an acknowledged one still leaves the queue). */
  unset(): void {
    this.settings = null;
    this.clearTimer();
  }

  /** Deliveries waiting for an answer now. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Starts deliveries for queued updates, in order, up to the connection limit. */
  pump(): void {
    const settings = this.settings;
    if (settings === null || this.closed) return;
    const now = performance.now();
    let nextRetry = Number.POSITIVE_INFINITY;
    for (const update of this.queue) {
      if (this.inFlight.size >= settings.maxConnections) break;
      const id = update.update_id as number;
      if (this.inFlight.has(id)) continue;
      const at = this.retryAt.get(id) ?? 0;
      if (at > now) {
        nextRetry = Math.min(nextRetry, at);
        continue;
      }
      this.deliver(settings, update);
    }
    if (Number.isFinite(nextRetry)) this.wakeAt(nextRetry);
  }

  close(): void {
    this.closed = true;
    this.clearTimer();
    for (const req of this.inFlight.values()) req.destroy();
    this.inFlight.clear();
  }

  private deliver(settings: WebhookSettings, update: Update): void {
    const id = update.update_id as number;
    const body = JSON.stringify(update);
    const startedAt = performance.now();
    let finished = false;
    const finish = (attempt: Omit<DeliveryAttempt, "updateId" | "startedAt" | "at">) => {
      if (finished) return;
      finished = true;
      this.inFlight.delete(id);
      if (this.closed) return;
      this.attempts.push({ updateId: id, startedAt, at: performance.now(), ...attempt });
      if (attempt.status >= 200 && attempt.status < 300) {
        this.retryAt.delete(id);
        const index = this.queue.findIndex((u) => u.update_id === id);
        if (index !== -1) this.queue.splice(index, 1);
      } else {
        this.retryAt.set(id, performance.now() + (this.options.retryDelayMs ?? 50));
      }
      this.notify();
      this.pump();
    };
    const req = http.request(settings.url, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        ...(settings.secretToken === undefined ? {} : { "x-telegram-bot-api-secret-token": settings.secretToken }),
      },
    });
    req.setTimeout(this.options.timeoutMs ?? 10_000, () => {
      finish({ status: 0, error: "timeout" });
      req.destroy();
    });
    req.on("response", (res) => {
      res.resume();
      const retryAfter = res.headers["retry-after"];
      res.on("end", () => finish({ status: res.statusCode ?? 0, ...(retryAfter === undefined ? {} : { retryAfter }) }));
      res.on("error", (error: NodeJS.ErrnoException) => finish({ status: 0, error: error.code ?? error.message }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => finish({ status: 0, error: error.code ?? error.message }));
    this.inFlight.set(id, req);
    req.end(body);
  }

  private wakeAt(at: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, Math.max(0, at - performance.now()));
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
