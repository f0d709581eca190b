/**
 * Re-index reports a maintainer can trust: a dry run counts the chunks the real run will make,
 * undated articles are named per file (indexed, not skipped), changes are counted in files, an
 * empty data folder is a clear warning that never wipes an index, and the manifest records
 * dossier's version.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reindex } from "../../src/ingest/reindex.js";
import { dossierVersion } from "../../src/ingest/index-versions.js";
import { reindexExitCode } from "../../src/cli/reindex-summary.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { CORPUS_ARTICLES, copyCorpus, generatedArticle, writeArticle } from "../helpers/articles.js";
import { CountingEmbedder, realEmbedder } from "../helpers/embedders.js";
import { readManifestFile } from "../helpers/index-dir.js";
import { REPO_ROOT, snapshotTree, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("reindex-report");
let embedder: GloveEmbeddings;

beforeAll(async () => {
  embedder = await realEmbedder();
}, 60_000);
afterAll(() => dirs.cleanup());

async function folders(label: string) {
  const dataDir = await dirs.make(`${label}-data`);
  const indexDir = path.join(await dirs.make(`${label}-index`), "index");
  return { dataDir, indexDir };
}

const jsonArticles = (n: number, date: boolean, trade = "dockers") =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      title: `Batch article ${i + 1}`,
      source: "Test Wire",
      ...(date ? { date: `2024-05-0${i + 1}` } : {}),
      text: `The ${trade} union number ${i + 1} met the port authority about shift pay. They agreed to meet again.`,
    })),
  );

describe("dry run chunk counts", () => {
  it("counts the chunks the real run produces — on a fresh index and after edits — without embedding", async () => {
    const { dataDir, indexDir } = await folders("dry");
    await copyCorpus(dataDir);
    const counting = new CountingEmbedder(embedder);
    const freshPlan = await reindex({ dataDir, indexDir, embedder: counting, dryRun: true });
    expect(counting.calls).toEqual([]);
    const first = await reindex({ dataDir, indexDir, embedder: counting });
    expect(freshPlan.chunks).toBe(first.chunks);
    expect(freshPlan.chunks).toBeGreaterThan(0);

    // Six more articles: the old index has first.chunks, the new one more — the plan says the new number.
    for (const n of [1, 2, 3, 4, 5, 6]) await writeArticle(dataDir, `gen-${n}.md`, generatedArticle(n));
    const edited = generatedArticle(9);
    edited.body += `\n\n${"A long extra paragraph about apprenticeships and wages in the sector. ".repeat(30)}`;
    await writeArticle(dataDir, CORPUS_ARTICLES[0], { title: "Rewritten", body: edited.body });
    counting.reset();
    const plan = await reindex({ dataDir, indexDir, embedder: counting, dryRun: true });
    expect(counting.calls).toEqual([]);
    expect(plan.chunks).not.toBe(first.chunks);
    const real = await reindex({ dataDir, indexDir, embedder: counting });
    expect(real.chunks).toBe(plan.chunks);
    expect((await readManifestFile(indexDir)).chunks).toBe(plan.chunks);

    // Nothing changed: the plan and the index agree.
    expect((await reindex({ dataDir, indexDir, embedder, dryRun: true })).chunks).toBe(real.chunks);
  });
});

describe("undated articles", () => {
  it("a dateline without a year takes the year from the file name or a date header; else the file is reported undated, not skipped", async () => {
    const { dataDir, indexDir } = await folders("undated");
    const body = "Unions meet in Tbilisi\n\nTbilisi, March 3, AZERTAC\n\nThe trade unions of Georgia and Azerbaijan signed a memorandum on labour migration.";
    await fs.writeFile(path.join(dataDir, "2024-tbilisi-unions.txt"), body);
    await fs.writeFile(path.join(dataDir, "tbilisi-unions-header.txt"), `date 2023 AZERTAC\n\n${body.replace("Georgia", "Armenia")}`);
    await fs.writeFile(path.join(dataDir, "tbilisi-unions.txt"), body.replace("Georgia", "Turkey"));
    await fs.writeFile(path.join(dataDir, "batch.json"), jsonArticles(3, false));
    const report = await reindex({ dataDir, indexDir, embedder });

    expect(report.skipped).toEqual([]);
    expect(reindexExitCode(report)).toBe(0);
    expect(report.articles).toBe(6);
    const index = await LoadedIndex.load({ indexDir, embedder });
    const dateOf = (id: string) => index.articleById.get(id)?.date;
    expect(dateOf("2024-tbilisi-unions.txt")).toBe("2024-03-03");
    expect(dateOf("tbilisi-unions-header.txt")).toBe("2023-03-03");
    expect(index.articleById.get("tbilisi-unions-header.txt")?.source).toBe("AZERTAC");
    expect(dateOf("tbilisi-unions.txt")).toBeNull();

    expect(report.undated.map((u) => u.path)).toEqual(["batch.json", "tbilisi-unions.txt"]);
    const [batch, tbilisi] = report.undated;
    expect(batch).toMatchObject({ path: "batch.json", articles: 3 });
    expect(batch?.reason).toMatch(/no date found/);
    expect(tbilisi?.articles).toBe(1);
    expect(tbilisi?.reason).toBe('dateline "Tbilisi, March 3, AZERTAC" has no year; put YYYY-MM-DD in the file name or a first line "date YYYY-MM-DD"');

    // Reported again on the next run, when the files are taken over unread.
    const again = await reindex({ dataDir, indexDir, embedder });
    expect(again.wrote).toBe(false);
    expect(again.undated).toEqual(report.undated);
  });
});

describe("changes counted in files", () => {
  it("a JSON file with three articles is one added file; its skipped items are one skipped file", async () => {
    const { dataDir, indexDir } = await folders("files");
    await copyCorpus(dataDir);
    await fs.writeFile(path.join(dataDir, "batch.json"), jsonArticles(3, true));
    const items = JSON.parse(jsonArticles(2, true, "bakers")) as object[];
    await fs.writeFile(path.join(dataDir, "mixed.json"), JSON.stringify([...items, { title: "no text" }, { title: "also none" }]));
    const report = await reindex({ dataDir, indexDir, embedder });
    expect(report.added).toHaveLength(7);
    expect(report.files.added).toEqual([
      { path: CORPUS_ARTICLES[0], articles: 1 },
      { path: CORPUS_ARTICLES[1], articles: 1 },
      { path: "batch.json", articles: 3 },
      { path: "mixed.json", articles: 2 },
    ].sort((a, b) => (a.path < b.path ? -1 : 1)));
    expect(report.skipped).toHaveLength(2);
    expect(report.files.skipped).toBe(1);

    await fs.rm(path.join(dataDir, "batch.json"));
    const removed = await reindex({ dataDir, indexDir, embedder });
    expect(removed.removed).toHaveLength(3);
    expect(removed.files.removed).toEqual([{ path: "batch.json", articles: 3 }]);
    expect(removed.files.unchanged).toBe(3);
  });
});

describe("an empty data folder", () => {
  it("warns clearly (exit 1) and, on a fresh index, builds an empty one", async () => {
    const { dataDir, indexDir } = await folders("empty");
    const report = await reindex({ dataDir, indexDir, embedder });
    expect(report.articles).toBe(0);
    expect(report.warnings).toEqual([`no articles found in ${dataDir} — add .md/.txt/.html/.json files`]);
    expect(reindexExitCode(report)).toBe(1);
    expect((await readManifestFile(indexDir)).articles).toEqual([]);
  });

  it("never wipes an index that has articles: nothing is written, nothing reported removed", async () => {
    const { dataDir, indexDir } = await folders("emptied");
    await copyCorpus(dataDir);
    await reindex({ dataDir, indexDir, embedder });
    for (const name of CORPUS_ARTICLES) await fs.rm(path.join(dataDir, name));
    await fs.writeFile(path.join(dataDir, "notes.docx"), "not an article");
    const before = await snapshotTree(indexDir);
    const plan = await reindex({ dataDir, indexDir, embedder, dryRun: true });
    const report = await reindex({ dataDir, indexDir, embedder });
    for (const r of [plan, report]) {
      expect(r).toMatchObject({ wrote: false, removed: [], articles: 0, chunks: 0 });
      expect(r.files.removed).toEqual([]);
      expect(r.warnings).toEqual([
        `no articles found in ${dataDir} (1 file(s) there, none usable) — add .md/.txt/.html/.json files; the index (2 article(s)) is left as it was`,
      ]);
      expect(reindexExitCode(r)).toBe(1);
    }
    expect(await snapshotTree(indexDir)).toEqual(before);
  });
});

describe("manifest versions", () => {
  it("records dossier's package.json version, found relative to the module whatever the working directory", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      expect(dossierVersion()).toBe(pkg.version);
    } finally {
      process.chdir(cwd);
    }
    const { dataDir, indexDir } = await folders("versions");
    await copyCorpus(dataDir, [CORPUS_ARTICLES[0]]);
    await reindex({ dataDir, indexDir, embedder });
    const versions = (await readManifestFile(indexDir)).versions;
    expect(versions["dossier"]).toBe(pkg.version);
    expect(versions["hnswlib-node"]).toMatch(/^\d+\.\d+\.\d+/);
  });
});
