/**
 * The content hash behind incremental re-indexing: an article is re-chunked and re-embedded only
 * when this changes, so it covers everything a citation shows (metadata) and quotes (text).
 */
import { createHash } from "node:crypto";
import type { ArticleMeta } from "../core/types.js";

/** What the hash covers. */
export interface HashInput extends ArticleMeta {
  text: string;
}

/**
 * sha256 (hex) of a stable JSON of the metadata and text. Keys are written in a fixed order and
 * absent optional fields as null, so the same content always gives the same hash.
 */
export function articleHash(input: HashInput): string {
  const stable = JSON.stringify({
    title: input.title,
    source: input.source,
    date: input.date,
    url: input.url,
    language: input.language ?? null,
    license: input.license ?? null,
    text: input.text,
  });
  return createHash("sha256").update(stable, "utf8").digest("hex");
}
