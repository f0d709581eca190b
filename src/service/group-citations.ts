/**
 * Groups an answer's citations by article, so each article's header (outlet, date, title, link) is
 * shown once with all of its quotes under it: one answer often quotes two sentences of one story.
 * Every front end renders answers this way, so it lives here, where all adapters may import it.
 */
import type { Citation } from "../core/types.js";

/** One article and the citations that quote it, in the answer's order. */
export interface ArticleCitations {
  /** The first citation of the article: its header fields are the article's. */
  article: Citation;
  citations: Citation[];
}

/**
 * Citations of the same article — same path *and* the same header fields, since one JSON file can
 * hold several articles — share a group. Groups keep the order of their first citation; numbers
 * are never changed.
 */
export function groupByArticle(citations: readonly Citation[]): ArticleCitations[] {
  const groups = new Map<string, ArticleCitations>();
  for (const citation of citations) {
    const key = JSON.stringify([citation.path, citation.title, citation.source, citation.date, citation.url]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { article: citation, citations: [citation] });
    else group.citations.push(citation);
  }
  return [...groups.values()];
}
