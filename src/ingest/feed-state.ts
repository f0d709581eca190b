/**
 * What the feeds remember between runs, in one small JSON file: per feed URL the validators of
 * the last copy (ETag / Last-Modified, for conditional requests), the item links already filed (so
 * an unchanged item is never fetched again, even when its link differs from the article's
 * canonical URL), and how often an item failed (so a page that never yields an article is given up
 * on). Losing the file costs one full fetch of each feed, nothing more.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  checkedAt: string | null;
  /** Item link → the article file it became or already was (relative to the data folder). */
  seen: Record<string, string>;
  /** Item link → failed attempts so far. */
  failures: Record<string, number>;
}

export interface FeedsState {
  version: 1;
  feeds: Record<string, FeedState>;
  /** Articles were added but the re-index after them failed: the next run re-indexes even if nothing is new. */
  reindexPending: boolean;
}

/** `<INDEX_DIR>/../feeds-state.json`: next to the index (build output, not the corpus), outside it (the index folder holds only the index). */
export function defaultFeedsStatePath(indexDir: string): string {
  return path.join(path.dirname(path.resolve(indexDir)), "feeds-state.json");
}

export function emptyFeedsState(): FeedsState {
  return { version: 1, feeds: {}, reindexPending: false };
}

export function emptyFeedState(): FeedState {
  return { etag: null, lastModified: null, checkedAt: null, seen: {}, failures: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

function counts(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "number" && Number.isInteger(x) && x > 0) out[k] = x;
  return out;
}

/** Reads the state; a missing file is a first run. Throws a plain Error (with the reason) for a damaged one. */
export async function readFeedsState(file: string): Promise<FeedsState> {
  let raw: string;
  try {
    raw = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyFeedsState();
    throw error;
  }
  const data: unknown = JSON.parse(raw);
  if (!isRecord(data) || data["version"] !== 1 || !isRecord(data["feeds"])) throw new Error("not a feeds state file (version 1)");
  const state = emptyFeedsState();
  state.reindexPending = data["reindexPending"] === true;
  for (const [url, v] of Object.entries(data["feeds"])) {
    if (!isRecord(v)) continue;
    state.feeds[url] = {
      etag: str(v["etag"]),
      lastModified: str(v["lastModified"]),
      checkedAt: str(v["checkedAt"]),
      seen: strings(v["seen"]),
      failures: counts(v["failures"]),
    };
  }
  return state;
}

/** Writes the state atomically (a private temporary file renamed over the old one). */
export async function writeFeedsState(file: string, state: FeedsState): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
