/**
 * HTML articles saved from the web: the readable article text without navigation, scripts or
 * forms, plus the metadata pages already declare (Open Graph, `<time>`, canonical link).
 */
import path from "node:path";
import { HTMLElement, parse, TextNode } from "node-html-parser";
import type { Node } from "node-html-parser";
import { ArticleError } from "./article-error.js";
import { completeMeta } from "./complete-meta.js";
import type { ParsedEntry } from "./parsed-article.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

/** Page furniture that is never article text. */
const SKIP = new Set([
  "nav",
  "header",
  "footer",
  "aside",
  "script",
  "style",
  "noscript",
  "form",
  "template",
  "svg",
  "iframe",
  "button",
  "select",
  "textarea",
  "head",
]);

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  ..."p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote table thead tbody tfoot tr".split(" "),
  ..."figure figcaption address hr details summary body html caption center".split(" "),
]);

/** Builds paragraphs: whitespace collapsed inside, `<br>` kept as a line break, blank line between. */
class ParagraphCollector {
  readonly paragraphs: string[] = [];
  private lines: string[] = [""];

  add(text: string): void {
    this.lines[this.lines.length - 1] += text;
  }

  lineBreak(): void {
    this.lines.push("");
  }

  flush(): void {
    const paragraph = this.lines
      .map((l) => normalizeWhitespace(l))
      .filter((l) => l !== "")
      .join("\n");
    if (paragraph !== "") this.paragraphs.push(paragraph);
    this.lines = [""];
  }

  preformatted(text: string): void {
    this.flush();
    const kept = text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
    if (kept.trim() !== "") this.paragraphs.push(kept);
  }
}

function walk(node: Node, out: ParagraphCollector): void {
  if (node instanceof TextNode) {
    out.add(node.text);
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.rawTagName?.toLowerCase() ?? "";
  if (SKIP.has(tag) || node.hasAttribute("hidden") || node.getAttribute("aria-hidden") === "true") return;
  if (tag === "br") return out.lineBreak();
  if (tag === "pre") return out.preformatted(node.text);
  const block = BLOCK.has(tag);
  if (block) out.flush();
  for (const child of node.childNodes) walk(child, out);
  if (block) out.flush();
  else if (tag === "td" || tag === "th") out.add(" ");
}

/** The element holding the article: the longest `<article>`, else `<main>`, else the body. */
function contentRoot(root: HTMLElement): HTMLElement {
  const articles = root.querySelectorAll("article");
  if (articles.length > 0) {
    return articles.reduce((best, a) => (a.text.length > best.text.length ? a : best));
  }
  return root.querySelector("main") ?? root.querySelector('[role="main"]') ?? root.querySelector("body") ?? root;
}

/** Extracts the readable text of a page as paragraphs separated by blank lines. */
export function htmlToText(root: HTMLElement): string {
  const out = new ParagraphCollector();
  walk(contentRoot(root), out);
  out.flush();
  return out.paragraphs.join("\n\n");
}

function attr(root: HTMLElement, selector: string, name: string): string | undefined {
  const value = root.querySelector(selector)?.getAttribute(name)?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function textOf(root: HTMLElement, selector: string): string | undefined {
  const text = root.querySelector(selector)?.text;
  const value = text === undefined ? undefined : normalizeWhitespace(text);
  return value === undefined || value === "" ? undefined : value;
}

/** "https://creativecommons.org/licenses/by-sa/4.0/" → "CC BY-SA 4.0"; other links as they are. */
function licenseFromLink(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const cc = /creativecommons\.org\/licenses\/([a-z-]+)\/(\d\.\d)/i.exec(href);
  return cc ? `CC ${cc[1]?.toUpperCase()} ${cc[2]}` : href;
}

/** Parses an `.html` article; the stated metadata wins, the rest is inferred like plain text. */
export function parseHtml(raw: string, relPath: string): ParsedEntry[] {
  const root = parse(raw, {
    comment: false,
    blockTextElements: { script: true, style: true, noscript: true, pre: true },
  });
  const text = htmlToText(root);
  if (text.trim() === "") throw new ArticleError("empty article");
  const fields: Record<string, unknown> = {
    title: attr(root, 'meta[property="og:title"]', "content") ?? textOf(root, "h1") ?? textOf(root, "title"),
    source: attr(root, 'meta[property="og:site_name"]', "content"),
    date:
      attr(root, 'meta[property="article:published_time"]', "content") ??
      attr(root, "time[datetime]", "datetime") ??
      attr(root, 'meta[name="date"]', "content") ??
      attr(root, 'meta[itemprop="datePublished"]', "content"),
    url: attr(root, 'link[rel="canonical"]', "href") ?? attr(root, 'meta[property="og:url"]', "content"),
    language: attr(root, "html", "lang"),
    license: licenseFromLink(attr(root, 'link[rel="license"]', "href")),
  };
  const meta = completeMeta({ fields, text, fileName: path.posix.basename(relPath) });
  return [{ kind: "article", meta, text }];
}
