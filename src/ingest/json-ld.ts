/**
 * The schema.org description news sites embed for search engines (`<script type="application/ld+json">`):
 * often the only place a page states its publisher and publication date in a machine-readable way.
 * Broken JSON, arrays, `@graph` containers and loose typing are all common; this reads what it can.
 */
import type { DomDocument } from "./html-dom.js";

/** What the page's JSON-LD says about its article. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
}

type JsonObject = Record<string, unknown>;

/** schema.org article types: Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, … */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every object in the blocks, with `@graph` members and array items flattened out. */
function objectsOf(value: unknown, out: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 4) return out;
  if (Array.isArray(value)) {
    for (const item of value) objectsOf(item, out, depth + 1);
  } else if (isObject(value)) {
    out.push(value);
    if (value["@graph"] !== undefined) objectsOf(value["@graph"], out, depth + 1);
  }
  return out;
}

function types(object: JsonObject): string[] {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  return null;
}

/** A reference given as a string or as `{ "@id": … }`. */
function idOf(value: unknown): string | null {
  return isObject(value) ? text(value["@id"]) : text(value);
}

/** `publisher` as a name: a string, an Organization object, or the first of an array. */
function nameOf(value: unknown, byId: Map<string, JsonObject>): string | null {
  if (Array.isArray(value)) return nameOf(value[0], byId);
  if (typeof value === "string") return text(value);
  if (!isObject(value)) return null;
  const id = value["@id"];
  const resolved = text(value["name"]) === null && typeof id === "string" ? byId.get(id) : value;
  return text(resolved?.["name"]);
}

/** The page's JSON-LD blocks as objects; a block that is not valid JSON is left out. */
export function readJsonLd(document: DomDocument): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const source = (script.textContent ?? "").trim().replace(/^<!\[CDATA\[|\]\]>$/g, "");
    try {
      objectsOf(JSON.parse(source), objects);
    } catch {
      // Invalid JSON-LD is common (trailing commas, HTML entities); the page still has other metadata.
    }
  }
  return objects;
}

/**
 * The article JSON-LD describes: the first object typed as an article (NewsArticle, BlogPosting, …),
 * else one that has a `datePublished`. Null when there is none.
 */
export function jsonLdArticle(document: DomDocument): JsonLdArticle | null {
  const objects = readJsonLd(document);
  const byId = new Map<string, JsonObject>();
  for (const o of objects) if (typeof o["@id"] === "string") byId.set(o["@id"], o);
  const article =
    objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t))) ??
    objects.find((o) => o["datePublished"] !== undefined);
  if (article === undefined) return null;
  const publisher = nameOf(article["publisher"], byId) ?? nameOf(objects.find((o) => types(o).includes("NewsMediaOrganization")), byId);
  return {
    headline: text(article["headline"]) ?? text(article["name"]),
    datePublished: text(article["datePublished"]) ?? text(article["dateCreated"]),
    publisher,
    url: text(article["url"]) ?? idOf(article["mainEntityOfPage"]),
  };
}
