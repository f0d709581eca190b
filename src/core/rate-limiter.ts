/**
 * Decides whether one more request of a key (a user) is allowed now. A refusal says whether it is
 * the first of its rate-limit episode (`tell`), so a flood gets one notice and then silence — the
 * flag lives with the counts, so it holds across instances when the limiter is shared (Redis).
 */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number; tell: boolean };

export interface RateLimiter {
  /** Records one request for `key` if it is allowed. An allowed request ends the key's episode. */
  take(key: string): Promise<RateDecision>;
}
