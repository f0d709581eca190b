/**
 * A dry run's chunk count: what the real run would index, not what the old index holds. Articles
 * the real run takes over unchanged keep their previous chunk count; the others are split and
 * chunked exactly as the real run does, without embedding anything.
 */
import type { Article } from "../core/types.js";
import type { ManifestArticle } from "../index/index-files.js";
import { splitSentences } from "../text/split-sentences.js";
import { chunkArticle } from "./chunk-article.js";

/** `previous`: the articles of the index the run would build on (empty for a full rebuild). */
export function plannedChunks(articles: readonly Article[], previous: readonly ManifestArticle[]): number {
  const prevById = new Map(previous.map((a) => [a.id, a]));
  let chunks = 0;
  for (const article of articles) {
    const prev = prevById.get(article.id);
    chunks += prev !== undefined && prev.hash === article.hash ? prev.chunks : chunkArticle(article, splitSentences(article.text)).length;
  }
  return chunks;
}
