/**
 * A logger that adds fixed fields to every line, so the logs of many instances can be read side by
 * side: each Discord line says which shards wrote it (`shards=0,1/4`), each Telegram line which
 * instance (`instance=web-1`).
 */
import type { Logger } from "../core/logger.js";

/** `logger`, with `tags` appended to the fields of every line. */
export function taggedLogger(logger: Logger, tags: Record<string, unknown>): Logger {
  const merge = (fields: Record<string, unknown> | undefined) => ({ ...fields, ...tags });
  return {
    debug: (message, fields) => logger.debug(message, merge(fields)),
    info: (message, fields) => logger.info(message, merge(fields)),
    warn: (message, fields) => logger.warn(message, merge(fields)),
    error: (message, fields) => logger.error(message, merge(fields)),
  };
}
