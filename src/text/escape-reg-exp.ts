/**
 * Escapes a string so it matches itself inside a regular expression, with or without the `u` flag.
 * "-" is left alone: outside a character class it is literal, and `\-` is a syntax error in `u` mode.
 */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
