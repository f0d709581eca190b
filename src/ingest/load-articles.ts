/**
 * Loads every article under the data directory into `Article`s: walks the folder, reads each file
 * through the same checks, dispatches on the extension, and folds duplicates. A bad file is listed
 * with a one-line reason and never stops the others, so a re-index always gets as far as it can.
 */
import { createHash } from "node:crypto";
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
import { comparePaths, walkDataDir } from "./walk-data-dir.js";

/** A file (or JSON item) left out. `path` is relative to the data directory; `reason` is one line. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadResult {
  /** In path order (JSON array items in array order). */
  articles: Article[];
  skipped: SkippedFile[];
  /** Duplicates folded into an earlier article; the reason names the article kept. */
  merged: SkippedFile[];
}

export interface LoadArticlesOptions {
  dataDir: string;
  /** Larger files are skipped without being read. Default 5 MiB. */
  maxBytes?: number;
  /** Called with each file's relative path before it is read, for progress output. */
  onFile?: (path: string) => void;
}

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
function duplicateKey(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim(), "utf8").digest("hex");
}

function failureReason(error: unknown): string {
  if (isArticleError(error)) return error.reason;
  const message = error instanceof Error ? error.message : String(error);
  return `could not parse: ${message.split("\n")[0]?.slice(0, 120) ?? "unknown error"}`;
}

/**
 * Loads the articles under `dataDir` (recursively, in path order). Ignored: dotfiles, dot-folders
 * and files named `README.md` / `readme.*`. Supported: `.md` (also `.markdown`), `.txt`, `.html`
 * (also `.htm`), `.json`. Throws only when `dataDir` itself cannot be read.
 */
export async function loadArticles(options: LoadArticlesOptions): Promise<LoadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const walked = await walkDataDir(options.dataDir);
  const result: LoadResult = { articles: [], skipped: [...walked.skipped], merged: [] };
  const firstByKey = new Map<string, string>();

  for (const file of walked.files) {
    options.onFile?.(file.relPath);
    const ext = path.posix.extname(file.relPath).toLowerCase();
    const parser = PARSERS[ext];
    if (parser === undefined) {
      result.skipped.push({
        path: file.relPath,
        reason: `unsupported file type ${ext === "" ? "(no extension)" : ext} (expected .md, .txt, .html, .json)`,
      });
      continue;
    }
    let entries: ParsedEntry[];
    try {
      const raw = await readTextFile({ path: file.absPath, maxBytes });
      entries = parser(raw, file.relPath);
    } catch (error) {
      result.skipped.push({ path: file.relPath, reason: failureReason(error) });
      continue;
    }
    for (const entry of entries) {
      if (entry.kind === "skipped") {
        result.skipped.push({ path: file.relPath, reason: entry.reason });
        continue;
      }
      const id = entry.part === undefined ? file.relPath : `${file.relPath}#${entry.part}`;
      const key = duplicateKey(entry.text);
      const first = firstByKey.get(key);
      if (first !== undefined) {
        const prefix = id === file.relPath ? "" : `${id}: `;
        result.merged.push({ path: file.relPath, reason: `${prefix}duplicate of ${first}` });
        continue;
      }
      firstByKey.set(key, id);
      const hash = articleHash({ ...entry.meta, text: entry.text });
      result.articles.push({ ...entry.meta, id, path: file.relPath, text: entry.text, hash });
    }
  }
  result.skipped.sort((a, b) => comparePaths(a.path, b.path));
  return result;
}
