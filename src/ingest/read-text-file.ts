/**
 * The gate every article file passes before any parser sees it: size, readability, binary content
 * and UTF-8 validity are checked here once, so each skip reason reads the same whatever the format.
 */
import { readFile, stat } from "node:fs/promises";
import { ArticleError } from "./article-error.js";

/** The slice of `node:fs/promises` used here; tests pass a fake to produce errors like EACCES. */
export interface TextFileSystem {
  stat(path: string): Promise<{ size: number }>;
  readFile(path: string): Promise<Uint8Array>;
}

export interface ReadTextFileOptions {
  /** Absolute (or cwd-relative) path of the file. */
  path: string;
  /** Larger files are refused before they are read. */
  maxBytes: number;
  fs?: TextFileSystem;
}

const MIB = 1024 * 1024;
/** How much of the file is sampled for control characters. */
const SAMPLE_BYTES = 8192;
/** Share of control bytes above which a file is taken for binary. */
const MAX_CONTROL_SHARE = 0.1;

const defaultFs: TextFileSystem = { stat, readFile };

function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** "7.2 MB", "512 KB", "300 bytes": sizes as a maintainer reads them in a skip reason. */
export function formatSize(bytes: number): string {
  if (bytes >= MIB) return `${round1(bytes / MIB)} MB`;
  if (bytes >= 1024) return `${round1(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** "7.2 MB > 5 MB limit"; exact byte counts when rounding would make both sides look equal. */
export function tooLargeReason(size: number, limit: number): string {
  let shown = formatSize(size);
  let max = formatSize(limit);
  if (shown === max) {
    shown = `${size} bytes`;
    max = `${limit} bytes`;
  }
  return `file too large (${shown} > ${max} limit)`;
}

function cannotRead(error: unknown): ArticleError {
  const code = (error as { code?: unknown } | null)?.code;
  const what = typeof code === "string" ? code : error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new ArticleError(`cannot read: ${what}`, { cause: error });
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const b of sample) {
    // Tab, LF, FF and CR are text; ESC too (ANSI colours in pasted logs are not "binary").
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE;
}

/**
 * Reads a file as UTF-8 text: checks the size via stat before reading, refuses binary and invalid
 * UTF-8, strips a BOM and turns CRLF/CR line ends into LF (invisible to the whitespace-normalised
 * quote check, but it keeps paragraph splitting uniform). Throws `ArticleError` with a one-line reason.
 */
export async function readTextFile(options: ReadTextFileOptions): Promise<string> {
  const fs = options.fs ?? defaultFs;
  let size: number;
  try {
    size = (await fs.stat(options.path)).size;
  } catch (error) {
    throw cannotRead(error);
  }
  if (size > options.maxBytes) throw new ArticleError(tooLargeReason(size, options.maxBytes));
  if (size === 0) throw new ArticleError("empty article");

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(options.path);
  } catch (error) {
    throw cannotRead(error);
  }
  if (bytes.length > options.maxBytes) throw new ArticleError(tooLargeReason(bytes.length, options.maxBytes));

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ArticleError("not valid UTF-8 text (looks like UTF-16)");
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (looksBinary(bytes)) throw new ArticleError("binary file");

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ArticleError("not valid UTF-8 text", { cause: error });
  }
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") throw new ArticleError("empty article");
  return text;
}
