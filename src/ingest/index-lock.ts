/**
 * A lock file that keeps two re-index runs from writing the same index. A lock left by a process
 * that no longer exists (crash, kill -9) is taken over; a live one refuses with a clear message.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";

export interface IndexLock {
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes `<indexDir>/.lock`, or throws `INDEX_LOCKED` when a live process holds it. */
export async function acquireIndexLock(indexDir: string): Promise<IndexLock> {
  await fs.mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, ".lock");
  const info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Write a private file, then link it into place: the lock appears complete or not at all.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(info));
      try {
        await fs.link(tmp, file);
      } finally {
        await fs.rm(tmp, { force: true });
      }
      return {
        release: async () => {
          const current = await fs.readFile(file, "utf8").catch(() => "");
          if (current.includes(`"pid":${process.pid},`)) await fs.rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: LockInfo | null = null;
    try {
      holder = JSON.parse(await fs.readFile(file, "utf8")) as LockInfo;
    } catch {
      holder = null; // unreadable or half-written: treat as stale
    }
    if (holder !== null && typeof holder.pid === "number" && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new AppError(
        "INDEX_LOCKED",
        `Another re-index is running (pid ${holder.pid}, started ${holder.startedAt}). Wait for it to finish, then run again.`,
      );
    }
    await fs.rm(file, { force: true }); // stale lock from a dead process: take it over
  }
  throw new AppError("INDEX_LOCKED", `Could not take the index lock at ${file}; try again.`);
}
