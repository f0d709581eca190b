/**
 * JSON articles, for feeds and scrapers that export structured data: one article object or an
 * array of them. One bad item is skipped on its own; its siblings are still indexed.
 */
import path from "node:path";
import { ArticleError } from "./article-error.js";
import { completeMeta } from "./complete-meta.js";
import type { ParsedEntry } from "./parsed-article.js";

const MAX_REASON = 120;

function oneLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The article of one object, or the reason (without a location) it cannot be one. */
function fromObject(value: unknown, relPath: string): { meta: ParsedEntry & { kind: "article" } } | { reason: string } {
  if (!isRecord(value)) return { reason: "not an article object" };
  const raw = value["text"];
  if (typeof raw !== "string") return { reason: 'missing "text" (a non-empty string)' };
  const text = raw.replace(/\r\n?/g, "\n").trimEnd();
  if (text.trim() === "") return { reason: "empty article" };
  const meta = completeMeta({ fields: value, text, fileName: path.posix.basename(relPath) });
  return { meta: { kind: "article", meta, text } };
}

/**
 * Parses a `.json` file. Items of an array get `part` = their 1-based position (the loader makes
 * ids `file.json#n` from it); an unusable item becomes a `skipped` entry naming `file.json#n`.
 */
export function parseJson(raw: string, relPath: string): ParsedEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new ArticleError(`invalid JSON: ${oneLine(error instanceof Error ? error.message : String(error))}`);
  }
  if (Array.isArray(data)) {
    if (data.length === 0) throw new ArticleError("empty article (empty JSON array)");
    return data.map((item, i): ParsedEntry => {
      const part = i + 1;
      const result = fromObject(item, relPath);
      if ("reason" in result) return { kind: "skipped", part, reason: `${relPath}#${part}: ${result.reason}` };
      return { ...result.meta, part };
    });
  }
  if (!isRecord(data)) throw new ArticleError("invalid JSON: expected an article object or an array of them");
  const result = fromObject(data, relPath);
  if ("reason" in result) throw new ArticleError(result.reason);
  return [result.meta];
}
