/**
 * Why one file (or one item of a JSON array) could not become an article. Loaders throw it with a
 * short one-line reason; `loadArticles` turns it into a `skipped` entry so one bad file never stops
 * the others.
 */
import { AppError } from "../core/errors.js";

/** A file that cannot be read as an article; `reason` is one short line fit for a report. */
export class ArticleError extends AppError {
  readonly reason: string;

  constructor(reason: string, options?: { cause?: unknown }) {
    super("ARTICLE_INVALID", reason, options);
    this.name = "ArticleError";
    this.reason = reason;
  }
}

/** True for errors that mean "skip this file", as opposed to bugs. */
export function isArticleError(error: unknown): error is ArticleError {
  return error instanceof ArticleError;
}
