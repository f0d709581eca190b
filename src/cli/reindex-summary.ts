/**
 * The text `npm run reindex` prints: totals in articles and chunks, then what changed counted and
 * listed in files (a JSON file with three articles is one file), every list cut at the same length
 * ("… and 2980 more added"), undated files and run warnings last so they are not scrolled away.
 */
import type { FileEntry, UndatedFile } from "../ingest/report-files.js";
import type { ReindexReport } from "../ingest/reindex.js";

/** Lines shown per list (added, updated, removed, merged, skipped, undated) before "… and N more". */
export const LIST_LIMIT = 20;
/** Reasons shown for one skipped file (a JSON file may have many bad items). */
const REASONS_PER_FILE = 3;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function articlesNote(entry: FileEntry): string {
  return entry.articles > 1 ? ` (${plural(entry.articles, "article")})` : "";
}

/** Skipped or merged entries grouped per file, their reasons joined (at most `REASONS_PER_FILE`). */
function byFile(entries: readonly { path: string; reason: string }[]): { path: string; reason: string }[] {
  const reasons = new Map<string, string[]>();
  // A JSON item's reason starts with "file.json#n: "; under the file's own name "#n: " says it.
  const short = (e: { path: string; reason: string }) => (e.reason.startsWith(`${e.path}#`) ? e.reason.slice(e.path.length) : e.reason);
  for (const e of entries) reasons.set(e.path, [...(reasons.get(e.path) ?? []), short(e)]);
  return [...reasons].map(([path, all]) => {
    const shown = all.slice(0, REASONS_PER_FILE).join("; ");
    return { path, reason: all.length > REASONS_PER_FILE ? `${shown}; and ${all.length - REASONS_PER_FILE} more` : shown };
  });
}

/** Appends at most `LIST_LIMIT` lines, then one "… and N more <what>". */
function list<T>(lines: string[], items: readonly T[], what: string, line: (item: T) => string): void {
  for (const item of items.slice(0, LIST_LIMIT)) lines.push(`  ${line(item)}`);
  if (items.length > LIST_LIMIT) lines.push(`  … and ${items.length - LIST_LIMIT} more ${what}`);
}

/** The human-readable report (stdout without `--json`). */
export function formatReindexSummary(r: ReindexReport): string {
  const lines: string[] = [];
  const rebuild = r.fullRebuild ? ` — full rebuild (${r.rebuildReason})` : "";
  if (!r.dryRun && !r.wrote && r.articles === 0 && r.warnings.length > 0) lines.push("Nothing indexed.");
  else {
    const verb = r.dryRun ? "Would index" : r.wrote ? "Indexed" : "Index is up to date:";
    lines.push(`${verb} ${plural(r.articles, "article")}, ${plural(r.chunks, "chunk")} with ${r.model.id}${rebuild}.`);
  }
  const f = r.files;
  const merged = f.merged > 0 ? `, merged ${f.merged}` : "";
  const undated = r.undated.length > 0 ? `, undated ${r.undated.length}` : "";
  lines.push(`  files: added ${f.added.length}, updated ${f.updated.length}, removed ${f.removed.length}, unchanged ${f.unchanged}, skipped ${f.skipped}${merged}${undated}`);
  list(lines, f.added, "added", (e) => `+ ${e.path}${articlesNote(e)}`);
  list(lines, f.updated, "updated", (e) => `~ ${e.path}${articlesNote(e)}`);
  list(lines, f.removed, "removed", (e) => `- ${e.path}${articlesNote(e)}`);
  list(lines, byFile(r.merged), "merged", (e) => `= ${e.path}: ${e.reason}`);
  list(lines, byFile(r.skipped), "skipped", (e) => `! skipped ${e.path}: ${e.reason}`);
  list(lines, r.undated, "undated (indexed, but without a date)", (e: UndatedFile) => `? undated ${e.path}${articlesNote(e)}: ${e.reason}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  if (!r.dryRun) {
    const compacted = r.compacted ? "; removed chunks' slots compacted" : "";
    lines.push(`  ${plural(r.embeddedChunks, "chunk")} embedded${compacted}; done in ${(r.elapsedMs / 1000).toFixed(2)} s.`);
  }
  return lines.join("\n");
}

/** 0: every file indexed; 1: some file skipped, or a warning about the run (no articles at all). Undated files alone do not fail a run. */
export function reindexExitCode(r: ReindexReport): 0 | 1 {
  return r.skipped.length > 0 || r.warnings.length > 0 ? 1 : 0;
}
