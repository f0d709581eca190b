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
  /** Base name of the file; a `YYYY-MM-DD` in it can supply the date, a `YYYY-MM` or a bare `YYYY` the year. */
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
/** A bare year in a file name or a `date` header ("2025-azertac.txt", "date 2025 AZERTAC"); only this century and the last. */
const BARE_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
const HEADER_YEAR = /^((?:19|20)\d{2})(?:-(\d{2}))?$/;
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
  /** The dateline as written, for messages. */
  line: string;
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
      return { line: firstLine, month, day: Number(m[3]), year: m[4] === undefined ? null : Number(m[4]), agency: m[5]?.trim() ?? null };
    }
    const d = DASH_DATELINE.exec(block);
    if (d) return { line: d[0].trim(), month: null, day: null, year: null, agency: d[2]?.trim() ?? null };
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

function fileDate(fileName: string): { year: number; full: string | null } | null {
  const m = FILE_DATE.exec(fileName);
  const month = Number(m?.[2]);
  if (m && month >= 1 && month <= 12) {
    const year = Number(m[1]);
    return { year, full: m[3] === undefined ? null : isoDate(year, month, Number(m[3])) };
  }
  const bare = BARE_YEAR.exec(fileName);
  return bare ? { year: Number(bare[1]), full: null } : null;
}

/** The year of a `date` header that names only a year or a month ("date 2025 AZERTAC", "date: 2025-03"), else null. */
function headerYear(value: string): number | null {
  const m = HEADER_YEAR.exec(value);
  if (!m) return null;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) : null;
}

/** What the head of a text says about its date, before deciding on one. */
interface DateClues {
  body: string;
  headerDate: string | null;
  headerYear: number | null;
  headerOutlet: string | null;
  blocks: string[];
  dateline: Dateline | null;
  file: ReturnType<typeof fileDate>;
}

function dateClues(input: InferMetadataInput): DateClues {
  let body = input.text.replace(/^(?:[ \t]*\n)+/, "");
  let headerDate: string | null = null;
  let year: number | null = null;
  let headerOutlet: string | null = null;
  const firstLine = body.split("\n", 1)[0] ?? "";
  const header = HEADER.exec(firstLine);
  if (header) {
    headerDate = normalizeDate(header[1] ?? "");
    year = headerDate === null ? headerYear(header[1] ?? "") : null;
    if (headerDate !== null || year !== null) {
      headerOutlet = header[2]?.trim() || null;
      body = body.slice(firstLine.length).replace(/^\n?(?:[ \t]*\n)*/, "");
    }
  }
  const blocks = body
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return { body, headerDate, headerYear: year, headerOutlet, blocks, dateline: findDateline(blocks), file: fileDate(input.fileName) };
}

/**
 * Infers title, source, date and licence from a plain-text article (pure; no I/O). The date is a
 * full day or null: a header date wins, then a dateline (its year from the line, else from a
 * `date YYYY` header, else from a `YYYY-MM-DD`, `YYYY-MM` or bare `YYYY` in the file name), then a
 * full `YYYY-MM-DD` in the file name. A year or month alone never becomes a date, and dates in the
 * prose (event dates) are never used.
 */
export function inferMetadata(input: InferMetadataInput): InferredMetadata {
  const { body, headerDate, headerOutlet, blocks, dateline, file, ...clues } = dateClues(input);
  let date = headerDate;
  if (date === null && dateline?.month != null && dateline.day !== null) {
    const year = dateline.year ?? clues.headerYear ?? file?.year ?? null;
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

/**
 * Why no date could be inferred from this text and file name — one line for the re-index report,
 * saying what to add. (Only meaningful when `inferMetadata` gave a null date.)
 */
export function explainMissingDate(input: InferMetadataInput): string {
  const { dateline } = dateClues(input);
  const fix = 'put YYYY-MM-DD in the file name or a first line "date YYYY-MM-DD"';
  if (dateline !== null && dateline.month !== null && dateline.year === null) return `dateline "${dateline.line}" has no year; ${fix}`;
  return `no date found; ${fix} (or "date:" in front matter / JSON)`;
}
