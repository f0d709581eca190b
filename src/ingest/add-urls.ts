/**
 * "Add by URL": each page is fetched, its article extracted and filed in the data folder as a
 * Markdown article — unless the folder already has it (same canonical URL, or the same text). One
 * bad URL never stops the others; each failure is reported with a one-line reason. Re-indexing is
 * the caller's next step (once, for all of them).
 */
import fs from "node:fs/promises";
import { AppError } from "../core/errors.js";
import { writeArticleFile } from "./article-file.js";
import { checkHttpUrl, type FetchLimits } from "./bounded-fetch.js";
import { CANCELLED, isFetchError } from "./fetch-error.js";
import { fetchPage } from "./fetch-page.js";
import { KnownArticles } from "./known-articles.js";
import { duplicateKey } from "./load-articles.js";
import { pageArticle } from "./page-article.js";

export interface AddUrlsOptions {
  urls: readonly string[];
  dataDir: string;
  limits: FetchLimits;
  /** What the data folder holds; scanned when not given. Every article added is recorded in it. */
  known?: KnownArticles;
  /** Stops after the URL in progress; the rest are reported as cancelled. */
  signal?: AbortSignal;
  /** Called before each URL is fetched, for progress lines. */
  onProgress?: (progress: { index: number; total: number; url: string }) => void;
}

export interface AddedArticle {
  /** The URL as given. */
  url: string;
  /** The article's own address (canonical link, og:url, or where the redirects ended). */
  canonicalUrl: string;
  /** The new file, relative to the data folder. */
  path: string;
  title: string;
  source: string;
  date: string | null;
}

export interface PresentArticle {
  url: string;
  /** The file that already holds it, relative to the data folder. */
  path: string;
  /** Found by its URL, or by its text under another address. */
  match: "url" | "content";
}

export interface FailedUrl {
  url: string;
  reason: string;
}

export interface AddReport {
  added: AddedArticle[];
  present: PresentArticle[];
  failed: FailedUrl[];
}

/** Creates the data folder if needed and makes sure it can be written; throws `DATA_UNWRITABLE`. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.access(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw unwritable(dataDir, error);
  }
}

function unwritable(dataDir: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return new AppError("DATA_UNWRITABLE", `Cannot write to the data folder ${dataDir} (${code}).`, { cause: error });
}

function reasonOf(error: unknown): string {
  if (isFetchError(error)) return error.userMessage;
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split("\n")[0]?.slice(0, 160) ?? "unknown"}`;
}

/** Adds one URL: returns what became of it, or throws (FetchError: this URL failed; other: fatal). */
async function addOne(url: string, options: AddUrlsOptions, known: KnownArticles, report: AddReport): Promise<void> {
  const requested = checkHttpUrl(url).href;
  const before = known.pathForUrl(requested);
  if (before !== undefined) {
    report.present.push({ url, path: before, match: "url" });
    return;
  }
  const page = await fetchPage({ url: requested, limits: options.limits, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  const { meta, text } = pageArticle({ html: page.html, url: page.url });
  const canonicalUrl = meta.url ?? page.url;
  const urls = [requested, page.url, canonicalUrl];
  const contentKey = duplicateKey(text);
  const byUrl = urls.map((u) => known.pathForUrl(u)).find((p) => p !== undefined);
  const existing = byUrl ?? known.pathForContent(contentKey);
  if (existing !== undefined) {
    report.present.push({ url, path: existing, match: byUrl !== undefined ? "url" : "content" });
    known.remember({ urls, contentKey, path: existing });
    return;
  }
  let path: string;
  try {
    path = await writeArticleFile({ dataDir: options.dataDir, meta, text });
  } catch (error) {
    throw unwritable(options.dataDir, error);
  }
  known.remember({ urls, contentKey, path });
  report.added.push({ url, canonicalUrl, path, title: meta.title, source: meta.source, date: meta.date });
}

/**
 * Fetches and files each URL in turn. Throws only for what stops everything (the data folder
 * cannot be read or written); every other problem is one entry in `failed`.
 */
export async function addUrls(options: AddUrlsOptions): Promise<AddReport> {
  await prepareDataDir(options.dataDir);
  const known = options.known ?? (await KnownArticles.scan(options.dataDir));
  const report: AddReport = { added: [], present: [], failed: [] };
  for (const [i, url] of options.urls.entries()) {
    if (options.signal?.aborted === true) {
      report.failed.push({ url, reason: CANCELLED });
      continue;
    }
    options.onProgress?.({ index: i + 1, total: options.urls.length, url });
    try {
      await addOne(url, options, known, report);
    } catch (error) {
      if (error instanceof AppError && error.code === "DATA_UNWRITABLE") throw error;
      report.failed.push({ url, reason: reasonOf(error) });
    }
  }
  return report;
}
