/**
 * The few HTML helpers Telegram's `parse_mode: "HTML"` needs. Telegram accepts only `&lt; &gt; &amp;
 * &quot;` (and numeric entities), so escaping those four makes any user or article text inert.
 */
import { MONTH_NAMES } from "../../text/months.js";

/** Escapes text for Telegram HTML, both in element content and inside `href="…"`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The URL when it is a usable http(s) link, else null: a `javascript:` or broken URL never becomes a link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined || url.trim() === "") return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}


/** `2025-11-04` → `4 Nov 2025`: unambiguous for readers everywhere; anything else is shown as given. */
export function formatDate(iso: string | null): string {
  if (iso === null) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const name = m === null ? undefined : MONTH_NAMES[Number(m[2]) - 1];
  const month = name === undefined ? undefined : `${name.charAt(0).toUpperCase()}${name.slice(1, 3)}`;
  if (m === null || month === undefined) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** Shortens text to `max` characters with an ellipsis, never cutting a surrogate pair in half. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(1, max - 1)).join("").trimEnd()}…`;
}
