/**
 * The human-readable report of `npm run add` and `npm run feeds`: one line per URL — added (with
 * its new file), already present (with the file that has it), failed (with the one-line reason).
 */
import type { AddReport } from "../ingest/add-urls.js";
import type { ReindexOutcome } from "../ingest/reindex-outcome.js";

export function formatAddReport(report: AddReport): string {
  const lines: string[] = [];
  for (const a of report.added) lines.push(`+ ${a.path}  ← ${a.url}`);
  for (const p of report.present) lines.push(`= already present: ${p.url} (${p.path}${p.match === "content" ? ", same text" : ""})`);
  for (const f of report.failed) lines.push(`! ${f.url}: ${f.reason}`);
  lines.push(`Added ${report.added.length}, already present ${report.present.length}, failed ${report.failed.length}.`);
  return lines.join("\n");
}

export function formatReindex(outcome: ReindexOutcome): string {
  if (!outcome.ok) return `Re-index failed: ${outcome.reason} (the new files are in the data folder; run npm run reindex).`;
  const skipped = outcome.skipped.length === 0 ? "" : `; ${outcome.skipped.length} file(s) skipped (see npm run reindex)`;
  return `Re-indexed: ${outcome.articles} article(s), ${outcome.chunks} chunk(s)${skipped}.`;
}
