/**
 * One run of the feeds: read each configured feed (conditionally — an unchanged feed is a 304),
 * keep the items its keywords select, file the new ones through "add by URL", and re-index once at
 * the end. `npm run feeds` runs it once; the bot can run it on an interval (one run at a time: a
 * second call while one is going throws `FEEDS_BUSY`).
 */
import type { Embedder } from "../core/embedder.js";
import type { LockService } from "../core/lock-service.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import { addUrls, prepareDataDir, type AddedArticle, type FailedUrl, type PresentArticle } from "./add-urls.js";
import type { FetchLimits } from "./bounded-fetch.js";
import { acquireFeedsLock, type FeedsLock } from "./feed-lock.js";
import { defaultFeedsStatePath, emptyFeedsState, emptyFeedState, readFeedsState, writeFeedsState, type FeedsState } from "./feed-state.js";
import { CANCELLED, isFetchError } from "./fetch-error.js";
import { keywordMatcher } from "./keyword-filter.js";
import { KnownArticles } from "./known-articles.js";
import { readFeed, type FeedItem } from "./read-feed.js";
import { reindexAfterAdding, type ReindexOutcome } from "./reindex-outcome.js";
import { takeWriterLease } from "./writer-lease.js";

/** A feed to follow (`config.feeds.sources`). */
export interface FeedSourceOptions {
  url: string;
  /** Only items whose title or summary has one of these words; empty: every item. */
  keywords: readonly string[];
}

export type FeedProgress =
  | { kind: "feed"; index: number; total: number; url: string }
  | { kind: "item"; index: number; total: number; url: string };

export interface RunFeedsOptions {
  sources: readonly FeedSourceOptions[];
  dataDir: string;
  indexDir: string;
  /** The embedder for the re-index, or how to get one (loaded only when something was added). */
  embedder: Embedder | (() => Promise<Embedder>);
  limits: FetchLimits;
  /** Default: `defaultFeedsStatePath(indexDir)` (`<INDEX_DIR>/../feeds-state.json`). */
  statePath?: string;
  logger?: Logger;
  signal?: AbortSignal;
  onProgress?: (progress: FeedProgress) => void;
  /** Runs in which an item failed before it is given up on. Default 3. */
  maxItemFailures?: number;
  /** Leases shared by every instance (Redis): one feeds run (and one re-index) at a time across machines. */
  writerLock?: LockService;
}

export interface FeedSummary {
  url: string;
  status: "fetched" | "not-modified" | "failed";
  /** Items in the feed, and those the keywords selected. */
  items: number;
  matched: number;
}

export type { ReindexOutcome };

export interface FeedsReport {
  feeds: FeedSummary[];
  /** Items the keywords selected, each checked against the data folder. */
  checked: number;
  added: AddedArticle[];
  present: PresentArticle[];
  /** Feeds that could not be read and items that could not be added, each with a one-line reason. */
  failed: FailedUrl[];
  /** Null when nothing needed re-indexing. */
  reindex: ReindexOutcome | null;
}

interface Selected {
  source: FeedSourceOptions;
  items: FeedItem[];
}

/** Reads every feed; returns the items to look at per feed and fills in the report's feed lines. */
async function readFeeds(options: RunFeedsOptions, state: FeedsState, report: FeedsReport): Promise<Selected[]> {
  const selected: Selected[] = [];
  for (const [i, source] of options.sources.entries()) {
    options.onProgress?.({ kind: "feed", index: i + 1, total: options.sources.length, url: source.url });
    const previous = state.feeds[source.url] ?? emptyFeedState();
    const feedState = { ...previous, checkedAt: new Date().toISOString() };
    state.feeds[source.url] = feedState;
    try {
      const read = await readFeed({
        url: source.url,
        limits: options.limits,
        validators: { etag: previous.etag, lastModified: previous.lastModified },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      if (read.status === "not-modified") {
        report.feeds.push({ url: source.url, status: "not-modified", items: 0, matched: 0 });
        continue;
      }
      const matches = keywordMatcher(source.keywords);
      const items = read.items.filter((item) => matches(item));
      report.feeds.push({ url: source.url, status: "fetched", items: read.items.length, matched: items.length });
      // Validators are kept only once every selected item is settled (see settle()).
      Object.assign(feedState, read.validators);
      selected.push({ source, items });
    } catch (error) {
      if (!isFetchError(error)) throw error;
      report.feeds.push({ url: source.url, status: "failed", items: 0, matched: 0 });
      report.failed.push({ url: source.url, reason: `feed: ${error.userMessage}` });
    }
  }
  return selected;
}

/** What became of an item fetched in this run. */
type ItemOutcome = { kind: "filed"; path: string } | { kind: "failed" } | { kind: "cancelled" };

/**
 * Updates each feed's memory after its items were handled: links filed (or already there) are
 * seen; a failed link counts one more failure (a cancelled one none); links gone from the feed are
 * forgotten. While an item is still to be retried the validators are dropped, so the next run
 * reads the feed in full instead of getting a 304 that would hide the item.
 */
function settle(selected: readonly Selected[], state: FeedsState, outcomes: Map<string, ItemOutcome>, maxFailures: number): void {
  for (const { source, items } of selected) {
    const feed = state.feeds[source.url] ?? emptyFeedState();
    const seen: Record<string, string> = {};
    const failures: Record<string, number> = {};
    let retry = false;
    for (const { link } of items) {
      const outcome = outcomes.get(link);
      const known = feed.seen[link];
      if (outcome?.kind === "filed") seen[link] = outcome.path;
      else if (known !== undefined) seen[link] = known;
      else {
        const count = (feed.failures[link] ?? 0) + (outcome?.kind === "failed" ? 1 : 0);
        if (count > 0) failures[link] = count;
        if (count < maxFailures) retry = true;
      }
    }
    state.feeds[source.url] = { ...feed, seen, failures, ...(retry ? { etag: null, lastModified: null } : {}) };
  }
}

/** Runs the feeds once. Throws only for what stops the run: `FEEDS_BUSY`, an unwritable data folder. */
export async function runFeeds(options: RunFeedsOptions): Promise<FeedsReport> {
  const logger = options.logger ?? silentLogger;
  const maxFailures = options.maxItemFailures ?? 3;
  const report: FeedsReport = { feeds: [], checked: 0, added: [], present: [], failed: [], reindex: null };
  if (options.sources.length === 0) return report;
  const statePath = options.statePath ?? defaultFeedsStatePath(options.indexDir);
  await prepareDataDir(options.dataDir);
  const lease = await takeWriterLease(options.writerLock, "feeds");
  let lock: FeedsLock | null = null;
  try {
    lock = await acquireFeedsLock(statePath, { guarded: lease !== null });
    const state = await readFeedsState(statePath).catch((error: unknown) => {
      logger.warn("feeds: state file unreadable; every feed is read in full this time", { error, path: statePath });
      return emptyFeedsState();
    });
    const selected = await readFeeds(options, state, report);

    // Items already filed are not fetched again; the rest go through "add by URL" together.
    const toFetch: string[] = [];
    for (const { source, items } of selected) {
      const feed = state.feeds[source.url] ?? emptyFeedState();
      for (const item of items) {
        report.checked++;
        const seenPath = feed.seen[item.link];
        if (seenPath !== undefined) report.present.push({ url: item.link, path: seenPath, match: "url" });
        else if ((feed.failures[item.link] ?? 0) < maxFailures && !toFetch.includes(item.link)) toFetch.push(item.link);
      }
    }
    const outcomes = new Map<string, ItemOutcome>();
    if (toFetch.length > 0) {
      const added = await addUrls({
        urls: toFetch,
        dataDir: options.dataDir,
        limits: options.limits,
        known: await KnownArticles.scan(options.dataDir),
        onProgress: (p) => options.onProgress?.({ kind: "item", ...p }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      report.added.push(...added.added);
      report.present.push(...added.present);
      report.failed.push(...added.failed);
      for (const a of [...added.added, ...added.present]) outcomes.set(a.url, { kind: "filed", path: a.path });
      for (const f of added.failed) outcomes.set(f.url, { kind: f.reason === CANCELLED ? "cancelled" : "failed" });
    }
    settle(selected, state, outcomes, maxFailures);
    const configured = new Set(options.sources.map((s) => s.url));
    for (const url of Object.keys(state.feeds)) if (!configured.has(url)) delete state.feeds[url];

    if (options.signal?.aborted === true) {
      // Stopping (e.g. the bot shuts down): no re-index now; the next run does it.
      if (report.added.length > 0) state.reindexPending = true;
    } else if (report.added.length > 0 || state.reindexPending) {
      // Recorded first: if the re-index dies with the process, the next run still re-indexes.
      state.reindexPending = true;
      await writeFeedsState(statePath, state);
      report.reindex = await reindexAfterAdding({
        dataDir: options.dataDir,
        indexDir: options.indexDir,
        embedder: options.embedder,
        logger,
        ...(options.writerLock === undefined ? {} : { writerLock: options.writerLock }),
      });
      state.reindexPending = !report.reindex.ok;
    }
    await writeFeedsState(statePath, state);
    logger.info(`feeds: ${report.added.length} added, ${report.present.length} already present, ${report.failed.length} failed`);
    return report;
  } finally {
    await lock?.release();
    await lease?.release();
  }
}
