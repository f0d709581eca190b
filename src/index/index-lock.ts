/**
 * A lock file that keeps two re-index runs from writing the same index (and, through
 * `acquireLockFile`, two feeds runs from filing the same items). A lock left by a process that no
 * longer exists (crash, kill -9) is taken over; a live one refuses with a clear message.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AppError, type ErrorCode } from "../core/errors.js";

export interface IndexLock {
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  startedAt: string;
  /** The machine of the holder (absent in locks of older versions: this machine). */
  host?: string;
}

export interface LockFileOptions {
  /**
   * A lease that holds across machines (the Redis writer lock) is held by this process, so a lock
   * file left on a shared volume by another machine is a leftover and may be taken over. Without
   * it, a lock from another machine cannot be checked (its pid is not ours to test) and refuses.
   */
  guarded?: boolean;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** When this process started: a lock naming our pid written since then is ours, an older one a leftover. */
const PROCESS_STARTED_MS = Date.now() - performance.now();

/**
 * True when the lock file was written by this very process (same pid, written after it started);
 * a lock naming our pid from before is a leftover of an earlier run that reused the pid.
 */
function heldByThisProcess(holder: LockInfo | null): boolean {
  if (holder === null || holder.pid !== process.pid) return false;
  const at = Date.parse(holder.startedAt);
  return Number.isFinite(at) && at >= PROCESS_STARTED_MS - 1000;
}

/**
 * Removes a stale lock — but only the one we judged stale: it is first moved aside, and if what
 * was moved turns out to be another process's fresh lock (two runs took over at once), it is put
 * back.
 */
async function takeOverStale(file: string, staleContent: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomUUID()}`;
  try {
    await fs.rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // someone else removed it
    throw error;
  }
  const moved = await fs.readFile(aside, "utf8").catch(() => "");
  if (moved !== staleContent) await fs.link(aside, file).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

/** What a refusal says, per lock: its error code and messages. */
export interface LockWords {
  code: ErrorCode;
  /** This process already holds it. */
  inThisProcess: string;
  /** Another live process holds it (`host`: named when it is another machine). */
  heldBy: (pid: number, startedAt: string, host?: string) => string;
  /** Three attempts raced and lost. */
  contended: (file: string) => string;
}

const INDEX_WORDS: LockWords = {
  code: "INDEX_LOCKED",
  inThisProcess: "A re-index of this index is already running in this process.",
  heldBy: (pid, startedAt, host) =>
    `Another re-index is running (pid ${pid}${host === undefined ? "" : ` on ${host}`}, started ${startedAt}). Wait for it to finish, then run again.` +
    (host === undefined ? "" : " If that machine is gone, delete the index's .lock file, or set REDIS_URL so the writer lock holds across machines."),
  contended: (file) => `Could not take the index lock at ${file}; try again.`,
};

/** Takes `<indexDir>/.lock`, or throws `INDEX_LOCKED` when a live process holds it. */
export async function acquireIndexLock(indexDir: string, options: LockFileOptions = {}): Promise<IndexLock> {
  await fs.mkdir(indexDir, { recursive: true });
  return acquireLockFile(path.join(indexDir, ".lock"), INDEX_WORDS, options);
}

/** Takes the lock file `file` (its folder must exist), or throws `words.code` while a live process holds it. */
export async function acquireLockFile(file: string, words: LockWords, options: LockFileOptions = {}): Promise<IndexLock> {
  const host = os.hostname();
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), host };
  const written = JSON.stringify(info);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Write a private file, then link it into place: the lock appears complete or not at all.
      // (Private to this attempt: two attempts sharing one would share the inode the lock links to.)
      const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
      await fs.writeFile(tmp, written);
      try {
        await fs.link(tmp, file);
      } finally {
        await fs.rm(tmp, { force: true });
      }
      return {
        release: async () => {
          const current = await fs.readFile(file, "utf8").catch(() => "");
          if (current === written) await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: LockInfo | null = null;
    const raw = await fs.readFile(file, "utf8").catch(() => "");
    try {
      holder = JSON.parse(raw) as LockInfo;
    } catch {
      holder = null; // unreadable (e.g. written by an older version): treat as stale
    }
    const elsewhere = holder !== null && typeof holder.host === "string" && holder.host !== host;
    if (elsewhere && holder !== null && options.guarded !== true) {
      throw new AppError(words.code, words.heldBy(holder.pid, holder.startedAt, holder.host));
    }
    if (!elsewhere && heldByThisProcess(holder)) throw new AppError(words.code, words.inThisProcess);
    if (!elsewhere && holder !== null && typeof holder.pid === "number" && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new AppError(words.code, words.heldBy(holder.pid, holder.startedAt));
    }
    await takeOverStale(file, raw);
  }
  throw new AppError(words.code, words.contended(file));
}
