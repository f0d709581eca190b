/**
 * Why a URL could not become an article. "Add by URL" and the feeds report each failed URL with
 * this one-line reason and go on with the others; `kind` lets code (and tests) tell the cases
 * apart without parsing the sentence.
 */
import { AppError } from "../core/errors.js";

export type FetchFailure =
  | "invalid-url"
  | "unreachable"
  | "timeout"
  | "cancelled"
  | "http-status"
  | "redirect-loop"
  | "too-many-redirects"
  | "too-large"
  | "not-html"
  | "no-article"
  | "not-feed";

/** A URL that failed; `userMessage` is the one-line reason (no stack, no response body). */
export class FetchError extends AppError {
  readonly kind: FetchFailure;
  readonly url: string;

  constructor(kind: FetchFailure, url: string, reason: string, options?: { cause?: unknown }) {
    super("FETCH_FAILED", reason, options);
    this.name = "FetchError";
    this.kind = kind;
    this.url = url;
  }
}

/** The reason given for a URL not fetched because the caller stopped the run. */
export const CANCELLED = "cancelled";

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}
