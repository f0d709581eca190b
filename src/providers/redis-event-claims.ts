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
import { RedisLeases, type RenewingLease } from "./redis-lease.js";

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

/** Marks the event done if the lease is still ours or vanished. ARGV[2] done ttl ms. 1 marked, 0 not ours. */
const DONE_LUA = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] or not v then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end
return 0
`;

/** The shared `EventClaims` (REDIS_URL): one instance answers each event; a dead one's leases run out. */
export class RedisEventClaims implements EventClaims {
  private readonly scripts: Record<"claim" | "done", RedisScript>;
  private readonly leases: RedisLeases;
  private readonly renewals = new Set<RenewingLease>();
  private readonly leaseMs: number;
  private readonly doneTtlMs: number;

  constructor(private readonly options: RedisEventClaimsOptions) {
    const { connection } = options;
    this.leaseMs = Math.max(3, Math.ceil(options.leaseMs));
    this.doneTtlMs = Math.max(1, Math.ceil(options.doneTtlMs ?? DEFAULT_DONE_TTL_MS));
    this.scripts = {
      claim: connection.script("dossierClaimTake", CLAIM_LUA, 1),
      done: connection.script("dossierClaimDone", DONE_LUA, 1),
    };
    this.leases = new RedisLeases(connection);
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
    for (const renewal of this.renewals) renewal.stop();
    this.renewals.clear();
  }

  private lease(id: string, key: string, value: string): EventLease {
    const { logger } = this.options;
    let settled = false;
    const renewal = this.leases.renew({
      key,
      value,
      ttlMs: this.leaseMs,
      onRenewed: (result) => {
        if (result === "retaken") logger?.debug("Re-took an event lease that Redis had lost", { event: id });
        if (result === "lost") {
          this.renewals.delete(renewal);
          logger?.warn("Lost the lease on an event to another instance; it may be answered twice", { event: id });
        }
      },
      // Redis is away: keep the lease and try again at the next tick.
      onUnreachable: (error) => logger?.debug("Could not renew an event lease; retrying", { event: id, error }),
    });
    this.renewals.add(renewal);
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      this.renewals.delete(renewal);
      return true;
    };
    return {
      done: async () => {
        if (!settle()) return;
        renewal.stop();
        const ours = await this.scripts.done([key], [value, this.doneTtlMs]);
        if (ours !== 1) logger?.debug("Event claim was taken over before it was done", { event: id });
      },
      release: async () => {
        if (settle()) await renewal.release();
      },
    };
  }
}
