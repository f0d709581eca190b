/**
 * What a PostgreSQL error means to the question log: a short reason that is safe to log (a Node
 * error code such as ECONNREFUSED, or the server's message, never the URL's credentials), and
 * whether retrying can help (a lost connection) or not (a row the server refuses).
 */
import { redact } from "../text/redact-secrets.js";
import { credentialsOf } from "../text/url-without-credentials.js";

/** The error's `code`: a SQLSTATE from the server, or a Node error code. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Data exceptions (22…) and integrity violations (23…) are the row's fault: retrying cannot help. */
export function isPermanent(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** A short reason for logs and errors: a Node error code (ECONNREFUSED) or the message, credentials removed. */
export function reasonOf(error: unknown, url: string): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const text = code !== undefined && /^E[A-Z]+$/.test(code) ? code : message || code || "unknown error";
  return redact(text, credentialsOf(url));
}
