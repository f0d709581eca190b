/**
 * Metadata for articles that arrive as plain text (or Markdown without front matter). News copy
 * carries its metadata in conventional places — a `date … outlet` header, a dateline, a licence
 * credit, the file name — so we read it from there, and leave a field empty rather than invent it.
 */
import type { ArticleMeta } from "../core/types.js";
import { isoDate, monthNumber, normalizeDate } from "../text/normalize-date.js";
import { escapeRegExp } from "../text/escape-reg-exp.js";

export interface InferMetadataInput {
  text: string;
  /** Base name of the file; a `YYYY-MM-DD` (or `YYYY-MM`) in it can supply the date or year. */
  fileName: string;
}

export interface InferredMetadata {
  meta: ArticleMeta;
  /** The text minus a recognised `date …` header line and leading blank lines; the rest verbatim. */
  body: string;
}

/** Long outlet names and the short names they sign their copy with. */
const OUTLET_ALIASES: Record<string, string> = {
  "the azerbaijan state news agency": "AZERTAC",
  "azerbaijan state news agency": "AZERTAC",
  "islamic republic news agency": "IRNA",
  "the islamic republic news agency": "IRNA",
  "iranian students' news agency": "ISNA",
  "iranian students news agency": "ISNA",
  "kyrgyz national news agency kabar": "Kabar",
  "trend news agency": "Trend",
};

const TITLE_MAX = 120;
/** Datelines and headlines sit near the top; prose further down is not scanned. */
const HEAD_BLOCKS = 6;

const HEADER = /^[ \t]*date:?[ \t]+(\S+)(?:[ \t]+(.*?))?[ \t]*$/i;
// "Baku, November 4, AZERTAC" / "Baku, November 4, 2025 (AZERTAC)"
const DATELINE =
  /^(\p{Lu}[\p{L}.' -]{1,40}?),\s+(\p{L}{3,9}\.?)\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:,|\(|—|–)\s*([\p{L}\p{N}&.' -]{2,40}?)\)?\s*$/u;
// "TEHRAN —" / "TEHRAN (IRNA) —" at the start of a paragraph
const DASH_DATELINE = /^(\p{Lu}[\p{Lu} .'-]{1,40}?)(?:\s*\(([^)\n]{2,40})\))?\s*(?:—|–|--)\s/u;
const CC_CREDIT =
  /All (?:content|contents|materials?|articles?) (?:by|from|of) ([^.\n]{2,60}?) (?:is|are) licensed under (?:a |the )?(?:Creative Commons|CC)\b([^.\n]{0,80}?)(\d\.\d)/i;
const SOURCE_LINE = /^(?:source|credit|via):[ \t]*([^\n]{2,60}?)[ \t]*$/im;
const URL_LINE = /^(?:url|link|source|original):[ \t]*<?(https?:\/\/[^\s>]+)>?[ \t]*$/im;
const FILE_DATE = /(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)/;
const HEADING = /^#{1,2}[ \t]+(.+?)[ \t#]*$/;
const SECTION_LABEL = /^[\p{Lu}\p{N}&'’-]+(?: [\p{Lu}\p{N}&'’-]+){0,2}$/u;

function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(text);
}

/** Creative Commons wording → "CC BY 4.0", "CC BY-NC-SA 4.0", … */
function ccLicense(words: string, version: string): string {
  const w = words.toLowerCase().replace(/[\s-]/g, "");
  if (/zero|cc0|publicdomain/.test(w)) return `CC0 ${version}`;
  const parts = ["BY"];
  if (w.includes("noncommercial") || /\bnc\b/i.test(words)) parts.push("NC");
  if (w.includes("noderiv") || /\bnd\b/i.test(words)) parts.push("ND");
  if (w.includes("sharealike") || /\bsa\b/i.test(words)) parts.push("SA");
  return `CC ${parts.join("-")} ${version}`;
}

interface Dateline {
  month: number | null;
  day: number | null;
  year: number | null;
  agency: string | null;
}

function findDateline(blocks: readonly string[]): Dateline | null {
  for (const block of blocks.slice(0, HEAD_BLOCKS)) {
    const firstLine = block.split("\n")[0]?.trim() ?? "";
    const m = DATELINE.exec(firstLine);
    const month = m ? monthNumber(m[2] ?? "") : null;
    if (m && month !== null) {
      return { month, day: Number(m[3]), year: m[4] === undefined ? null : Number(m[4]), agency: m[5]?.trim() ?? null };
    }
    const d = DASH_DATELINE.exec(block);
    if (d) return { month: null, day: null, year: null, agency: d[2]?.trim() ?? null };
  }
  return null;
}

function isDatelineLine(line: string): boolean {
  const m = DATELINE.exec(line);
  return (m !== null && monthNumber(m[2] ?? "") !== null) || DASH_DATELINE.test(line);
}

function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length < TITLE_MAX && !/[.,;:]["”’)]?$/.test(line) && !isDatelineLine(line);
}

/** First heading or short headline line, skipping a section label like "SOCIETY"; else "". */
function findTitle(blocks: readonly string[]): string {
  for (const [i, block] of blocks.slice(0, 3).entries()) {
    const lines = block.split("\n").map((l) => l.trim());
    const first = lines[0] ?? "";
    const heading = HEADING.exec(first);
    if (heading) return heading[1] ?? "";
    const hasMore = lines.length > 1 || i + 1 < blocks.length;
    if (lines.length === 1 && SECTION_LABEL.test(first) && first.length <= 30 && /\p{L}/u.test(first)) continue;
    if (!hasMore || !looksLikeTitle(first)) return "";
    // In a multi-line block the next line must start afresh, or this is just hard-wrapped prose.
    const next = lines[1];
    if (next !== undefined && !/^[\p{Lu}\p{N}"“‘]/u.test(next)) return "";
    return first;
  }
  return "";
}

function fileDate(fileName: string): { year: number; month: number; full: string | null } | null {
  const m = FILE_DATE.exec(fileName);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year, month, full: m[3] === undefined ? null : isoDate(year, month, Number(m[3])) };
}

/**
 * Infers title, source, date and licence from a plain-text article (pure; no I/O). The date is a
 * full day or null: a header date wins, then a dateline (its year from the line or the file name),
 * then a full `YYYY-MM-DD` in the file name. A bare `YYYY-MM` never becomes a date, and dates in
 * the prose (event dates) are never used.
 */
export function inferMetadata(input: InferMetadataInput): InferredMetadata {
  let body = input.text.replace(/^(?:[ \t]*\n)+/, "");
  let headerDate: string | null = null;
  let headerOutlet: string | null = null;
  const firstLine = body.split("\n", 1)[0] ?? "";
  const header = HEADER.exec(firstLine);
  if (header) {
    const date = normalizeDate(header[1] ?? "");
    if (date !== null) {
      headerDate = date;
      headerOutlet = header[2]?.trim() || null;
      body = body.slice(firstLine.length).replace(/^\n?(?:[ \t]*\n)*/, "");
    }
  }

  const blocks = body
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  const dateline = findDateline(blocks);
  const file = fileDate(input.fileName);

  let date = headerDate;
  if (date === null && dateline?.month != null && dateline.day !== null) {
    const year = dateline.year ?? file?.year ?? null;
    if (year !== null) date = isoDate(year, dateline.month, dateline.day);
  }
  date ??= file?.full ?? null;

  const credit = CC_CREDIT.exec(body);
  let source = "";
  if (headerOutlet !== null) {
    const alias = OUTLET_ALIASES[headerOutlet.toLowerCase()];
    source = alias !== undefined && mentions(body, alias) ? alias : headerOutlet;
  } else if (dateline?.agency) {
    source = dateline.agency;
  } else if (credit?.[1] !== undefined) {
    source = credit[1].trim();
  } else {
    source = SOURCE_LINE.exec(body)?.[1]?.trim() ?? "";
  }
  if (/^https?:/i.test(source)) source = "";

  const meta: ArticleMeta = {
    title: findTitle(blocks),
    source,
    date,
    url: URL_LINE.exec(body)?.[1] ?? null,
  };
  if (credit?.[3] !== undefined) meta.license = ccLicense(credit[2] ?? "", credit[3]);
  return { meta, body };
}
