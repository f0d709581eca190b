/**
 * The DOM that HTML extraction works on: linkedom (light, no browser) parsed into a document that
 * always has `<html>`, `<head>` and `<body>`, so Readability and the metadata readers never meet a
 * saved fragment or a page whose `<body>` tag was left out. The project compiles without the DOM
 * library, so the few members used are typed here.
 */
import { parseHTML } from "linkedom";

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  appendChild(node: DomNode): DomNode;
  insertBefore(node: DomNode, reference: DomNode | null): DomNode;
}

export interface DomElement extends DomNode {
  /** Lower-case tag name. */
  readonly localName: string;
  readonly id: string;
  readonly className: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement;
  readonly body: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomDocument;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Elements that belong in `<head>` when a page leaves the `<head>` tag out. */
const HEAD_ELEMENTS = new Set(["title", "meta", "link", "base"]);

/**
 * Parses a page or fragment. linkedom does not build a full HTML5 tree: without `<html>` the
 * first element becomes the root, and content outside `<body>` stays outside it. Both are fixed
 * here by wrapping and by moving stray nodes into `<head>` / `<body>` in document order.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html>${html}</html>`;
  const document = parseHTML(wrapped).document as DomDocument;
  const { documentElement: root, head, body } = document;
  const beforeBody = body.firstChild;
  let afterBody = false;
  let content = false;
  for (const child of Array.from(root.childNodes)) {
    if (child === head) continue;
    if (child === body) {
      afterBody = true;
      continue;
    }
    const isText = !isElement(child);
    if (isText && (child.textContent ?? "").trim() === "" && !content) continue; // whitespace between tags
    if (!content && isElement(child) && HEAD_ELEMENTS.has(child.localName)) {
      head.appendChild(child);
      continue;
    }
    content = true;
    if (afterBody) body.appendChild(child);
    else body.insertBefore(child, beforeBody);
  }
  return document;
}
