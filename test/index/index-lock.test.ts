import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { acquireIndexLock } from "../../src/index/index-lock.js";
import { deadPid } from "../helpers/processes.js";
import { exists, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("lock");
afterAll(() => dirs.cleanup());

async function lockError(indexDir: string): Promise<AppError> {
  const error = await acquireIndexLock(indexDir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("acquireIndexLock", () => {
  it("creates the index folder and a lock file naming this process; release removes it", async () => {
    const indexDir = path.join(await dirs.make("fresh"), "not", "yet", "there");
    const lock = await acquireIndexLock(indexDir);
    const file = path.join(indexDir, ".lock");
    const info = JSON.parse(await fs.readFile(file, "utf8")) as { pid: number; startedAt: string };
    expect(info.pid).toBe(process.pid);
    expect(Number.isNaN(Date.parse(info.startedAt))).toBe(false);
    await lock.release();
    expect(await exists(file)).toBe(false);
    // Released: it can be taken again, and a double release is harmless.
    const again = await acquireIndexLock(indexDir);
    await again.release();
    await again.release();
    expect(await exists(file)).toBe(false);
  });

  it("refuses a lock held by a live process with INDEX_LOCKED and a message naming the holder", async () => {
    const indexDir = await dirs.make("live");
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      const pid = holder.pid ?? -1;
      const startedAt = new Date(Date.now() - 5000).toISOString();
      await fs.writeFile(path.join(indexDir, ".lock"), JSON.stringify({ pid, startedAt }));
      const error = await lockError(indexDir);
      expect(error.code).toBe("INDEX_LOCKED");
      expect(error.userMessage).toContain(`pid ${pid}`);
      expect(error.userMessage).toContain(startedAt);
      expect(error.userMessage).toMatch(/another re-index is running/i);
      // The holder's lock is left alone.
      expect(JSON.parse(await fs.readFile(path.join(indexDir, ".lock"), "utf8"))).toMatchObject({ pid });
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("refuses a second acquire while the first lock is held, and allows it after release", async () => {
    const indexDir = await dirs.make("second");
    // A lock written by another live process (the parent of this test worker stands in for one).
    const first = await acquireIndexLock(indexDir);
    await first.release();
    await fs.writeFile(path.join(indexDir, ".lock"), JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() }));
    const error = await lockError(indexDir);
    expect(error.code).toBe("INDEX_LOCKED");
    expect(error.userMessage).toContain(`pid ${process.ppid}`);
    await fs.rm(path.join(indexDir, ".lock"));
    const lock = await acquireIndexLock(indexDir);
    await lock.release();
  });

  it("takes over a lock left by a dead process", async () => {
    const indexDir = await dirs.make("dead");
    const pid = await deadPid();
    await fs.writeFile(path.join(indexDir, ".lock"), JSON.stringify({ pid, startedAt: "2020-01-01T00:00:00.000Z" }));
    const lock = await acquireIndexLock(indexDir);
    const info = JSON.parse(await fs.readFile(path.join(indexDir, ".lock"), "utf8")) as { pid: number };
    expect(info.pid).toBe(process.pid);
    await lock.release();
    expect(await exists(path.join(indexDir, ".lock"))).toBe(false);
  });

  it("takes over an unreadable (half-written) lock file", async () => {
    const indexDir = await dirs.make("garbage");
    await fs.writeFile(path.join(indexDir, ".lock"), '{"pid": 12');
    const lock = await acquireIndexLock(indexDir);
    await lock.release();
    expect(await exists(path.join(indexDir, ".lock"))).toBe(false);
  });

  it("does not remove a lock that another process took over meanwhile", async () => {
    const indexDir = await dirs.make("stolen");
    const lock = await acquireIndexLock(indexDir);
    const other = JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() });
    await fs.writeFile(path.join(indexDir, ".lock"), other);
    await lock.release();
    expect(await fs.readFile(path.join(indexDir, ".lock"), "utf8")).toBe(other);
  });

  it("takes over a lock naming this very pid (left by an earlier process that had the same pid, e.g. after a container restart)", async () => {
    const indexDir = await dirs.make("ownpid");
    await fs.writeFile(path.join(indexDir, ".lock"), JSON.stringify({ pid: process.pid, startedAt: "2020-01-01T00:00:00.000Z" }));
    const lock = await acquireIndexLock(indexDir);
    const info = JSON.parse(await fs.readFile(path.join(indexDir, ".lock"), "utf8")) as { startedAt: string };
    expect(info.startedAt).not.toBe("2020-01-01T00:00:00.000Z");
    await lock.release();
    expect(await exists(path.join(indexDir, ".lock"))).toBe(false);
  });

  it("lets only one of two runs in the same process hold the lock", async () => {
    const indexDir = await dirs.make("same-process");
    const results = await Promise.allSettled([acquireIndexLock(indexDir), acquireIndexLock(indexDir)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "INDEX_LOCKED" } });
    for (const r of results) if (r.status === "fulfilled") await r.value.release();
    const again = await acquireIndexLock(indexDir);
    await again.release();
  });

  it("lets only one of several processes take over the same stale lock", async () => {
    const indexDir = await dirs.make("race");
    await fs.writeFile(path.join(indexDir, ".lock"), JSON.stringify({ pid: await deadPid(), startedAt: "2020-01-01T00:00:00Z" }));
    const script = `import { acquireIndexLock } from ${JSON.stringify(path.resolve("src/index/index-lock.ts"))};
      try { const l = await acquireIndexLock(${JSON.stringify(indexDir)}); console.log("GOT"); await new Promise((r) => setTimeout(r, 1500)); await l.release(); }
      catch (e) { console.log(e.code ?? "ERR"); }`;
    const runs = Array.from({ length: 4 }, () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", () => resolve(out.trim()));
      }),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o === "GOT")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "INDEX_LOCKED")).toHaveLength(3);
  }, 30_000);
});

