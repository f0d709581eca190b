/**
 * Exactly once across instances: every message and button press is claimed as
 * `telegram:<bot id>:update:<update_id>` in the shared `EventClaims` before it is handled. Answered
 * already → dropped; another live instance is answering it → dropped when polling, "try again later"
 * for a webhook (503, so Telegram re-delivers it); claimed → handled, then marked done — or given
 * back (released) when shutdown cut the work short, so the next delivery is answered elsewhere.
 */
import type { Update } from "telegraf/types";
import type { Claim, EventClaims, EventLease } from "../../core/event-claims.js";
import type { Logger } from "../../core/logger.js";
import type { TaskOutcome } from "./task-queue.js";
import { describeTelegramError } from "./telegram-call.js";

export interface ClaimedUpdatesOptions {
  claims: EventClaims;
  botId: number;
  logger: Logger;
  /**
   * Handles one update: queues its work synchronously (so updates are queued in arrival order) and
   * resolves when the work is finished ("aborted": shutdown cut it short, nothing was sent).
   */
  handle: (update: Update) => Promise<TaskOutcome>;
}

/** What became of one delivery. */
export type UpdateResult =
  | { kind: "answered" }
  | { kind: "dropped"; reason: "done" | "busy" | "ignored" }
  /** Not answered here: the sender should deliver it again after `retryAfterMs`. */
  | { kind: "retry"; reason: "busy" | "aborted" | "stopping" | "unreachable"; retryAfterMs: number };

type ClaimResult = Claim | { kind: "unreachable" };

const RETRY_MS = 1000;
/** A polled update another instance holds is claimed again this many times (its holder may have died). */
const POLLED_RECLAIMS = 5;

/** Only these update kinds are asked for (`allowed_updates`), so only they are claimed. */
function isWanted(update: Update): boolean {
  return "message" in update || "callback_query" in update;
}

export class ClaimedUpdates {
  private stopping = false;
  private readonly running = new Set<Promise<unknown>>();
  private handOffs: Promise<void> = Promise.resolve();
  private warnedUnreachable = false;
  private readonly reclaimTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: ClaimedUpdatesOptions) {}

  /** Webhook mode: claims and handles the update; resolves once its work is finished (or it was not taken). */
  process(update: Update): Promise<UpdateResult> {
    if (!isWanted(update)) return Promise.resolve({ kind: "dropped", reason: "ignored" });
    if (this.stopping) return Promise.resolve({ kind: "retry", reason: "stopping", retryAfterMs: RETRY_MS });
    return this.track(this.claim(update).then((claim) => this.run(update, claim, "webhook")));
  }

  /**
   * Long polling: claims at once but hands the updates to the handler in the order they arrived
   * (one conversation's messages stay in order), without waiting for their work.
   */
  handOff(update: Update): void {
    if (!isWanted(update) || this.stopping) return;
    const claimed = this.claim(update);
    this.handOffs = this.handOffs.then(async () => {
      const claim = await claimed;
      void this.track(this.run(update, claim, "polling"));
    });
    void this.track(this.handOffs);
  }

  /** Takes no new updates: webhook deliveries get "retry", polled ones are ignored. */
  stop(): void {
    this.stopping = true;
    for (const timer of this.reclaimTimers) clearTimeout(timer);
    this.reclaimTimers.clear();
  }

  /** Resolves when every update taken has been settled (its lease marked done or released). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  private idOf(update: Update): string {
    return `telegram:${this.options.botId}:update:${update.update_id}`;
  }

  private async claim(update: Update): Promise<ClaimResult> {
    try {
      const claim = await this.options.claims.claim(this.idOf(update));
      this.warnedUnreachable = false;
      return claim;
    } catch (error) {
      if (!this.warnedUnreachable) {
        this.warnedUnreachable = true;
        this.options.logger.warn("telegram: could not claim an update (event claims unreachable)", {
          updateId: update.update_id,
          error: describeTelegramError(error),
        });
      }
      return { kind: "unreachable" };
    }
  }

  /** Calls the handler synchronously (before its first await) when the update is this instance's to answer. */
  private async run(update: Update, claim: ClaimResult, mode: "webhook" | "polling"): Promise<UpdateResult> {
    const { logger } = this.options;
    const updateId = update.update_id;
    switch (claim.kind) {
      case "done":
        logger.debug("telegram: update answered already; dropped", { updateId });
        return { kind: "dropped", reason: "done" };
      case "busy":
        logger.debug("telegram: another instance is answering this update", { updateId });
        if (mode === "webhook") return { kind: "retry", reason: "busy", retryAfterMs: claim.retryAfterMs };
        this.reclaimLater(update, claim.retryAfterMs, 1);
        return { kind: "dropped", reason: "busy" };
      case "unreachable":
        // A webhook delivery comes again; a polled update does not, so it is answered unclaimed.
        if (mode === "webhook") return { kind: "retry", reason: "unreachable", retryAfterMs: RETRY_MS };
        await this.options.handle(update);
        return { kind: "answered" };
      case "claimed":
        break;
    }
    const { lease } = claim;
    if (this.stopping) {
      await this.settle(lease, "release", updateId);
      return { kind: "retry", reason: "stopping", retryAfterMs: RETRY_MS };
    }
    const outcome = await this.options.handle(update);
    if (outcome === "aborted") {
      await this.settle(lease, "release", updateId);
      return { kind: "retry", reason: "aborted", retryAfterMs: RETRY_MS };
    }
    await this.settle(lease, "done", updateId);
    return { kind: "answered" };
  }

  /**
   * A polled update that another instance holds: Telegram will not send it again, so when its
   * holder died before answering (a poller killed mid-answer, whose batch the new poller got), the
   * lease runs out and this instance claims it then — a few tries, never blocking the updates after it.
   */
  private reclaimLater(update: Update, afterMs: number, attempt: number): void {
    if (this.stopping || attempt > POLLED_RECLAIMS) return;
    const timer = setTimeout(() => {
      this.reclaimTimers.delete(timer);
      if (this.stopping) return;
      void this.track(
        this.claim(update).then((claim) => {
          if (claim.kind === "busy") {
            this.reclaimLater(update, claim.retryAfterMs, attempt + 1);
            return { kind: "dropped", reason: "busy" } as const;
          }
          return this.run(update, claim, "polling");
        }),
      );
    }, Math.max(50, afterMs + 50));
    timer.unref();
    this.reclaimTimers.add(timer);
  }

  private async settle(lease: EventLease, how: "done" | "release", updateId: number): Promise<void> {
    try {
      await (how === "done" ? lease.done() : lease.release());
    } catch (error) {
      // The lease runs out by itself; until then a re-delivery is "busy".
      this.options.logger.warn(`telegram: could not mark update ${how === "done" ? "answered" : "given back"}`, {
        updateId,
        error: describeTelegramError(error),
      });
    }
  }
}
