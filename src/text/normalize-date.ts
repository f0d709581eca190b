/**
 * One date format for every loader: citations, filters and the corpus date range all compare
 * `YYYY-MM-DD` strings, so whatever a file says ("2019-06-19T08:00:00Z", "June 19, 2019",
 * a YAML date) is brought to that form here — or to null, never to a guess.
 */
import { MONTH_NAMES } from "./months.js";
import { normalizeWhitespace } from "./normalize-whitespace.js";

/** English month name or abbreviation ("Nov", "Sept.") → 1..12, or null. */
export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, "");
  if (key.length < 3) return null;
  const index = MONTH_NAMES.findIndex((m) => m.startsWith(key));
  return index === -1 ? null : index + 1;
}

/** `YYYY-MM-DD` for a real calendar day, or null (rejects 2019-02-30 and the like). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_WORD = String.raw`([a-z]{3,9}\.?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s]\d{2}:\d{2})/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}${MONTH_WORD}\s+${DAY},?\s+(\d{4})$`, "i");
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}${DAY}\s+${MONTH_WORD},?\s+(\d{4})$`, "i");

/**
 * Normalises a date from front matter, JSON or HTML to `YYYY-MM-DD`; anything unparsable or
 * incomplete (a bare "2019-06") gives null. An ISO date-time keeps the calendar day as written
 * (the publisher's local day) instead of shifting it to UTC.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== "string") return null;
  const s = normalizeWhitespace(value);
  let m = ISO.exec(s) ?? SLASHED.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH_FIRST.exec(s);
  if (m) {
    const month = monthNumber(m[1] ?? "");
    return month === null ? null : isoDate(Number(m[3]), month, Number(m[2]));
  }
  m = DAY_FIRST.exec(s);
  if (m) {
    const month = monthNumber(m[2] ?? "");
    return month === null ? null : isoDate(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
