/**
 * Named leases that hold across instances (Redis when configured, the process otherwise): the
 * Telegram long-polling lock (one poller; a standby takes over within seconds when the holder
 * dies), the index writer (one re-index or feeds run at a time), the webhook registration. A lease
 * renews itself while held and expires on its own when its holder dies.
 */

export interface Lease {
  /** Aborted when the lease was lost to another holder (it could not be renewed in time): stop the guarded work. */
  readonly lost: AbortSignal;
  /** Gives the lease up now (idempotent). */
  release(): Promise<void>;
}

export interface LockService {
  /**
   * Takes the lease `name` when nobody holds it, else resolves null. `ttlMs` is how long it outlives
   * a holder that died (default: the service's lease time). Rejects when the store cannot be reached.
   */
  tryAcquire(name: string, options?: { ttlMs?: number }): Promise<Lease | null>;
}
