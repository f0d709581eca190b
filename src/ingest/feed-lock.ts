/**
 * One feeds run at a time — in this process (the bot's interval firing while the last run is still
 * fetching) and across processes (`npm run feeds` while the bot runs): two runs would fetch the same
 * new items and file them twice. A lock file next to the state file; one left by a process that
 * has died is taken over.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../core/errors.js";

export interface FeedsLock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  startedAt: string;
}

/** When this process started: a lock with our pid written before then is a leftover (pid reused, e.g. pid 1 in a container). */
const PROCESS_STARTED_MS = Date.now() - performance.now();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(raw: string): Holder | null {
  try {
    const h = JSON.parse(raw) as Partial<Holder>;
    return typeof h.pid === "number" && typeof h.startedAt === "string" ? { pid: h.pid, startedAt: h.startedAt } : null;
  } catch {
    return null;
  }
}

function busy(holder: Holder): AppError | null {
  if (holder.pid === process.pid) {
    const at = Date.parse(holder.startedAt);
    if (Number.isFinite(at) && at >= PROCESS_STARTED_MS - 1000) {
      return new AppError("FEEDS_BUSY", "A feeds run is already in progress in this process.");
    }
    return null;
  }
  return isAlive(holder.pid) ? new AppError("FEEDS_BUSY", `Another feeds run is in progress (pid ${holder.pid}, started ${holder.startedAt}).`) : null;
}

/** Takes `<stateFile>.lock`, or throws `FEEDS_BUSY` while a live run holds it. */
export async function acquireFeedsLock(stateFile: string): Promise<FeedsLock> {
  const file = `${stateFile}.lock`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const written = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies Holder);
  for (let attempt = 0; attempt < 3; attempt++) {
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, written);
    try {
      await fs.link(tmp, file); // appears complete or not at all; fails if the lock exists
      return {
        release: async () => {
          if ((await fs.readFile(file, "utf8").catch(() => "")) === written) await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await fs.rm(tmp, { force: true });
    }
    const raw = await fs.readFile(file, "utf8").catch(() => "");
    const holder = parseHolder(raw);
    const refusal = holder === null ? null : busy(holder);
    if (refusal !== null) throw refusal;
    // Stale: move it aside and check we moved the one we judged (not a lock just taken by another run).
    const aside = `${file}.stale-${process.pid}-${randomUUID()}`;
    try {
      await fs.rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      continue;
    }
    if ((await fs.readFile(aside, "utf8").catch(() => "")) !== raw) await fs.link(aside, file).catch(() => undefined);
    await fs.rm(aside, { force: true });
  }
  throw new AppError("FEEDS_BUSY", `Could not take the feeds lock at ${file}; try again.`);
}
