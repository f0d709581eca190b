/**
 * A tiny leveled logger that writes one line per event to stderr and redacts secrets, so no token
 * ever lands in a log even when a library puts it in an error message or URL.
 */
export type Level = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level?: Level;
  /** Exact strings that must never be printed (tokens, API keys). */
  secrets?: string[];
  /** Where lines go; defaults to stderr. */
  write?: (line: string) => void;
}

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
/** Shapes of well-known tokens, redacted even when not configured (e.g. from a library's URL). */
const TOKEN_SHAPES = [
  /\b\d{6,12}:[A-Za-z0-9_-]{30,}\b/g, // Telegram bot token
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, // Discord bot token
  /\bsk-[A-Za-z0-9_-]{16,}\b/g, // OpenAI-style API key
  /(Bearer|Bot)\s+[A-Za-z0-9._-]{16,}/g,
];

/** Removes secrets and token-shaped strings from a text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  for (const re of TOKEN_SHAPES) out = out.replace(re, "[redacted]");
  return out;
}

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

export function createLogger(options: LoggerOptions = {}): Logger {
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

/** A logger that drops everything, for tests and `--json` runs. */
export const silentLogger: Logger = createLogger({ level: "silent" });
