/**
 * Turns an HTML element into article text: paragraphs separated by blank lines, whitespace
 * collapsed inside them, `<br>` kept as a line break and `<pre>` as written. Both the extracted
 * article (Readability's output) and the whole-page fallback are written out by these rules, so
 * every HTML article's text — what quotes are checked against — has one shape.
 */
import { isElement, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from "./html-dom.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

/** Page furniture that is never article text. */
const SKIP = new Set([
  ..."nav header footer aside script style noscript form template svg iframe button select textarea head".split(" "),
  ..."input dialog object embed canvas audio video picture source".split(" "),
]);

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  ..."p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote table thead tbody tfoot tr".split(" "),
  ..."figure figcaption address hr details summary body html caption center".split(" "),
]);

/** Builds paragraphs: whitespace collapsed inside, `<br>` kept as a line break. */
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

function isHidden(element: DomElement): boolean {
  return element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true";
}

function walk(node: DomNode, out: ParagraphCollector, skip: ReadonlySet<string>): void {
  if (node.nodeType === TEXT_NODE) {
    out.add(node.textContent ?? "");
    return;
  }
  if (!isElement(node)) return; // comments, processing instructions
  const tag = node.localName;
  if (skip.has(tag) || isHidden(node)) return;
  if (tag === "br") return out.lineBreak();
  if (tag === "pre") return out.preformatted(node.textContent ?? "");
  const block = BLOCK.has(tag);
  if (block) out.flush();
  for (const child of Array.from(node.childNodes)) walk(child, out, skip);
  if (block) out.flush();
  else if (tag === "td" || tag === "th") out.add(" ");
}

export interface ParagraphOptions {
  /**
   * Keep `<header>` and `<footer>` content. Readability's output has already lost the page's
   * furniture, and what it kept inside such elements (an article's standfirst) is article text.
   */
  keepSections?: boolean;
}

/** The paragraphs of an element's readable text, in document order. */
export function paragraphsOf(root: DomNode, options: ParagraphOptions = {}): string[] {
  const skip = options.keepSections === true ? new Set([...SKIP].filter((t) => t !== "header" && t !== "footer")) : SKIP;
  const out = new ParagraphCollector();
  walk(root, out, skip);
  out.flush();
  return out.paragraphs;
}

/** The element most likely to hold the article: the longest `<article>`, else `<main>`, else the body. */
export function contentRoot(document: DomDocument): DomElement {
  const articles = Array.from(document.querySelectorAll("article"));
  if (articles.length > 0) {
    return articles.reduce((best, a) => ((a.textContent ?? "").length > (best.textContent ?? "").length ? a : best));
  }
  return document.querySelector("main") ?? document.querySelector('[role="main"]') ?? document.body;
}
