/**
 * What the data folder already holds, so "add by URL" and the feeds never file the same article
 * twice: the `url` of every Markdown and JSON article, and the hash of every article's text (the
 * same page reached by another address, or saved by hand, is still the same article).
 */
import path from "node:path";
import { duplicateKey, DEFAULT_MAX_BYTES } from "./load-articles.js";
import type { ArticleParser } from "./parsed-article.js";
import { parseJson } from "./parse-json.js";
import { parseMarkdown } from "./parse-markdown.js";
import { readTextFile } from "./read-text-file.js";
import { walkDataDir } from "./walk-data-dir.js";

/** Query parameters that track a click, not identify a page. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|_ga)$/i;

/** Formats whose files state a URL cheaply (HTML would need a full extraction just to compare). */
const PARSERS: Record<string, ArticleParser> = { ".md": parseMarkdown, ".markdown": parseMarkdown, ".json": parseJson };

/**
 * The part of a URL that identifies a page: host without "www.", path without a trailing slash,
 * query without tracking parameters (sorted); scheme and fragment ignored. Null for a non-URL.
 */
export function urlKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const params = [...url.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length === 0 ? "" : `?${new URLSearchParams(params).toString()}`;
  const host = url.host.replace(/^www\./, "");
  return `${host}${url.pathname.replace(/\/+$/, "")}${query}`;
}

/** Where an article already is (its path relative to the data folder). */
export class KnownArticles {
  private readonly byUrl = new Map<string, string>();
  private readonly byContent = new Map<string, string>();

  /** Reads the data folder once. A file that cannot be read is simply not known (the re-index will report it). */
  static async scan(dataDir: string): Promise<KnownArticles> {
    const known = new KnownArticles();
    const walked = await walkDataDir(dataDir);
    for (const file of walked.files) {
      const parser = PARSERS[path.posix.extname(file.relPath).toLowerCase()];
      if (parser === undefined) continue;
      try {
        const raw = await readTextFile({ path: file.absPath, maxBytes: DEFAULT_MAX_BYTES });
        for (const entry of parser(raw, file.relPath)) {
          if (entry.kind !== "article") continue;
          known.remember({ urls: entry.meta.url === null ? [] : [entry.meta.url], contentKey: duplicateKey(entry.text), path: file.relPath });
        }
      } catch {
        // unreadable or not an article: nothing to compare against
      }
    }
    return known;
  }

  pathForUrl(url: string): string | undefined {
    const key = urlKey(url);
    return key === null ? undefined : this.byUrl.get(key);
  }

  pathForContent(contentKey: string): string | undefined {
    return this.byContent.get(contentKey);
  }

  /** Records an article (a file just written, or one found on disk); the first path for a key stays. */
  remember(entry: { urls: readonly string[]; contentKey: string; path: string }): void {
    for (const url of entry.urls) {
      const key = urlKey(url);
      if (key !== null && !this.byUrl.has(key)) this.byUrl.set(key, entry.path);
    }
    if (!this.byContent.has(entry.contentKey)) this.byContent.set(entry.contentKey, entry.path);
  }
}
