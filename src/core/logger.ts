/**
 * What every part that logs is given: four levels, a message and fields. The implementation
 * (one line per event on stderr, secrets redacted) is `providers/console-logger.ts`.
 */
export type Level = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const drop = (): void => undefined;

/** A logger that drops everything, for tests and `--json` runs. */
export const silentLogger: Logger = { debug: drop, info: drop, warn: drop, error: drop };
