/**
 * The re-index report per file: maintainers think in files ("I dropped in batch.json"), not in
 * articles, so the summary counts and lists files — a JSON file with three articles is one file —
 * and names the indexed files whose articles have no date (indexed, but "in 2019" or "latest"
 * cannot find them).
 */
import path from "node:path";
import type { Article } from "../core/types.js";
import { explainMissingDate } from "./infer-metadata.js";

/** One file of a report list, with how many of its articles are in that list. */
export interface FileEntry {
  path: string;
  articles: number;
}

/** A file whose indexed article(s) have no date; `reason` says what to add (one line). */
export interface UndatedFile extends FileEntry {
  reason: string;
}

/** Groups article ids by the file they came from, in first-seen order. */
export function filesOf(ids: readonly string[], pathOf: (id: string) => string): FileEntry[] {
  const byPath = new Map<string, FileEntry>();
  for (const id of ids) {
    const p = pathOf(id);
    const entry = byPath.get(p);
    if (entry === undefined) byPath.set(p, { path: p, articles: 1 });
    else entry.articles++;
  }
  return [...byPath.values()];
}

/** How many distinct files a list of skipped or merged entries names. */
export function distinctPaths(entries: readonly { path: string }[]): number {
  return new Set(entries.map((e) => e.path)).size;
}

/** The files with undated articles, each with the reason for its first undated article. */
export function undatedFiles(articles: readonly Article[]): UndatedFile[] {
  const byPath = new Map<string, UndatedFile>();
  for (const article of articles) {
    if (article.date !== null) continue;
    const entry = byPath.get(article.path);
    if (entry !== undefined) {
      entry.articles++;
      continue;
    }
    const reason = explainMissingDate({ text: article.text, fileName: path.posix.basename(article.path) });
    byPath.set(article.path, { path: article.path, articles: 1, reason });
  }
  return [...byPath.values()];
}

/**
 * The warning for a run that found no article at all, or null. `keptArticles`: the previous
 * index's articles, kept because an empty folder never wipes an index.
 */
export function emptyFolderWarning(
  dataDir: string,
  loaded: { articles: readonly unknown[]; skipped: readonly { path: string }[]; merged: readonly { path: string }[] },
  keptArticles: number,
): string | null {
  if (loaded.articles.length > 0) return null;
  const files = distinctPaths([...loaded.skipped, ...loaded.merged]);
  const found = files === 0 ? "" : ` (${files} file(s) there, none usable)`;
  const kept = keptArticles > 0 ? `; the index (${keptArticles} article(s)) is left as it was` : "";
  return `no articles found in ${dataDir}${found} — add .md/.txt/.html/.json files${kept}`;
}
