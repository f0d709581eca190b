/**
 * Long polling with N identical instances: Telegram lets one `getUpdates` run per bot (a second one
 * ends the first with 409), so only the holder of the lease `telegram:<bot id>:poller` polls. The
 * others stand by and try for the lease every `leaseMs / 5`; when the poller stops (or dies, and its
 * lease runs out) one of them takes over. A poller that loses its lease stops polling and stands by
 * again; a lock store that cannot be reached leaves every instance in the role it has.
 */
import type { Lease, LockService } from "../../core/lock-service.js";
import type { Logger } from "../../core/logger.js";
import type { Sleep } from "./sleep.js";
import { describeTelegramError } from "./telegram-call.js";

export interface PollerElectionOptions {
  locks: LockService;
  /** The lease's name, `telegram:<bot id>:poller`. */
  name: string;
  /** The lease's TTL; standbys retry every fifth of it (at least 200 ms). */
  leaseMs: number;
  logger: Logger;
  sleep: Sleep;
  /** Becomes the poller (deleteWebhook, then start polling); rejects when that failed. */
  startPolling: (signal: AbortSignal) => Promise<void>;
  /** Stops polling (the lease is then released by the election). */
  stopPolling: () => Promise<void>;
}

export type PollerRole = "polling" | "standby";

export class PollerElection {
  private lease: Lease | null = null;
  private currentRole: PollerRole = "standby";
  private readonly stopper = new AbortController();
  private loop: Promise<void> | null = null;
  private standingBySince: number | null = null;
  private warnedUnreachable = false;

  constructor(private readonly options: PollerElectionOptions) {}

  get role(): PollerRole {
    return this.currentRole;
  }

  private get retryMs(): number {
    return Math.max(200, Math.round(this.options.leaseMs / 5));
  }

  /**
   * Tries once for the lease and polls if it got it — a failure to start polling then rejects, as a
   * startup error — else stands by; either way the election then runs in the background.
   */
  async start(): Promise<void> {
    const lease = await this.tryAcquire();
    if (lease !== null) {
      try {
        await this.becomePoller(lease);
      } catch (error) {
        await lease.release().catch(() => undefined);
        throw error;
      }
    } else this.standingBySince ??= performance.now(); // logged by tryAcquire (standing by, or the store is unreachable)
    this.loop = this.run();
  }

  /** Stops polling or standing by, and gives the lease up. */
  async stop(): Promise<void> {
    this.stopper.abort();
    await this.loop;
    await this.resign();
  }

  private async run(): Promise<void> {
    const signal = this.stopper.signal;
    while (!signal.aborted) {
      const lease = this.lease;
      if (lease !== null) {
        await untilAborted([lease.lost, signal]);
        if (signal.aborted) break;
        this.options.logger.warn("telegram: lost the polling lease; stopping polling");
        await this.resign();
        this.standBy();
        continue;
      }
      await this.options.sleep(this.retryMs, signal);
      if (signal.aborted) break;
      const next = await this.tryAcquire();
      if (next === null) continue;
      if (signal.aborted) {
        await next.release().catch(() => undefined);
        break;
      }
      try {
        await this.becomePoller(next);
      } catch (error) {
        this.options.logger.warn("telegram: could not start polling; standing by", { error: describeTelegramError(error) });
        await this.resign();
        this.standBy();
      }
    }
  }

  /** The lease, or null when another instance holds it or the store is unreachable (the role stays). */
  private async tryAcquire(): Promise<Lease | null> {
    let lease: Lease | null;
    try {
      lease = await this.options.locks.tryAcquire(this.options.name, { ttlMs: this.options.leaseMs });
    } catch (error) {
      if (!this.warnedUnreachable) {
        this.warnedUnreachable = true;
        this.options.logger.warn("telegram: could not reach the lock store for the polling lease; keeping the current role, retrying", {
          error: describeTelegramError(error),
        });
      }
      return null;
    }
    if (this.warnedUnreachable) {
      this.warnedUnreachable = false;
      this.options.logger.info("telegram: the lock store is reachable again");
    }
    if (lease === null) this.standBy();
    return lease;
  }

  private async becomePoller(lease: Lease): Promise<void> {
    this.lease = lease;
    await this.options.startPolling(this.stopper.signal);
    this.currentRole = "polling";
    if (this.standingBySince !== null) {
      const seconds = ((performance.now() - this.standingBySince) / 1000).toFixed(1);
      this.options.logger.info(`telegram: now polling (took over after ${seconds} s on standby)`);
    }
    this.standingBySince = null;
  }

  private standBy(): void {
    this.currentRole = "standby";
    if (this.standingBySince !== null) return;
    this.standingBySince = performance.now();
    this.options.logger.info("telegram: another instance is polling; standing by");
  }

  private async resign(): Promise<void> {
    const lease = this.lease;
    if (lease === null) return;
    this.lease = null;
    if (this.currentRole === "polling") await this.options.stopPolling();
    this.currentRole = "standby";
    await lease.release().catch((error: unknown) => {
      this.options.logger.warn("telegram: could not release the polling lease (it runs out by itself)", { error: describeTelegramError(error) });
    });
  }
}

function untilAborted(signals: readonly AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const s of signals) s.removeEventListener("abort", done);
      resolve();
    };
    if (signals.some((s) => s.aborted)) return resolve();
    for (const s of signals) s.addEventListener("abort", done, { once: true });
  });
}
