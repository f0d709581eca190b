/**
 * The rate limit that survives a Redis outage: shared by every instance while Redis answers, kept
 * by this process alone while it does not (a user may then get up to one limit per instance, but
 * is never refused or left unanswered because Redis is away).
 */
import type { RateDecision, RateLimiter } from "../core/rate-limiter.js";
import { FailoverStore } from "./failover.js";

/** The `RateLimiter` used with REDIS_URL: Redis while it answers, this process otherwise. */
export class FailoverRateLimiter extends FailoverStore<RateLimiter> implements RateLimiter {
  async take(key: string): Promise<RateDecision> {
    return this.failover.run(
      () => this.primary.take(key),
      () => this.fallback.take(key),
    );
  }
}
