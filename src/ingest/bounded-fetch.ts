/**
 * One HTTP GET with the limits a bot fetching strangers' pages needs: an overall deadline (connect,
 * redirects and body together), a size cap enforced while the body streams in (a missing or lying
 * Content-Length changes nothing), redirects followed by hand so loops are caught and named, and
 * conditional requests (ETag / Last-Modified) so an unchanged feed costs one 304. Every failure is
 * a `FetchError` with a one-line reason.
 */
import { STATUS_CODES } from "node:http";
import { CANCELLED, FetchError, type FetchFailure } from "./fetch-error.js";
import { formatSize } from "./read-text-file.js";

/** The fetching limits of the configuration (`config.fetch`). */
export interface FetchLimits {
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  userAgent: string;
}

/** What the server said identifies this version of the resource. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface BoundedFetchOptions extends FetchLimits {
  url: string;
  /** The Accept header. */
  accept: string;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Looks at the final response's content type before the body is read: a reason refuses it. */
  refuseType?: (contentType: string | null) => { kind: FetchFailure; reason: string } | null;
  /** Validators of the copy we have: when the server says 304, the result is `not-modified`. */
  validators?: Validators;
  /** Cancels the request (e.g. on shutdown): a FetchError of kind `cancelled`. */
  signal?: AbortSignal;
}

export type BoundedResponse =
  | { status: "not-modified"; url: string; validators: Validators }
  | { status: "ok"; url: string; contentType: string | null; body: Uint8Array; validators: Validators };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Connection error codes (undici and Node put them on the error's `cause`) in words. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_HEADERS_OVERFLOW: "response headers too large",
};

function errorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string") return e.code;
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const code = errorCode(inner, depth + 1);
      if (code !== undefined) return code;
    }
  }
  return errorCode(e.cause, depth + 1);
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** An http(s) URL without its fragment, or a FetchError. */
export function checkHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("invalid-url", raw, "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError("invalid-url", raw, `not an http(s) URL (${url.protocol})`);
  url.hash = "";
  return url;
}

function validatorsOf(response: Response): Validators {
  return { etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
}

/** Reads the body, refusing it as soon as it grows past `maxBytes`. */
async function readLimited(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new FetchError("too-large", url, `page over the size limit (more than ${formatSize(maxBytes)})`);
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Turns what `fetch` or the body stream threw into a FetchError with a reason a maintainer can act on. */
function failure(error: unknown, url: string, deadline: AbortSignal, options: BoundedFetchOptions): FetchError {
  if (error instanceof FetchError) return error;
  if (deadline.aborted) return new FetchError("timeout", url, `timed out after ${duration(options.timeoutMs)}`, { cause: error });
  if (options.signal?.aborted === true) return new FetchError("cancelled", url, CANCELLED, { cause: error });
  const code = errorCode(error);
  const why = code === undefined ? "network error" : (NETWORK_REASONS[code] ?? `network error (${code})`);
  return new FetchError("unreachable", url, `could not reach ${hostOf(url)}: ${why}`, { cause: error });
}

/** GETs a URL within the limits; throws `FetchError` for every way it can fail. */
export async function boundedFetch(options: BoundedFetchOptions): Promise<BoundedResponse> {
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? deadline : AbortSignal.any([deadline, options.signal]);
  const headers: Record<string, string> = { "user-agent": options.userAgent, accept: options.accept };
  if (options.validators?.etag) headers["if-none-match"] = options.validators.etag;
  if (options.validators?.lastModified) headers["if-modified-since"] = options.validators.lastModified;

  let current = checkHttpUrl(options.url).href;
  const visited = [current];
  try {
    for (;;) {
      const response = await fetch(current, { headers, redirect: "manual", signal });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (location === null) throw new FetchError("http-status", current, `HTTP ${response.status} redirect without a Location`);
        let next: string;
        try {
          next = checkHttpUrl(new URL(location, current).href).href;
        } catch {
          throw new FetchError("invalid-url", current, `redirected to an unusable URL (${location.slice(0, 100)})`);
        }
        if (visited.includes(next)) {
          const loop = [...visited.slice(visited.indexOf(next)), next].join(" → ");
          throw new FetchError("redirect-loop", options.url, `redirect loop: ${loop}`);
        }
        visited.push(next);
        if (visited.length - 1 > maxRedirects) throw new FetchError("too-many-redirects", options.url, `more than ${maxRedirects} redirects`);
        current = next;
        continue;
      }
      if (response.status === 304 && options.validators !== undefined) {
        await response.body?.cancel().catch(() => undefined);
        return { status: "not-modified", url: current, validators: { ...options.validators, ...nonNull(validatorsOf(response)) } };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        const text = response.statusText || STATUS_CODES[response.status] || "";
        throw new FetchError("http-status", current, `HTTP ${response.status}${text === "" ? "" : ` ${text}`}`);
      }
      const contentType = response.headers.get("content-type");
      const refused = options.refuseType?.(contentType) ?? null;
      if (refused !== null) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(refused.kind, current, refused.reason);
      }
      const body = await readLimited(response, current, options.maxBytes);
      return { status: "ok", url: current, contentType, body, validators: validatorsOf(response) };
    }
  } catch (error) {
    throw failure(error, current, deadline, options);
  }
}

/** The validators a 304 repeats; the ones it leaves out stay as they were. */
function nonNull(v: Validators): Partial<Validators> {
  const out: Partial<Validators> = {};
  if (v.etag !== null) out.etag = v.etag;
  if (v.lastModified !== null) out.lastModified = v.lastModified;
  return out;
}
