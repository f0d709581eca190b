/**
 * Event claims shared by every instance, so each Telegram update or Discord event is answered
 * once: a claim is a Redis key holding this instance's lease (`lease:<instance>:<token>`) that
 * expires after `leaseMs` unless renewed. The holder renews it while it answers; a holder that dies
 * stops renewing and the next delivery may take the event once the lease runs out. An answered
 * event's key becomes "done" for `doneTtlMs`, so redeliveries are dropped.
 */
import { randomBytes } from "node:crypto";
import type { Claim, EventClaims, EventLease } from "../core/event-claims.js";
import type { Logger } from "../core/logger.js";
import type { RedisConnection, RedisScript } from "./redis-connection.js";

export interface RedisEventClaimsOptions {
  connection: RedisConnection;
  /** Names this instance in lease values (for whoever reads Redis). */
  instanceId: string;
  /** How long a claim outlives a holder that stopped renewing it. */
  leaseMs: number;
  /** How long an answered event is remembered (default 1 hour). */
  doneTtlMs?: number;
  /** Renewal trouble is told here (debug while Redis is away, warn when the lease was taken over). */
  logger?: Logger;
}

const DEFAULT_DONE_TTL_MS = 3_600_000;

/** KEYS[1] claim; ARGV[1] our lease value, ARGV[2] lease ms. Returns {1} claimed, {2} done, {3, pttl} busy. */
const CLAIM_LUA = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1} end
if redis.call('GET', KEYS[1]) == 'done' then return {2} end
return {3, redis.call('PTTL', KEYS[1])}
`;

/** Renews our lease; re-takes a key that vanished (a Redis restart). 1 renewed, 2 re-taken, 0 someone else's. */
const RENEW_LUA = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0
`;

/** Marks the event done if the lease is still ours or vanished. ARGV[2] done ttl ms. 1 marked, 0 not ours. */
const DONE_LUA = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] or not v then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end
return 0
`;

/** Deletes the claim if the lease is still ours. 1 deleted, 0 not ours. */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** The shared `EventClaims` (REDIS_URL): one instance answers each event; a dead one's leases run out. */
export class RedisEventClaims implements EventClaims {
  private readonly scripts: Record<"claim" | "renew" | "done" | "release", RedisScript>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly leaseMs: number;
  private readonly doneTtlMs: number;

  constructor(private readonly options: RedisEventClaimsOptions) {
    const { connection } = options;
    this.leaseMs = Math.max(3, Math.ceil(options.leaseMs));
    this.doneTtlMs = Math.max(1, Math.ceil(options.doneTtlMs ?? DEFAULT_DONE_TTL_MS));
    this.scripts = {
      claim: connection.script("dossierClaimTake", CLAIM_LUA, 1),
      renew: connection.script("dossierLeaseRenew", RENEW_LUA, 1),
      done: connection.script("dossierClaimDone", DONE_LUA, 1),
      release: connection.script("dossierLeaseRelease", RELEASE_LUA, 1),
    };
  }

  async claim(id: string): Promise<Claim> {
    const key = this.options.connection.key(`claim:${id}`);
    const value = `lease:${this.options.instanceId}:${randomBytes(9).toString("base64url")}`;
    const reply = await this.scripts.claim([key], [value, this.leaseMs]);
    const [kind, pttl] = Array.isArray(reply) ? (reply as number[]) : [];
    if (kind === 1) return { kind: "claimed", lease: this.lease(id, key, value) };
    if (kind === 2) return { kind: "done" };
    if (kind === 3) return { kind: "busy", retryAfterMs: pttl !== undefined && pttl > 0 ? pttl : this.leaseMs };
    throw new Error("unexpected reply from the event-claim script");
  }

  /** Stops renewing every lease (they expire on their own unless done or released first). */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
  }

  private lease(id: string, key: string, value: string): EventLease {
    let settled = false;
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      void this.renew(id, key, value, () => settled, stop).finally(() => (renewing = false));
    }, Math.max(1, Math.floor(this.leaseMs / 3)));
    timer.unref();
    this.timers.add(timer);
    const stop = () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
    return {
      done: async () => {
        if (settled) return;
        settled = true;
        stop();
        const ours = await this.scripts.done([key], [value, this.doneTtlMs]);
        if (ours !== 1) this.options.logger?.debug("Event claim was taken over before it was done", { event: id });
      },
      release: async () => {
        if (settled) return;
        settled = true;
        stop();
        await this.scripts.release([key], [value]);
      },
    };
  }

  private async renew(id: string, key: string, value: string, settled: () => boolean, stop: () => void): Promise<void> {
    try {
      const result = await this.scripts.renew([key], [value, this.leaseMs]);
      if (result === 2) this.options.logger?.debug("Re-took an event lease that Redis had lost", { event: id });
      if (result === 0 && !settled()) {
        stop();
        this.options.logger?.warn("Lost the lease on an event to another instance; it may be answered twice", { event: id });
      }
    } catch (error) {
      // Redis is away: keep the lease and try again at the next tick.
      this.options.logger?.debug("Could not renew an event lease; retrying", { event: id, error });
    }
  }
}
