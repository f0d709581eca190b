/**
 * Plain-text articles: no stated metadata, so it is inferred; the text is the file minus a
 * recognised `date …` header line, everything else verbatim so quotes match the original.
 */
import path from "node:path";
import { ArticleError } from "./article-error.js";
import { inferMetadata } from "./infer-metadata.js";
import type { ParsedEntry } from "./parsed-article.js";

/** Parses a `.txt` article (also Markdown without front matter). */
export function parseText(raw: string, relPath: string): ParsedEntry[] {
  const { meta, body } = inferMetadata({ text: raw, fileName: path.posix.basename(relPath) });
  const text = body.trimEnd();
  if (text.trim() === "") throw new ArticleError("empty article");
  return [{ kind: "article", meta, text }];
}
