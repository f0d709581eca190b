/**
 * One feeds run at a time — in this process (the bot's interval firing while the last run is still
 * fetching) and across processes (`npm run feeds` while the bot runs): two runs would fetch the same
 * new items and file them twice. A lock file next to the state file, taken like the index lock (a
 * lock left by a process that has died is taken over).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { acquireLockFile, type IndexLock, type LockFileOptions, type LockWords } from "../index/index-lock.js";

export type FeedsLock = IndexLock;

const FEEDS_WORDS: LockWords = {
  code: "FEEDS_BUSY",
  inThisProcess: "A feeds run is already in progress in this process.",
  heldBy: (pid, startedAt, host) => `Another feeds run is in progress (pid ${pid}${host === undefined ? "" : ` on ${host}`}, started ${startedAt}).`,
  contended: (file) => `Could not take the feeds lock at ${file}; try again.`,
};

/** Takes `<stateFile>.lock`, or throws `FEEDS_BUSY` while a live run holds it. */
export async function acquireFeedsLock(stateFile: string, options: LockFileOptions = {}): Promise<FeedsLock> {
  const file = `${stateFile}.lock`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  return acquireLockFile(file, FEEDS_WORDS, options);
}
