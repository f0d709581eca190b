/** Decides whether one more request of a key (a user) is allowed now. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Records one request for `key` if it is allowed. */
  take(key: string): Promise<RateDecision>;
}
