/** The re-index summary: counted in files, every list cut the same way, undated files and warnings shown, exit codes. */
import { describe, expect, it } from "vitest";
import { LIST_LIMIT, formatReindexSummary, reindexExitCode } from "../../src/cli/reindex-summary.js";
import type { ReindexReport } from "../../src/ingest/reindex.js";

function report(overrides: Partial<ReindexReport> = {}): ReindexReport {
  return {
    dryRun: false,
    fullRebuild: false,
    rebuildReason: null,
    added: [],
    updated: [],
    removed: [],
    unchanged: [],
    skipped: [],
    merged: [],
    files: { added: [], updated: [], removed: [], unchanged: 0, skipped: 0, merged: 0 },
    undated: [],
    warnings: [],
    wrote: true,
    compacted: false,
    articles: 0,
    chunks: 0,
    embeddedChunks: 0,
    model: { id: "glove-test", dimensions: 100 },
    elapsedMs: 1234,
    ...overrides,
  };
}

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, "0")}.md`);

describe("formatReindexSummary", () => {
  it("truncates added and skipped lists the same way, counting files", () => {
    const added = names(3000, "a");
    const skipped = names(25, "bad").map((path) => ({ path, reason: "binary file" }));
    const text = formatReindexSummary(
      report({
        added,
        skipped,
        files: { added: added.map((path) => ({ path, articles: 1 })), updated: [], removed: [], unchanged: 0, skipped: 25, merged: 0 },
        articles: 3000,
        chunks: 9000,
        embeddedChunks: 9000,
      }),
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("Indexed 3000 articles, 9000 chunks with glove-test.");
    expect(lines[1]).toBe("  files: added 3000, updated 0, removed 0, unchanged 0, skipped 25");
    expect(lines.filter((l) => l.startsWith("  + "))).toHaveLength(LIST_LIMIT);
    expect(lines.filter((l) => l.startsWith("  ! skipped "))).toHaveLength(LIST_LIMIT);
    expect(text).toContain(`  … and ${3000 - LIST_LIMIT} more added`);
    expect(text).toContain(`  … and ${25 - LIST_LIMIT} more skipped`);
    expect(lines.at(-1)).toBe("  9000 chunks embedded; done in 1.23 s.");
  });

  it("a JSON file with three articles is one file; its bad items are one skipped line", () => {
    const text = formatReindexSummary(
      report({
        added: ["batch.json#1", "batch.json#2", "batch.json#3", "note.md"],
        skipped: ["#4", "#5", "#6", "#7"].map((part) => ({ path: "batch.json", reason: `batch.json${part}: empty article` })),
        files: { added: [{ path: "batch.json", articles: 3 }, { path: "note.md", articles: 1 }], updated: [], removed: [], unchanged: 2, skipped: 1, merged: 0 },
        articles: 6,
        chunks: 9,
      }),
    );
    expect(text).toContain("  files: added 2, updated 0, removed 0, unchanged 2, skipped 1");
    expect(text).toContain("  + batch.json (3 articles)\n  + note.md\n");
    expect(text).toContain("  ! skipped batch.json: #4: empty article; #5: empty article; #6: empty article; and 1 more");
    expect(text.match(/! skipped/g)).toHaveLength(1);
  });

  it("lists undated files as a warning line each, and the run's warnings", () => {
    const text = formatReindexSummary(
      report({
        articles: 2,
        chunks: 3,
        undated: [{ path: "tbilisi.txt", articles: 1, reason: 'dateline "Tbilisi, March 3, AZERTAC" has no year; put …' }],
      }),
    );
    expect(text).toContain("undated 1");
    expect(text).toContain('  ? undated tbilisi.txt: dateline "Tbilisi, March 3, AZERTAC" has no year; put …');
    const empty = formatReindexSummary(report({ wrote: false, warnings: ["no articles found in data/articles — add .md/.txt/.html/.json files"] }));
    expect(empty.split("\n")[0]).toBe("Nothing indexed.");
    expect(empty).toContain("  warning: no articles found in data/articles — add .md/.txt/.html/.json files");
  });

  it("a dry run says what it would index, with the planned chunks", () => {
    const text = formatReindexSummary(report({ dryRun: true, wrote: false, articles: 6, chunks: 17, fullRebuild: true, rebuildReason: "no previous index" }));
    expect(text.split("\n")[0]).toBe("Would index 6 articles, 17 chunks with glove-test — full rebuild (no previous index).");
    expect(text).not.toContain("embedded");
  });
});

describe("reindexExitCode", () => {
  it("is 0 when every file was indexed, even undated ones; 1 with a skipped file or a warning", () => {
    expect(reindexExitCode(report({ undated: [{ path: "x.txt", articles: 1, reason: "no date found" }] }))).toBe(0);
    expect(reindexExitCode(report({ skipped: [{ path: "x.bin", reason: "binary file" }] }))).toBe(1);
    expect(reindexExitCode(report({ warnings: ["no articles found in d — add .md/.txt/.html/.json files"] }))).toBe(1);
  });
});
