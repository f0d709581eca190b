/**
 * A lease in Redis, as event claims and locks both hold one: a key with the holder's value that
 * expires after its TTL unless renewed. The holder renews every third of the TTL; a renewal that
 * finds the key gone (a Redis restart) takes it again, and one that finds another value reports
 * that the lease was lost. A renewal that cannot reach Redis is retried at the next tick: the lease
 * is kept through an outage. One renewal runs at a time.
 */
import type { RedisConnection, RedisScript } from "./redis-connection.js";

/** Renews our lease; re-takes a key that vanished. 1 renewed, 2 re-taken, 0 held by someone else. */
const RENEW_LUA = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0
`;

/** Deletes the key if the lease is still ours. 1 deleted, 0 not ours. */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export type RenewResult = "renewed" | "retaken" | "lost";

export interface RenewingLease {
  /** Stops renewing (the key then expires unless done or released). */
  stop(): void;
  /** Stops renewing and deletes the key if it is still ours. */
  release(): Promise<void>;
}

export interface RenewOptions {
  key: string;
  value: string;
  ttlMs: number;
  /** After each renewal that reached Redis; on "lost" the renewal has already stopped. */
  onRenewed: (result: RenewResult) => void;
  /** A renewal that could not reach Redis (it is tried again at the next tick). */
  onUnreachable: (error: unknown) => void;
}

/** The renew and release scripts of one connection, shared by every lease on it. */
export class RedisLeases {
  private readonly renewScript: RedisScript;
  private readonly releaseScript: RedisScript;

  constructor(connection: RedisConnection) {
    this.renewScript = connection.script("dossierLeaseRenew", RENEW_LUA, 1);
    this.releaseScript = connection.script("dossierLeaseRelease", RELEASE_LUA, 1);
  }

  /** Starts renewing a lease this instance has just taken. */
  renew(options: RenewOptions): RenewingLease {
    const { key, value, ttlMs } = options;
    let renewing = false;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearInterval(timer);
    };
    const tick = async () => {
      try {
        const result = await this.renewScript([key], [value, ttlMs]);
        if (stopped) return;
        if (result === 0) stop();
        options.onRenewed(result === 1 ? "renewed" : result === 2 ? "retaken" : "lost");
      } catch (error) {
        if (!stopped) options.onUnreachable(error);
      }
    };
    const timer = setInterval(() => {
      if (renewing || stopped) return;
      renewing = true;
      void tick().finally(() => (renewing = false));
    }, Math.max(1, Math.floor(ttlMs / 3)));
    timer.unref();
    return {
      stop,
      release: async () => {
        stop();
        await this.releaseScript([key], [value]);
      },
    };
  }
}
