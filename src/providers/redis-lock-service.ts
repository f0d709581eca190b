/**
 * Named leases shared by every instance (the Telegram poller, the index writer): a Redis key
 * holding the holder's token, renewed every third of its TTL. A holder that dies stops renewing and
 * a standby takes over within one TTL. Availability wins over strictness during a Redis outage:
 * the holder keeps its lease while Redis is unreachable (answers go on; Telegram itself refuses a
 * second concurrent poller), re-takes a key a Redis restart lost, and gives up (`lost`) only when
 * another instance holds the key.
 */
import { randomBytes } from "node:crypto";
import type { Lease, LockService } from "../core/lock-service.js";
import type { Logger } from "../core/logger.js";
import type { RedisConnection, RedisScript } from "./redis-connection.js";

export interface RedisLockServiceOptions {
  connection: RedisConnection;
  /** Names this instance in lock values (for whoever reads Redis). */
  instanceId: string;
  /** The default TTL of a lease: how long it outlives a holder that died. */
  leaseMs: number;
  /** Told when a lease is lost (warn) or cannot be renewed for now (debug). */
  logger?: Logger;
}

/** Renews our lock; re-takes a key that vanished. 1 renewed, 2 re-taken, 0 held by someone else. */
const RENEW_LUA = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then
  if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 2 end
end
return 0
`;

/** Deletes the lock if it is still ours. */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** The shared `LockService` (REDIS_URL): one holder across instances, with takeover when it dies. */
export class RedisLockService implements LockService {
  private readonly renewScript: RedisScript;
  private readonly releaseScript: RedisScript;
  private readonly held = new Set<Lease>();

  constructor(private readonly options: RedisLockServiceOptions) {
    this.renewScript = options.connection.script("dossierLockRenew", RENEW_LUA, 1);
    this.releaseScript = options.connection.script("dossierLockRelease", RELEASE_LUA, 1);
  }

  async tryAcquire(name: string, options: { ttlMs?: number } = {}): Promise<Lease | null> {
    const { connection, instanceId } = this.options;
    const ttlMs = Math.max(3, Math.ceil(options.ttlMs ?? this.options.leaseMs));
    const key = connection.key(`lock:${name}`);
    const value = `${instanceId}:${randomBytes(9).toString("base64url")}`;
    const taken = await connection.client.set(key, value, "PX", ttlMs, "NX");
    if (taken !== "OK") return null;
    const lease = this.lease(name, key, value, ttlMs);
    this.held.add(lease);
    return lease;
  }

  /** Releases every lease still held (a clean shutdown lets a standby take over at once). */
  async close(): Promise<void> {
    await Promise.all([...this.held].map((lease) => lease.release()));
  }

  private lease(name: string, key: string, value: string, ttlMs: number): Lease {
    const lost = new AbortController();
    let released: Promise<void> | null = null;
    let renewing = false;
    const stop = () => clearInterval(timer);
    const renew = async () => {
      try {
        const result = await this.renewScript([key], [value, ttlMs]);
        if (released !== null) return;
        if (result === 2) this.options.logger?.info("Re-took a lock that Redis had lost", { lock: name });
        if (result === 0) {
          stop();
          this.held.delete(lease);
          this.options.logger?.warn("Lost a lock to another instance", { lock: name });
          lost.abort(new Error(`the lock "${name}" is held by another instance`));
        }
      } catch (error) {
        // Redis is unreachable: keep the lease (the work goes on) and try again at the next tick.
        this.options.logger?.debug("Could not renew a lock; retrying", { lock: name, error });
      }
    };
    const timer = setInterval(() => {
      if (renewing || released !== null) return;
      renewing = true;
      void renew().finally(() => (renewing = false));
    }, Math.max(1, Math.floor(ttlMs / 3)));
    timer.unref();
    const lease: Lease = {
      lost: lost.signal,
      release: () => {
        released ??= (async () => {
          stop();
          this.held.delete(lease);
          if (lost.signal.aborted) return;
          try {
            await this.releaseScript([key], [value]);
          } catch (error) {
            // It expires on its own within one TTL.
            this.options.logger?.debug("Could not release a lock; it will expire", { lock: name, error });
          }
        })();
        return released;
      },
    };
    return lease;
  }
}
