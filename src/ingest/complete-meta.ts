/**
 * Front matter and JSON articles state their metadata as loose key/value pairs. This turns such a
 * record into a normalised `ArticleMeta`, filling a missing title, source, date or licence from
 * the text itself the way plain-text articles are read, so every format yields the same shape.
 */
import type { ArticleMeta } from "../core/types.js";
import { inferMetadata } from "./infer-metadata.js";
import { normalizeDate } from "../text/normalize-date.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

export interface CompleteMetaInput {
  /** The stated fields (front matter or a JSON object); unknown keys are ignored. */
  fields: Record<string, unknown>;
  /** The article text, used to infer what the fields leave out. */
  text: string;
  fileName: string;
}

/** A trimmed one-line string for a string or number field; null when absent, empty or not scalar. */
export function stringField(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const s = normalizeWhitespace(value);
  return s === "" ? null : s;
}

/** An absolute http(s) URL, or null: other schemes (javascript:, file:) are never shown as links. */
export function httpUrl(value: unknown): string | null {
  const s = stringField(value);
  if (s === null) return null;
  try {
    const url = new URL(s);
    return url.protocol === "http:" || url.protocol === "https:" ? s : null;
  } catch {
    return null;
  }
}

/**
 * Normalises stated metadata. A stated but unparsable date becomes null (not a guess); an absent
 * one is inferred from the text or file name. An absent url stays null.
 */
export function completeMeta(input: CompleteMetaInput): ArticleMeta {
  const { fields } = input;
  const inferred = inferMetadata({ text: input.text, fileName: input.fileName }).meta;
  const statedDate = fields["date"];
  const meta: ArticleMeta = {
    title: stringField(fields["title"]) ?? inferred.title,
    source: stringField(fields["source"]) ?? inferred.source,
    date: statedDate === undefined ? inferred.date : normalizeDate(statedDate),
    url: httpUrl(fields["url"]),
  };
  const language = stringField(fields["language"]);
  if (language !== null) meta.language = language;
  const license = stringField(fields["license"]) ?? inferred.license ?? null;
  if (license !== null) meta.license = license;
  return meta;
}
