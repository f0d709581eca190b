/**
 * Markdown articles: YAML front matter for the metadata, the rest is the text quotes are checked
 * against, so the body is kept exactly as written.
 */
import path from "node:path";
import { parseDocument } from "yaml";
import { ArticleError } from "./article-error.js";
import { completeMeta } from "./complete-meta.js";
import type { ParsedEntry } from "./parsed-article.js";
import { parseText } from "./parse-text.js";

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

function yamlReason(error: { message: string; pos?: [number, number] }, source: string): string {
  const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "unreadable YAML";
  if (error.pos === undefined) return `invalid front matter: ${message}`;
  // +2: lines are 1-based and the opening "---" is line 1 of the file.
  const line = source.slice(0, error.pos[0]).split("\n").length + 1;
  return `invalid front matter: ${message} (line ${line})`;
}

/**
 * Parses a Markdown article. The text is everything after the closing `---` line, minus one
 * leading blank line and trailing whitespace. Without front matter the file is read like `.txt`.
 */
export function parseMarkdown(raw: string, relPath: string): ParsedEntry[] {
  const opening = OPENING.exec(raw);
  if (!opening) return parseText(raw, relPath);
  const rest = raw.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new ArticleError("invalid front matter: no closing --- line");

  const yamlSource = rest.slice(0, closing.index);
  const doc = parseDocument(yamlSource, { prettyErrors: false });
  const firstError = doc.errors[0];
  if (firstError) throw new ArticleError(yamlReason(firstError, yamlSource), { cause: firstError });
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    throw new ArticleError(`invalid front matter: ${error instanceof Error ? error.message.split("\n")[0] : "unreadable YAML"}`);
  }
  data ??= {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new ArticleError("invalid front matter: expected key: value pairs");
  }

  // Drop the newline that ends the closing line, then one blank line separating the body.
  const text = rest
    .slice(closing.index + closing[0].length)
    .replace(/^\n/, "")
    .replace(/^\n/, "")
    .trimEnd();
  if (text.trim() === "") throw new ArticleError("empty article");
  const meta = completeMeta({ fields: data as Record<string, unknown>, text, fileName: path.posix.basename(relPath) });
  return [{ kind: "article", meta, text }];
}
