/**
 * A logger that adds fixed fields to every line: with shards split over instances, each Discord
 * log line says which shards wrote it (`shards=0,1/4`), so the logs of many instances can be read
 * side by side.
 */
import type { Logger } from "../../core/logger.js";

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
