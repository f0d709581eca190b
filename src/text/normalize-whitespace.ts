/**
 * The one whitespace normaliser behind the verbatim-quote contract: a quote is "found in the
 * article" when it occurs in the article's text after both are passed through this. Every quote,
 * passage and question is normalised with this function and no other.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
