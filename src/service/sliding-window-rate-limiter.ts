/**
 * Per-key sliding-window rate limiter (one key per user), so one busy user cannot starve the
 * others. Memory stays bounded: idle keys are dropped as they expire.
 */
import type { RateDecision, RateLimiter } from "../core/rate-limiter.js";

export interface RateLimiterOptions {
  max: number;
  windowMs: number;
  now?: () => number;
}

/** The in-process `RateLimiter` (a shared one for several instances implements the same interface). */
export class SlidingWindowRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  /** Keys refused (and told so) during their current episode; an allowed request removes the key. */
  private readonly told = new Set<string>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Records one request for `key` if allowed. */
  async take(key: string): Promise<RateDecision> {
    return this.takeNow(key);
  }

  /** The same decision, synchronously. */
  takeNow(key: string): RateDecision {
    const now = this.now();
    const since = now - this.options.windowMs;
    this.sweep(now, since);
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.options.max) {
      const oldest = recent[0] ?? now;
      this.hits.set(key, recent);
      const tell = !this.told.has(key);
      this.told.add(key);
      return { ok: false, retryAfterMs: Math.max(1, oldest + this.options.windowMs - now), tell };
    }
    this.told.delete(key);
    recent.push(now);
    this.hits.set(key, recent);
    return { ok: true };
  }

  private sweep(now: number, since: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) > since) continue;
      this.hits.delete(key);
      this.told.delete(key);
    }
  }
}
