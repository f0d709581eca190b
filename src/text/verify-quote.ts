/**
 * The quote contract: a citation's `quote` must be found in its article's text after whitespace
 * normalisation. Used by the evaluation and tests, and by any answerer that did not copy spans
 * itself.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function quoteIsVerbatim(quote: string, articleText: string): boolean {
  const q = normalizeWhitespace(quote);
  return q.length > 0 && normalizeWhitespace(articleText).includes(q);
}
