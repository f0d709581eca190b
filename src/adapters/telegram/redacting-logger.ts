/**
 * Defence in depth for the house rule "logs never contain tokens": whatever logger the adapter is
 * given, everything it logs (error messages from libraries or the answer service included) has the
 * bot token and webhook secret removed first.
 */
import type { Logger } from "../../core/logger.js";
import { redact } from "../../text/redact-secrets.js";

function clean(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return value;
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`, secrets);
  try {
    return redact(JSON.stringify(value), secrets);
  } catch {
    return "[unprintable]";
  }
}

/** Wraps `logger` so no secret in `secrets` (nor a token-shaped string) is ever written. */
export function redactingLogger(logger: Logger, secrets: readonly string[]): Logger {
  const wrap =
    (write: Logger["info"]) =>
    (message: string, fields?: Record<string, unknown>) => {
      const safe = fields === undefined ? undefined : Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, clean(v, secrets)]));
      write(redact(message, secrets), safe);
    };
  return { debug: wrap(logger.debug), info: wrap(logger.info), warn: wrap(logger.warn), error: wrap(logger.error) };
}
