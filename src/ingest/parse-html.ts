/**
 * HTML articles saved from the web: the article text as Readability finds it (no navigation,
 * bylines, share buttons, cookie banners or related links), plus the metadata pages already declare
 * (Open Graph, JSON-LD, `<time>`, canonical link). "Add by URL" reads fetched pages the same way.
 */
import path from "node:path";
import { ArticleError } from "./article-error.js";
import { completeMeta } from "./complete-meta.js";
import { extractArticle } from "./extract-article.js";
import { parseHtmlDocument } from "./html-dom.js";
import { readPageMetadata } from "./page-metadata.js";
import type { ParsedEntry } from "./parsed-article.js";

/** Parses an `.html` article; the stated metadata wins, the rest is inferred like plain text. */
export function parseHtml(raw: string, relPath: string): ParsedEntry[] {
  const document = parseHtmlDocument(raw);
  const stated = readPageMetadata(document);
  // A saved file is an article even when Readability would not call it one (a short snippet).
  const article = extractArticle(document, { fallback: true });
  if (article === null) throw new ArticleError("empty article");
  const title = stated.title ?? article.title;
  const text = article.paragraphs.join("\n\n");
  const fields: Record<string, unknown> = {
    title: title ?? undefined,
    source: stated.siteName ?? undefined,
    date: stated.date ?? undefined,
    url: stated.canonicalUrl,
    language: stated.language ?? undefined,
    license: stated.license ?? undefined,
  };
  const meta = completeMeta({ fields, text, fileName: path.posix.basename(relPath) });
  return [{ kind: "article", meta, text }];
}
