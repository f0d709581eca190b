/**
 * The quote contract: a citation's `quote` must be found in its article's text after whitespace
 * normalisation. Used by the evaluation, the tests, and answerers that did not copy spans themselves.
 */
import { normalizeWhitespace } from "./normalize-whitespace.js";

export function quoteIsVerbatim(quote: string, articleText: string): boolean {
  const q = normalizeWhitespace(quote);
  return q.length > 0 && normalizeWhitespace(articleText).includes(q);
}
