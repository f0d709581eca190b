/**
 * A tiny leveled logger that writes one line per event to stderr and redacts secrets, so no token
 * ever lands in a log even when a library puts it in an error message or URL.
 */
import type { Level, Logger } from "../core/logger.js";
import { redact } from "../text/redact-secrets.js";

export interface ConsoleLoggerOptions {
  level?: Level;
  /** Exact strings that must never be printed (tokens, API keys). */
  secrets?: readonly string[];
  /** Where lines go; defaults to stderr. */
  write?: (line: string) => void;
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function describe(value: unknown): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}${code === undefined ? "" : `(${String(code)})`}: ${value.message}`;
  }
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function createLogger(options: ConsoleLoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: Exclude<Level, "silent">, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < min) return;
    const extra = fields === undefined ? "" : Object.entries(fields).map(([k, v]) => ` ${k}=${describe(v)}`).join("");
    write(redact(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}`, secrets));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}
