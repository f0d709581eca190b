/**
 * What a web page states about its article — title, outlet, publication date, canonical address,
 * language, licence — read from the places publishers put them for search engines and social
 * previews (Open Graph, JSON-LD, `itemprop`, `<time>`, `<link rel>`). Shared by the `.html` loader
 * and "add by URL", so a saved page and a fetched one get the same metadata.
 */
import type { DomDocument, DomElement } from "./html-dom.js";
import { jsonLdArticle } from "./json-ld.js";
import { escapeRegExp } from "../text/escape-reg-exp.js";
import { normalizeDate } from "../text/normalize-date.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

export interface PageMetadata {
  title: string | null;
  /** The outlet as the page names itself; null when it does not (callers may fall back to the host). */
  siteName: string | null;
  /** `YYYY-MM-DD`: the first stated publication date that parses. */
  date: string | null;
  /** The page's own absolute http(s) address (canonical link, else og:url), resolved against `baseUrl`. */
  canonicalUrl: string | null;
  language: string | null;
  license: string | null;
}

export interface PageMetadataOptions {
  /** Where the page came from: relative canonical links resolve against it. Without it they are dropped. */
  baseUrl?: string;
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = normalizeWhitespace(value);
  return s === "" ? null : s;
}

function attr(document: DomDocument, selector: string, name: string): string | null {
  return clean(document.querySelector(selector)?.getAttribute(name));
}

function textOf(element: DomElement | null): string | null {
  return clean(element?.textContent);
}

function meta(document: DomDocument, key: string): string | null {
  return attr(document, `meta[property="${key}"]`, "content") ?? attr(document, `meta[name="${key}"]`, "content");
}

/** "https://creativecommons.org/licenses/by-sa/4.0/" → "CC BY-SA 4.0"; other links as they are. */
export function licenseFromLink(href: string | null): string | null {
  if (href === null) return null;
  const cc = /creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/i.exec(href);
  return cc ? `CC ${cc[1]?.toUpperCase()} ${cc[2]}` : href;
}

/**
 * An absolute http(s) URL, or null. A link to the site's home page from an article page is a
 * common template mistake; taken at its word it would make every article "the same URL".
 */
function pageUrl(href: string | null, baseUrl: string | undefined): string | null {
  if (href === null) return null;
  try {
    const url = baseUrl === undefined ? new URL(href) : new URL(href, baseUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (baseUrl !== undefined && url.pathname === "/" && url.search === "" && new URL(baseUrl).pathname !== "/") return null;
    return url.href;
  } catch {
    return null;
  }
}

/** " | Example Times" or "Example Times - " around a `<title>`, when the site's name is known. */
function withoutSiteName(title: string, siteName: string | null): string {
  if (siteName === null) return title;
  const escaped = escapeRegExp(siteName);
  const stripped = title.replace(new RegExp(`\\s+[|–—:-]\\s+${escaped}$`, "i"), "").replace(new RegExp(`^${escaped}\\s+[|–—:-]\\s+`, "i"), "");
  return stripped === "" ? title : stripped;
}

/** Publication dates, most specific first; the first that parses wins. */
function dateCandidates(document: DomDocument, jsonLdDate: string | null): (string | null)[] {
  const itemprop = document.querySelector('[itemprop="datePublished"]');
  return [
    meta(document, "article:published_time"),
    jsonLdDate,
    clean(itemprop?.getAttribute("content")) ?? clean(itemprop?.getAttribute("datetime")) ?? textOf(itemprop),
    meta(document, "date"),
    meta(document, "pubdate"),
    meta(document, "publish-date"),
    meta(document, "dc.date"),
    meta(document, "DC.date.issued"),
    attr(document, "article time[datetime]", "datetime"),
    attr(document, "time[datetime]", "datetime"),
  ];
}

/** Reads the stated metadata of a page; every field is null when the page does not state it. */
export function readPageMetadata(document: DomDocument, options: PageMetadataOptions = {}): PageMetadata {
  const ld = jsonLdArticle(document);
  const siteName = meta(document, "og:site_name") ?? meta(document, "application-name") ?? clean(ld?.publisher);
  const tabTitle = textOf(document.querySelector("title"));
  const title =
    meta(document, "og:title") ??
    clean(ld?.headline) ??
    textOf(document.querySelector("article h1")) ??
    textOf(document.querySelector("h1")) ??
    (tabTitle === null ? null : withoutSiteName(tabTitle, siteName));
  let date: string | null = null;
  for (const candidate of dateCandidates(document, clean(ld?.datePublished))) {
    date = candidate === null ? null : normalizeDate(candidate);
    if (date !== null) break;
  }
  return {
    title,
    siteName,
    date,
    canonicalUrl:
      pageUrl(attr(document, 'link[rel="canonical"]', "href"), options.baseUrl) ??
      pageUrl(meta(document, "og:url"), options.baseUrl),
    language: clean(document.documentElement.getAttribute("lang")),
    license: licenseFromLink(attr(document, 'link[rel="license"]', "href")),
  };
}
