/**
 * The article inside a web page, without the page around it. Mozilla's Readability (Firefox's
 * Reader View) finds the article; before it runs, the furniture it is known to let through on
 * short pages — cookie banners, share bars, bylines, related-link lists, dialogs — is removed by
 * its roles and class names; after it, the byline it reports is dropped and the text is written
 * out as paragraphs by the same rules as every HTML article.
 */
import { Readability } from "@mozilla/readability";
import type { DomDocument, DomElement } from "./html-dom.js";
import { contentRoot, paragraphsOf } from "./html-paragraphs.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

export interface ExtractedArticle {
  paragraphs: string[];
  /** Readability's reading of the headline (from `<title>` and headings); null when it found none. */
  title: string | null;
  byline: string | null;
  /** Characters of text outside links: what tells an article from a page of headlines. */
  proseChars: number;
  /** `readability`, or `page` when Readability found nothing and the whole page was taken (see `fallback`). */
  method: "readability" | "page";
}

export interface ExtractArticleOptions {
  /**
   * When Readability finds no article, take the text of the longest `<article>`, `<main>` or the
   * body instead. Right for saved files (a maintainer's snippet is an article), wrong for fetched
   * pages (a home page is not). Default false.
   */
  fallback?: boolean;
}

const FURNITURE_TAGS = "nav, aside, footer, form, button, dialog, iframe, noscript, template, select, textarea, input, svg";
const FURNITURE_ROLES = ["navigation", "dialog", "alertdialog", "complementary", "search", "menu", "menubar", "toolbar", "contentinfo"];
const FURNITURE_SELECTOR = [
  FURNITURE_TAGS,
  ...FURNITURE_ROLES.map((r) => `[role="${r}"]`),
  '[aria-modal="true"]',
  "[hidden]",
  '[aria-hidden="true"]',
  '[itemprop="author"]',
].join(", ");

/** A class or id made of these words (alone or as a dash/underscore-separated part) marks furniture. */
const FURNITURE_WORD =
  /^(?:.*[-_])?(?:cookies?|consent|gdpr|share|shares|sharing|sharebar|social|newsletter|subscribe|subscription|related|recommended|byline|author|breadcrumbs?|comments?|menu|nav|navbar|navigation|masthead|sidebar|widget|footer|promo|advert|ads?|sponsored|paywall|popup|modal|tags)(?:[-_].*)?$/i;

/** Elements furniture removal never touches: they hold (or are) the article. */
const KEEP_TAGS = new Set(["html", "body", "main", "article"]);

function textLength(element: DomElement): number {
  return normalizeWhitespace(element.textContent ?? "").length;
}

function isFurnitureName(element: DomElement): boolean {
  const words = `${element.className} ${element.id}`.split(/\s+/).filter((w) => w !== "");
  return words.some((w) => FURNITURE_WORD.test(w));
}

/** Removes page furniture, except from anything that holds most of the page's text. */
function removeFurniture(document: DomDocument): void {
  const pageLength = Math.max(1, textLength(document.body));
  const removable = (element: DomElement) =>
    !KEEP_TAGS.has(element.localName) &&
    element.querySelector("article, main") === null &&
    textLength(element) < pageLength * 0.4;
  for (const element of Array.from(document.body.querySelectorAll(FURNITURE_SELECTOR))) {
    if (removable(element)) element.remove();
  }
  for (const element of Array.from(document.body.querySelectorAll("[class], [id]"))) {
    if (isFurnitureName(element) && removable(element)) element.remove();
  }
}

function linkTextLength(root: DomElement): number {
  let total = 0;
  for (const a of Array.from(root.querySelectorAll("a"))) total += textLength(a);
  return total;
}

function comparable(s: string): string {
  return normalizeWhitespace(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** A short "By Jane Doe, Staff Reporter" line naming the byline Readability found. */
function isBylineParagraph(paragraph: string, byline: string | null): boolean {
  if (byline === null || paragraph.length > 160) return false;
  const p = comparable(paragraph);
  const b = comparable(byline);
  return b !== "" && (p === b || (p.startsWith("by ") && p.includes(b)) || b.includes(p));
}

function written(root: DomElement, keepSections: boolean): { paragraphs: string[]; proseChars: number } {
  const paragraphs = paragraphsOf(root, { keepSections });
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  return { paragraphs, proseChars: Math.max(0, chars - linkTextLength(root)) };
}

/** Share of the longer text's words that the two share: 1 for the same words, 0 for none. */
function similarity(a: string, b: string): number {
  const wa = new Set(comparable(a).split(" ").filter((w) => w !== ""));
  const wb = new Set(comparable(b).split(" ").filter((w) => w !== ""));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(wa.size, wb.size);
}

/**
 * The page's headline heading when Readability dropped it for repeating the page title: it goes
 * back in front, since the heading is part of the article as published and often its most
 * informative line for search.
 */
function droppedHeadline(document: DomDocument, title: string | null, first: string | undefined): string | null {
  if (title === null) return null;
  for (const heading of Array.from(document.querySelectorAll("article h1, main h1, h1, article h2"))) {
    const text = normalizeWhitespace(heading.textContent ?? "");
    if (text === "" || similarity(text, title) < 0.75) continue;
    return first !== undefined && similarity(first, text) >= 0.75 ? null : text;
  }
  return null;
}

/** Readability's "article" shorter than this is its loosest pass on a page it found no article in. */
const CHAR_THRESHOLD = 200;

/**
 * Extracts the article of a page. The document is not changed (work happens on copies). Null
 * when there is no text at all (or, without `fallback`, when Readability finds no article).
 */
export function extractArticle(document: DomDocument, options: ExtractArticleOptions = {}): ExtractedArticle | null {
  const working = document.cloneNode(true);
  removeFurniture(working);
  // A low threshold keeps Readability's first, strictest pass on short news items: its later
  // passes, taken when the text is shorter than this, let banners and bylines back in.
  const reader = new Readability<DomElement>(working as never, { charThreshold: CHAR_THRESHOLD, serializer: (node) => node as unknown as DomElement });
  const result = reader.parse();
  const content = result?.content;
  if (result !== null && content !== null && content !== undefined && (result.length ?? 0) >= CHAR_THRESHOLD) {
    const byline = result.byline?.trim() || null;
    const title = result.title?.trim() || null;
    const { paragraphs, proseChars } = written(content, true);
    const kept = paragraphs.filter((p) => !isBylineParagraph(p, byline));
    const headline = droppedHeadline(document, title, kept[0]);
    if (kept.length > 0) return { paragraphs: headline === null ? kept : [headline, ...kept], title, byline, proseChars, method: "readability" };
  }
  if (options.fallback !== true) return null;
  const page = document.cloneNode(true);
  removeFurniture(page);
  const { paragraphs, proseChars } = written(contentRoot(page), false);
  return paragraphs.length === 0 ? null : { paragraphs, title: null, byline: null, proseChars, method: "page" };
}
