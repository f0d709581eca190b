/**
 * One RSS, Atom or JSON feed, fetched conditionally (the validators of the last copy go with the
 * request, so an unchanged feed is a 304 and nothing else) within the same limits as pages, and
 * read by @extractus/feed-extractor from the text we fetched ourselves.
 */
import { extractFromJson, extractFromXml, type FeedData } from "@extractus/feed-extractor";
import { boundedFetch, type FetchLimits, type Validators } from "./bounded-fetch.js";
import { decodeBody } from "./decode-body.js";
import { FetchError } from "./fetch-error.js";
import { mediaType } from "./fetch-page.js";

export interface FeedItem {
  /** Absolute http(s) link of the item's page. */
  link: string;
  title: string;
  summary: string;
}

export interface ReadFeedOptions {
  url: string;
  limits: FetchLimits;
  /** Validators of the copy read last time. */
  validators?: Validators;
  signal?: AbortSignal;
}

export type FeedRead =
  | { status: "not-modified"; validators: Validators }
  | { status: "ok"; title: string; items: FeedItem[]; validators: Validators };

const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

function httpLink(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function parseFeed(text: string, contentType: string | null, url: string): FeedData {
  const type = mediaType(contentType) ?? "";
  const trimmed = text.trimStart();
  if (/^<!doctype html|^<html[\s>]/i.test(trimmed)) throw new FetchError("not-feed", url, "not a feed (an HTML page)");
  const options = { descriptionMaxLen: 0, baseUrl: url };
  try {
    return type.includes("json") || trimmed.startsWith("{") ? extractFromJson(text, options) : extractFromXml(text, options);
  } catch (error) {
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "";
    throw new FetchError("not-feed", url, `not an RSS, Atom or JSON feed${why === "" ? "" : ` (${why.slice(0, 100)})`}`, { cause: error });
  }
}

/** Fetches and reads a feed; throws `FetchError` when it cannot be fetched or is not a feed. */
export async function readFeed(options: ReadFeedOptions): Promise<FeedRead> {
  const response = await boundedFetch({
    ...options.limits,
    url: options.url,
    accept: ACCEPT,
    ...(options.validators === undefined ? {} : { validators: options.validators }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (response.status === "not-modified") return { status: "not-modified", validators: response.validators };
  const feed = parseFeed(decodeBody(response.body, response.contentType), response.contentType, response.url);
  const items: FeedItem[] = [];
  for (const entry of feed.entries ?? []) {
    const link = httpLink(entry.link);
    if (link === null) continue;
    items.push({ link, title: entry.title ?? "", summary: entry.description ?? "" });
  }
  return { status: "ok", title: feed.title ?? "", items, validators: response.validators };
}
