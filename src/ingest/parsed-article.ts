/**
 * What a per-format parser hands back to `loadArticles`: metadata and text, but no id, path or
 * hash yet — those are the loader's business, so every format gets them the same way.
 */
import type { ArticleMeta } from "../core/types.js";

/** One article found in a file. `part` is its 1-based position in a JSON array, if any. */
export interface ParsedArticle {
  kind: "article";
  meta: ArticleMeta;
  text: string;
  part?: number;
}

/** One item of a multi-article file that had to be skipped while its siblings were kept. */
export interface SkippedPart {
  kind: "skipped";
  part: number;
  reason: string;
}

export type ParsedEntry = ParsedArticle | SkippedPart;

/** A format's parser: throws `ArticleError` when the whole file is unusable. */
export type ArticleParser = (raw: string, relPath: string) => ParsedEntry[];
