/**
 * Temporary folders for tests that build indexes: each test file makes its own under the OS temp
 * dir and removes them all in `afterAll`, so nothing leaks into the repo or between runs.
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository (where package.json and .cache live). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The project's word-vector cache, shared with `npm start` so the one-off build happens once. */
export const CACHE_DIR = path.join(REPO_ROOT, ".cache");
/** The bundled corpus (two real articles). */
export const CORPUS_DIR = path.join(REPO_ROOT, "data/articles");

export interface TempDirs {
  make(label: string): Promise<string>;
  cleanup(): Promise<void>;
}

export function tempDirs(prefix: string): TempDirs {
  const made: string[] = [];
  return {
    async make(label) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), `dossier-${prefix}-${label}-`));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
    },
  };
}

/**
 * Every file and folder under `dir` with a content hash (files) and mtime, sorted — two equal
 * snapshots mean nothing was created, removed or rewritten.
 */
export async function snapshotTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string) => {
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const e of entries) {
      const abs = path.join(current, e.name);
      const rel = path.relative(dir, abs);
      const info = await fs.stat(abs);
      if (e.isDirectory()) {
        out.push(`${rel}/ ${info.mtimeMs}`);
        await walk(abs);
      } else {
        const hash = createHash("sha256").update(await fs.readFile(abs)).digest("hex").slice(0, 16);
        out.push(`${rel} ${info.size} ${info.mtimeMs} ${hash}`);
      }
    }
  };
  await walk(dir);
  return out.sort();
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
