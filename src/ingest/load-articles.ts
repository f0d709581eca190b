/**
 * Loads every article under the data directory into `Article`s: walks the folder, reads each file
 * through the same checks, dispatches on the extension, and folds duplicates. A bad file is listed
 * with a one-line reason and never stops the others, so a re-index always gets as far as it can.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../core/types.js";
import { isArticleError } from "./article-error.js";
import { articleHash } from "./article-hash.js";
import type { ArticleParser, ParsedEntry } from "./parsed-article.js";
import { parseHtml } from "./parse-html.js";
import { parseJson } from "./parse-json.js";
import { parseMarkdown } from "./parse-markdown.js";
import { parseText } from "./parse-text.js";
import { readTextFile } from "./read-text-file.js";
import { comparePaths, walkDataDir, type FoundFile } from "./walk-data-dir.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";

/** A file (or JSON item) left out. `path` is relative to the data directory; `reason` is one line. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadResult {
  /** In path order (JSON array items in array order). */
  articles: Article[];
  /** Duplicate-detection key (hex sha-256 of the whitespace-normalised text) of each article, in the same order. */
  duplicateKeys: string[];
  skipped: SkippedFile[];
  /** Duplicates folded into an earlier article; the reason names the article kept. */
  merged: SkippedFile[];
  /** Size and modification time of every file that yielded articles, for the next run's `reuse`. */
  stamps: Record<string, FileStamp>;
}

/** What identifies an unchanged file without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface LoadArticlesOptions {
  dataDir: string;
  /** Larger files are skipped without being read. Default 5 MiB. */
  maxBytes?: number;
  /** Called with each file's relative path before it is read, for progress output. */
  onFile?: (path: string) => void;
  /**
   * Articles already known for a file with this path, size and modification time; when given, the
   * file is not read or parsed again (what makes an incremental re-index proportional to changes).
   * The articles' texts need not be materialised: only the given duplicate keys are used.
   */
  reuse?: (relPath: string, stamp: FileStamp) => KnownArticle[] | undefined;
}

/** An article a previous run indexed, with the key its text had then. */
export interface KnownArticle {
  article: Article;
  duplicateKey: string;
}

/** What the I/O stage found for one file, before parsing. */
type Prepared =
  | { kind: "unsupported"; ext: string }
  | { kind: "known"; stamp: FileStamp; known: KnownArticle[] }
  | { kind: "read"; parser: ArticleParser; stamp: FileStamp | undefined; raw: Awaited<ReturnType<typeof readTextFile>> }
  | { kind: "failed"; reason: string };

/** Files stat'ed and read ahead of the one being parsed. */
const READ_AHEAD = 32;

/** Default size limit: far above any news article, low enough to refuse a misplaced dump. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const PARSERS: Record<string, ArticleParser> = {
  ".md": parseMarkdown,
  ".markdown": parseMarkdown,
  ".txt": parseText,
  ".html": parseHtml,
  ".htm": parseHtml,
  ".json": parseJson,
};

/** Articles that differ only in whitespace are the same article. */
export function duplicateKey(text: string): string {
  return createHash("sha256").update(normalizeWhitespace(text), "utf8").digest("hex");
}

function failureReason(error: unknown): string {
  if (isArticleError(error)) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  return `could not parse: ${message.split("\n")[0]?.slice(0, 120) ?? "unknown error"}`;
}

/** Adds an article unless its text duplicates an earlier one (then it is listed as merged). */
function addArticle(result: LoadResult, firstByKey: Map<string, string>, article: Article, key: string, relPath: string): void {
  const first = firstByKey.get(key);
  if (first !== undefined) {
    const prefix = article.id === relPath ? "" : `${article.id}: `;
    result.merged.push({ path: relPath, reason: `${prefix}duplicate of ${first}` });
    return;
  }
  firstByKey.set(key, article.id);
  result.articles.push(article);
  result.duplicateKeys.push(key);
}

/**
 * Loads the articles under `dataDir` (recursively, in path order). Ignored: dotfiles, dot-folders
 * and files named `README.md` / `readme.*`. Supported: `.md` (also `.markdown`), `.txt`, `.html`
 * (also `.htm`), `.json`. Throws only when `dataDir` itself cannot be read.
 */
export async function loadArticles(options: LoadArticlesOptions): Promise<LoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const walked = await walkDataDir(options.dataDir);
  const result: LoadResult = { articles: [], duplicateKeys: [], skipped: [...walked.skipped], merged: [], stamps: {} };
  const firstByKey = new Map<string, string>();

  // File I/O (stat, read) runs a few files ahead, in parallel; parsing and adding stay in path order.
  const prepare = async (file: FoundFile): Promise<Prepared> => {
    const ext = path.posix.extname(file.relPath).toLowerCase();
    const parser = PARSERS[ext];
    if (parser === undefined) return { kind: "unsupported", ext };
    const st = await stat(file.absPath).catch(() => undefined);
    const stamp: FileStamp | undefined = st === undefined ? undefined : { size: st.size, mtimeMs: Math.trunc(st.mtimeMs) };
    const known = stamp === undefined ? undefined : options.reuse?.(file.relPath, stamp);
    if (stamp !== undefined && known !== undefined) return { kind: "known", stamp, known };
    try {
      return { kind: "read", parser, stamp, raw: await readTextFile({ path: file.absPath, maxBytes }) };
    } catch (error) {
      return { kind: "failed", reason: failureReason(error) };
    }
  };
  const pending: Promise<Prepared>[] = [];
  const next = (i: number) => {
    const file = walked.files[i];
    if (file !== undefined && pending[i] === undefined) pending[i] = prepare(file);
  };
  for (let i = 0; i < walked.files.length; i++) {
    for (let ahead = i; ahead < Math.min(walked.files.length, i + READ_AHEAD); ahead++) next(ahead);
    const file = walked.files[i] as FoundFile;
    options.onFile?.(file.relPath);
    const prepared = await (pending[i] as Promise<Prepared>);
    delete pending[i];
    if (prepared.kind === "unsupported") {
      const ext = prepared.ext;
      result.skipped.push({
        path: file.relPath,
        reason: `unsupported file type ${ext === "" ? "(no extension)" : ext} (expected .md, .txt, .html, .json)`,
      });
      continue;
    }
    if (prepared.kind === "known") {
      result.stamps[file.relPath] = prepared.stamp;
      for (const { article, duplicateKey: key } of prepared.known) addArticle(result, firstByKey, article, key, file.relPath);
      continue;
    }
    if (prepared.kind === "failed") {
      result.skipped.push({ path: file.relPath, reason: prepared.reason });
      continue;
    }
    let entries: ParsedEntry[];
    try {
      entries = prepared.parser(prepared.raw, file.relPath);
    } catch (error) {
      result.skipped.push({ path: file.relPath, reason: failureReason(error) });
      continue;
    }
    const before = { skipped: result.skipped.length, merged: result.merged.length };
    for (const entry of entries) {
      if (entry.kind === "skipped") {
        result.skipped.push({ path: file.relPath, reason: entry.reason });
        continue;
      }
      const id = entry.part === undefined ? file.relPath : `${file.relPath}#${entry.part}`;
      const hash = articleHash({ ...entry.meta, text: entry.text });
      addArticle(result, firstByKey, { ...entry.meta, id, path: file.relPath, text: entry.text, hash }, duplicateKey(entry.text), file.relPath);
    }
    // Only a file that was indexed whole may be reused next time; one with skipped or merged
    // entries is read again, so those keep being reported.
    const whole = result.skipped.length === before.skipped && result.merged.length === before.merged;
    if (prepared.stamp !== undefined && whole && entries.length > 0) result.stamps[file.relPath] = prepared.stamp;
  }
  result.skipped.sort((a, b) => comparePaths(a.path, b.path));
  return result;
}
