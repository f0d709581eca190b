/**
 * The rule behind "logs and replies never contain tokens": configured secrets and anything shaped
 * like a well-known token are replaced, even when a library put them in an error message or URL.
 */

/** Shapes of well-known tokens, redacted even when not configured. */
const TOKEN_SHAPES = [
  /(?<!\d)\d{6,12}:[A-Za-z0-9_-]{30,}/g, // Telegram bot token (also inside /bot<token>/ URLs)
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, // Discord bot token
  /\bsk-[A-Za-z0-9_-]{16,}\b/g, // OpenAI-style API key
  /(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{16,}/g,
];

/** Removes secrets (exact strings of 4+ characters) and token-shaped strings from a text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  for (const re of TOKEN_SHAPES) out = out.replace(re, "[redacted]");
  return out;
}
