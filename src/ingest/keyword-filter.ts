/**
 * Which feed items are about what the maintainers collect: an item is taken when its title or
 * summary contains one of the feed's keywords at the start of a word, in any case — "union" takes
 * "Unions" and "trade-union" but not "reunion", so a short keyword does not flood the corpus.
 */
import { escapeRegExp } from "../text/escape-reg-exp.js";

export interface KeywordItem {
  title?: string | null;
  /** The summary or description the feed gives. */
  summary?: string | null;
}

/** A matcher for a feed's keywords; with no keywords every item matches. */
export function keywordMatcher(keywords: readonly string[]): (item: KeywordItem) => boolean {
  const words = keywords.map((k) => k.trim()).filter((k) => k !== "");
  if (words.length === 0) return () => true;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})`, "iu");
  return (item) => pattern.test(`${item.title ?? ""}\n${item.summary ?? ""}`);
}
