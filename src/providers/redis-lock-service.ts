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
import type { RedisConnection } from "./redis-connection.js";
import { RedisLeases } from "./redis-lease.js";

export interface RedisLockServiceOptions {
  connection: RedisConnection;
  /** Names this instance in lock values (for whoever reads Redis). */
  instanceId: string;
  /** The default TTL of a lease: how long it outlives a holder that died. */
  leaseMs: number;
  /** Told when a lease is lost (warn) or cannot be renewed for now (debug). */
  logger?: Logger;
}

/** The shared `LockService` (REDIS_URL): one holder across instances, with takeover when it dies. */
export class RedisLockService implements LockService {
  private readonly leases: RedisLeases;
  private readonly held = new Set<Lease>();

  constructor(private readonly options: RedisLockServiceOptions) {
    this.leases = new RedisLeases(options.connection);
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
    const { logger } = this.options;
    const lost = new AbortController();
    let released: Promise<void> | null = null;
    const renewal = this.leases.renew({
      key,
      value,
      ttlMs,
      onRenewed: (result) => {
        if (result === "retaken") logger?.info("Re-took a lock that Redis had lost", { lock: name });
        if (result === "lost") {
          this.held.delete(lease);
          logger?.warn("Lost a lock to another instance", { lock: name });
          lost.abort(new Error(`the lock "${name}" is held by another instance`));
        }
      },
      // Redis is unreachable: keep the lease (the work goes on) and try again at the next tick.
      onUnreachable: (error) => logger?.debug("Could not renew a lock; retrying", { lock: name, error }),
    });
    const lease: Lease = {
      lost: lost.signal,
      release: () => {
        released ??= (async () => {
          this.held.delete(lease);
          if (lost.signal.aborted) return renewal.stop();
          try {
            await renewal.release();
          } catch (error) {
            // It expires on its own within one TTL.
            logger?.debug("Could not release a lock; it will expire", { lock: name, error });
          }
        })();
        return released;
      },
    };
    return lease;
  }
}
