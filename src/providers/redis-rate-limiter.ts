/**
 * The rate limit shared by every instance: one sliding window per key (a sorted set of request
 * times) and its "told" flag, decided by one Lua script so concurrent requests on several
 * instances cannot both take the last slot. Times come from the Redis server's clock, so instances
 * whose clocks disagree still agree on the limit. Decides exactly as `SlidingWindowRateLimiter`.
 */
import { randomBytes } from "node:crypto";
import type { RateDecision, RateLimiter } from "../core/rate-limiter.js";
import type { RedisConnection, RedisScript } from "./redis-connection.js";

export interface RedisRateLimiterOptions {
  connection: RedisConnection;
  /** Requests allowed per key within any window. */
  max: number;
  windowMs: number;
}

/**
 * KEYS[1] the key's request times (sorted set, score = ms), KEYS[2] its "told" flag;
 * ARGV[1] max, ARGV[2] window ms, ARGV[3] a suffix that keeps members unique.
 * Returns {1} when allowed, {0, retryAfterMs, tell (1/0)} when refused.
 */
const TAKE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local retry = window
  if oldest[2] then retry = tonumber(oldest[2]) + window - now end
  if retry < 1 then retry = 1 end
  local tell = 0
  if redis.call('SET', KEYS[2], '1', 'NX', 'PX', window) then tell = 1 end
  return {0, retry, tell}
end
redis.call('ZADD', KEYS[1], now, t[1] .. '.' .. t[2] .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('DEL', KEYS[2])
return {1}
`;

/** The shared `RateLimiter` (REDIS_URL): a user's limit holds whichever instance answers. */
export class RedisRateLimiter implements RateLimiter {
  private readonly takeScript: RedisScript;
  private readonly windowMs: number;
  private readonly prefix = randomBytes(6).toString("hex");
  private sequence = 0;

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.windowMs = Math.max(1, Math.ceil(options.windowMs));
    this.takeScript = options.connection.script("dossierRateTake", TAKE_LUA, 2);
  }

  async take(key: string): Promise<RateDecision> {
    const { connection, max } = this.options;
    this.sequence = (this.sequence + 1) % Number.MAX_SAFE_INTEGER;
    const reply = await this.takeScript(
      [connection.key(`rate:hits:${key}`), connection.key(`rate:told:${key}`)],
      [max, this.windowMs, `${this.prefix}${this.sequence}`],
    );
    if (!Array.isArray(reply)) throw new Error("unexpected reply from the rate-limit script");
    const [allowed, retryAfterMs, tell] = reply as number[];
    if (allowed === 1) return { ok: true };
    return { ok: false, retryAfterMs: Math.max(1, Number(retryAfterMs)), tell: tell === 1 };
  }
}
