/**
 * Fetches an article page: an HTML document or nothing. A PDF, an image or a JSON API behind a
 * news link is refused by its content type before its body is downloaded.
 */
import { boundedFetch, type FetchLimits } from "./bounded-fetch.js";
import { decodeBody } from "./decode-body.js";

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

export interface FetchPageOptions {
  url: string;
  limits: FetchLimits;
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** Where the page was found after redirects. */
  url: string;
  html: string;
}

/** The media type of a Content-Type header ("text/html; charset=utf-8" → "text/html"). */
export function mediaType(contentType: string | null): string | null {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === undefined || type === "" ? null : type;
}

/** GETs an HTML page within the limits; throws `FetchError` (`not-html` for anything else). */
export async function fetchPage(options: FetchPageOptions): Promise<FetchedPage> {
  const response = await boundedFetch({
    ...options.limits,
    url: options.url,
    accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    refuseType: (contentType) => {
      const type = mediaType(contentType);
      if (type !== null && HTML_TYPES.has(type)) return null;
      return { kind: "not-html", reason: `not an HTML page (${type === null ? "no content type" : type})` };
    },
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (response.status !== "ok") throw new Error("unreachable: no validators were sent"); // narrows the type
  return { url: response.url, html: decodeBody(response.body, response.contentType) };
}
