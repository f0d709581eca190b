/**
 * The writers' leases across machines: with several instances on one shared index folder, one
 * re-index (and one feeds run) at a time is decided by a lease in the shared store (Redis), not by
 * the lock file alone — a lock file's pid means nothing on another machine. Without a shared
 * store there is no lease and the lock file decides, as on one machine.
 */
import { AppError, type ErrorCode } from "../core/errors.js";
import type { Lease, LockService } from "../core/lock-service.js";

export type WriterRole = "index-writer" | "feeds";

const WORDS: Record<WriterRole, { code: ErrorCode; busy: string; what: string }> = {
  "index-writer": {
    code: "INDEX_LOCKED",
    busy: "Another instance is re-indexing this index (the shared writer lock is held). Wait for it to finish, then run again.",
    what: "the index writer lock",
  },
  feeds: { code: "FEEDS_BUSY", busy: "Another instance is running the feeds (the shared feeds lock is held).", what: "the feeds lock" },
};

/** Takes the role's lease, or throws (busy, or the store unreachable); null when there is no shared store. */
export async function takeWriterLease(locks: LockService | undefined, role: WriterRole): Promise<Lease | null> {
  if (locks === undefined) return null;
  const words = WORDS[role];
  let lease: Lease | null;
  try {
    lease = await locks.tryAcquire(role);
  } catch (error) {
    throw new AppError(words.code, `Cannot take ${words.what} in the shared store (REDIS_URL unreachable?); nothing was written. Try again when it is back.`, { cause: error });
  }
  if (lease === null) throw new AppError(words.code, words.busy);
  return lease;
}

/** Throws when the lease was lost mid-run (another instance took it): nothing is published after that. */
export function assertStillHeld(lease: Lease | null, role: WriterRole): void {
  if (lease?.lost.aborted !== true) return;
  throw new AppError(WORDS[role].code, `Lost ${WORDS[role].what} to another instance mid-run; nothing was published. Run again.`);
}
