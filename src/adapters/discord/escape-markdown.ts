/**
 * Discord Markdown escaping for text we did not write (questions, answers, article titles and
 * quotes). Article text must read as text: `*`, `_`, `|`, `[..](..)`, `<@id>` or a leading `#`
 * would otherwise turn into formatting, spoilers, masked links, mentions or headings.
 */
import { normalizeWhitespace } from "../../text/normalize-whitespace.js";

/**
 * Characters that start inline syntax anywhere in a line (emphasis, code, spoilers, links,
 * mentions). Parentheses are left alone: with `[` and `]` escaped no masked link can form.
 */
const INLINE = /[\\*_~`|[\]<]/g;
/** Block syntax that only counts at the start of a line: headings, quotes, lists, subtext. */
const LINE_START = /^(\s*)([#>+-])/;
const ORDERED_LIST = /^(\s*\d+)([.)])(?=\s)/;
/** `@everyone` / `@here` never ping (allowedMentions), but a zero-width space also stops them rendering as mentions. */
const MASS_MENTION = /@(everyone|here)\b/gi;
/** Citation markers stay readable in raw text (notifications show it): `\[1\]` → `[1]`. */
const ESCAPED_MARKER = /\\\[(\d{1,3})\\\]/g;

/** Escapes one line of untrusted text so Discord shows it literally. */
function escapeLine(line: string): string {
  return line
    .replace(INLINE, "\\$&")
    .replace(LINE_START, "$1\\$2")
    .replace(ORDERED_LIST, "$1\\$2")
    .replace(ESCAPED_MARKER, "[$1]")
    .replace(MASS_MENTION, "@\u200b$1");
}

/** Escapes untrusted text, keeping its line breaks and its `[n]` citation markers. */
export function escapeMarkdown(text: string): string {
  return text.split("\n").map(escapeLine).join("\n");
}

/** Collapses whitespace and escapes, for text shown on one line (titles, quotes, outlets). */
export function escapeInline(text: string): string {
  return escapeMarkdown(collapseWhitespace(text));
}

/** Turns runs of whitespace (including newlines) into single spaces. */
export function collapseWhitespace(text: string): string {
  return normalizeWhitespace(text);
}

/** Shortens text to at most `max` characters at a word boundary, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A URL safe to put in a masked link `[title](<url>)`: http(s) only, and without the characters
 * that would end the link early. Returns null for anything else, so the title is shown unlinked.
 */
export function safeLinkUrl(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return parsed.href.replace(/[<>()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
