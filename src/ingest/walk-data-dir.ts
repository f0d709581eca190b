/**
 * Finds the article files under the data directory: recursive, deterministic (sorted by path),
 * following symlinks without looping, and never opening anything that is not a regular file.
 */
import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../core/errors.js";

/** A file or folder that was left out, with a one-line reason. */
export interface WalkSkip {
  path: string;
  reason: string;
}

export interface FoundFile {
  /** Relative to the data directory, forward slashes. */
  relPath: string;
  absPath: string;
}

export interface WalkResult {
  files: FoundFile[];
  skipped: WalkSkip[];
}

/** Dotfiles, dot-folders and READMEs are notes for maintainers, not articles. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith(".") || /^readme(?:\..*)?$/i.test(name);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : error instanceof Error ? (error.message.split("\n")[0] ?? "error") : String(error);
}

/** Byte-wise comparison, so the order never depends on the machine's locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface WalkState {
  root: string;
  visited: Set<string>;
  result: WalkResult;
}

async function walkDir(dir: string, state: WalkState): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (dir === state.root) throw error;
    state.result.skipped.push({ path: relative(state.root, dir), reason: `cannot read: ${errorCode(error)}` });
    return;
  }
  for (const entry of entries) {
    if (isIgnoredName(entry.name)) continue;
    const absPath = path.join(dir, entry.name);
    const relPath = relative(state.root, absPath);
    let isFile = entry.isFile();
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(absPath);
        isFile = target.isFile();
        isDir = target.isDirectory();
      } catch (error) {
        state.result.skipped.push({ path: relPath, reason: `cannot read: ${errorCode(error)} (broken link?)` });
        continue;
      }
    }
    if (isDir) {
      let real: string;
      try {
        real = await realpath(absPath);
      } catch (error) {
        state.result.skipped.push({ path: relPath, reason: `cannot read: ${errorCode(error)}` });
        continue;
      }
      // A folder reached twice (a link loop or an alias) would only yield duplicates.
      if (state.visited.has(real)) continue;
      state.visited.add(real);
      await walkDir(absPath, state);
    } else if (isFile) {
      state.result.files.push({ relPath, absPath });
    } else {
      state.result.skipped.push({ path: relPath, reason: "not a regular file" });
    }
  }
}

function relative(root: string, absPath: string): string {
  return path.relative(root, absPath).split(path.sep).join("/");
}

/**
 * Lists the candidate article files under `dataDir`, sorted by relative path. Throws `AppError`
 * (`CONFIG_INVALID`) when `dataDir` itself is missing or unreadable — nothing could be indexed.
 */
export async function walkDataDir(dataDir: string): Promise<WalkResult> {
  const root = path.resolve(dataDir);
  const state: WalkState = { root, visited: new Set(), result: { files: [], skipped: [] } };
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    state.visited.add(await realpath(root));
    await walkDir(root, state);
  } catch (error) {
    throw new AppError("CONFIG_INVALID", `Cannot read the data directory ${dataDir}: ${errorCode(error)}`, { cause: error });
  }
  state.result.files.sort((a, b) => comparePaths(a.relPath, b.relPath));
  state.result.skipped.sort((a, b) => comparePaths(a.path, b.path));
  return state.result;
}
