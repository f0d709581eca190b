/**
 * The in-process `LockService` (no REDIS_URL): leases are held by this process only, so the
 * polling lock is always this instance's and the index writer falls back to the lock file. A
 * holder in the same process cannot die without the process, so leases never expire here.
 */
import type { Lease, LockService } from "../core/lock-service.js";

export class LocalLockService implements LockService {
  private readonly held = new Set<string>();

  async tryAcquire(name: string): Promise<Lease | null> {
    if (this.held.has(name)) return null;
    this.held.add(name);
    const lost = new AbortController();
    let released = false;
    return {
      lost: lost.signal,
      release: async () => {
        if (released) return;
        released = true;
        this.held.delete(name);
      },
    };
  }
}
