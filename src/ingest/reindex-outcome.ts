/**
 * The re-index that follows adding articles (by URL or from feeds): run once, after all of them,
 * and reported in a few numbers rather than thrown — the new files are already in the data folder,
 * so a failed re-index is something to say and retry, not a reason to lose the report.
 */
import type { Embedder } from "../core/embedder.js";
import { isAppError } from "../core/errors.js";
import type { LockService } from "../core/lock-service.js";
import type { Logger } from "../core/logger.js";
import type { SkippedFile } from "./load-articles.js";
import { reindex } from "./reindex.js";

export type ReindexOutcome =
  | { ok: true; wrote: boolean; articles: number; chunks: number; added: string[]; skipped: SkippedFile[] }
  | { ok: false; reason: string };

export interface ReindexAfterAddingOptions {
  dataDir: string;
  indexDir: string;
  /** The embedder, or how to get one (loading GloVe takes a moment: only done when needed). */
  embedder: Embedder | (() => Promise<Embedder>);
  logger: Logger;
  /** Leases shared by every instance (Redis), passed to the re-index. */
  writerLock?: LockService;
}

/** Re-indexes the data folder; never throws. */
export async function reindexAfterAdding(options: ReindexAfterAddingOptions): Promise<ReindexOutcome> {
  try {
    const embedder = typeof options.embedder === "function" ? await options.embedder() : options.embedder;
    const r = await reindex({
      dataDir: options.dataDir,
      indexDir: options.indexDir,
      embedder,
      logger: options.logger,
      ...(options.writerLock === undefined ? {} : { writerLock: options.writerLock }),
    });
    return { ok: true, wrote: r.wrote, articles: r.articles, chunks: r.chunks, added: r.added, skipped: r.skipped };
  } catch (error) {
    options.logger.error("re-index after adding articles failed", { error });
    const reason = isAppError(error) ? error.userMessage : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, reason: reason.split("\n")[0] ?? reason };
  }
}
