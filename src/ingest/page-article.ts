/**
 * A fetched page as an article: Readability's text and the page's stated metadata, with the
 * fallbacks a page from the open web needs (the host when no outlet is named, the final URL when no
 * canonical one is). Unlike a saved `.html` file, a fetched page must really hold an article: a
 * home page or a list of headlines is refused rather than filed.
 */
import type { ArticleMeta } from "../core/types.js";
import { completeMeta } from "./complete-meta.js";
import { extractArticle } from "./extract-article.js";
import { FetchError } from "./fetch-error.js";
import { parseHtmlDocument } from "./html-dom.js";
import { readPageMetadata } from "./page-metadata.js";

export interface PageArticleOptions {
  html: string;
  /** Where the page was found (after redirects). */
  url: string;
  /** Fewer characters of text outside links than this is not an article. Default 200. */
  minProseChars?: number;
}

export interface PageArticle {
  meta: ArticleMeta;
  text: string;
}

/** "www.example.org" → "example.org": the outlet's name when the page states none. */
export function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/** Reads the article of a fetched page; throws `FetchError` (`no-article`) when it has none. */
export function pageArticle(options: PageArticleOptions): PageArticle {
  const document = parseHtmlDocument(options.html);
  const stated = readPageMetadata(document, { baseUrl: options.url });
  const article = extractArticle(document);
  if (article === null || article.proseChars < (options.minProseChars ?? 200)) {
    throw new FetchError("no-article", options.url, "no article found on the page");
  }
  const text = article.paragraphs.join("\n\n");
  const fields: Record<string, unknown> = {
    title: stated.title ?? article.title ?? undefined,
    source: stated.siteName ?? hostLabel(options.url),
    date: stated.date ?? undefined,
    url: stated.canonicalUrl ?? options.url,
    language: stated.language ?? undefined,
    license: stated.license ?? undefined,
  };
  return { meta: completeMeta({ fields, text, fileName: "" }), text };
}
