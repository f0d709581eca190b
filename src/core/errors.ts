/**
 * Typed errors. Every error a user can meet carries a `userMessage` that is safe to show (no stack,
 * no token, no path outside the project) and a machine-readable `code`; adapters turn them into
 * replies in one place each.
 */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "INDEX_MISSING"
  | "INDEX_CORRUPT"
  | "INDEX_LOCKED"
  | "MODEL_MISMATCH"
  | "ARTICLE_INVALID"
  | "QUESTION_INVALID"
  | "RATE_LIMITED"
  | "NOT_ALLOWED"
  | "EMBEDDINGS_UNAVAILABLE"
  | "LLM_FAILED"
  | "FETCH_FAILED"
  | "FEEDS_BUSY"
  | "DATA_UNWRITABLE"
  | "INTERNAL";

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(code: ErrorCode, userMessage: string, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? userMessage, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** True for errors made by us with a message fit for users. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The message to show a user for any error: our own message, or a generic apology. */
export function userMessageOf(error: unknown): string {
  return isAppError(error) ? error.userMessage : "Sorry, something went wrong while answering. Please try again.";
}
