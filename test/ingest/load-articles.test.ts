import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { loadArticles } from "../../src/ingest/load-articles.js";

const DATA = fileURLToPath(new URL("../../data/articles/", import.meta.url));
const CORPUS = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dossier-load-"));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

async function put(relPath: string, content: string | Uint8Array): Promise<void> {
  const file = path.join(dir, relPath);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

const md = (title: string, body: string) => `---\ntitle: ${title}\nsource: Test\ndate: 2024-01-02\nurl: null\n---\n${body}\n`;

describe("loadArticles on the bundled corpus", () => {
  it("loads data/articles with ids, paths and stable hashes", async () => {
    const first = await loadArticles({ dataDir: DATA });
    const again = await loadArticles({ dataDir: DATA });
    expect(first.skipped).toEqual([]);
    expect(first.merged).toEqual([]);
    expect(first.articles.map((a) => [a.id, a.path, a.source, a.date])).toEqual([
      ["2019-06-19-tehran-times-azerbaijan-iran-labor.md", "2019-06-19-tehran-times-azerbaijan-iran-labor.md", "Tehran Times", "2019-06-19"],
      ["2025-11-04-azertac-kyrgyz-trade-unions.md", "2025-11-04-azertac-kyrgyz-trade-unions.md", "AZERTAC", "2025-11-04"],
    ]);
    expect(again.articles.map((a) => a.hash)).toEqual(first.articles.map((a) => a.hash));
    for (const a of first.articles) expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("loads the original plain-text articles with inferred metadata", async () => {
    const { articles, skipped } = await loadArticles({ dataDir: CORPUS });
    expect(skipped).toEqual([]);
    expect(articles.map((a) => ({ path: a.path, title: a.title, source: a.source, date: a.date, license: a.license }))).toEqual([
      {
        path: "azertac-2025-11-04-kyrgyz-trade-unions.txt",
        title: "Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK",
        source: "AZERTAC",
        date: "2025-11-04",
        license: undefined,
      },
      { path: "mehr-2019-06-azerbaijan-iran-labor.txt", title: "", source: "Mehr News Agency", date: null, license: "CC BY 4.0" },
    ]);
  });
});

describe("loadArticles", () => {
  it("walks subfolders in path order, every format, ignoring dotfiles and READMEs", async () => {
    await put("b.txt", "Plain headline\n\nPlain body.");
    await put("a/z.md", md("Nested", "Nested body."));
    await put("a-b.html", "<html><head><title>Page</title></head><body><p>Html body.</p></body></html>");
    await put("c/d/feed.json", JSON.stringify([{ title: "One", text: "Json one." }, { title: "Two", text: "Json two." }]));
    await put("README.md", "# About this folder\n\nNot an article.");
    await put("c/readme.txt", "Notes.");
    await put(".hidden.md", md("Hidden", "Hidden body."));
    await put(".git/config.txt", "Not an article.");
    const seen: string[] = [];
    const { articles, skipped, merged } = await loadArticles({ dataDir: dir, onFile: (p) => seen.push(p) });
    expect(skipped).toEqual([]);
    expect(merged).toEqual([]);
    expect(articles.map((a) => [a.id, a.path, a.title, a.text])).toEqual([
      ["a-b.html", "a-b.html", "Page", "Html body."],
      ["a/z.md", "a/z.md", "Nested", "Nested body."],
      ["b.txt", "b.txt", "Plain headline", "Plain headline\n\nPlain body."],
      ["c/d/feed.json#1", "c/d/feed.json", "One", "Json one."],
      ["c/d/feed.json#2", "c/d/feed.json", "Two", "Json two."],
    ]);
    expect(seen).toEqual(["a-b.html", "a/z.md", "b.txt", "c/d/feed.json"]);
  });

  it("skips each bad file with a one-line reason and keeps the others", async () => {
    await put("ok.md", md("Fine", "Fine body."));
    await put("empty.txt", "");
    await put("blank.md", md("Blank", ""));
    await put("image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
    await put("latin1.txt", Buffer.from("caf\xe9 au lait", "latin1"));
    await put("big.txt", "x".repeat(3000));
    await put("broken.md", "---\ntitle: a: b\n---\nBody.");
    await put("broken.json", "{ nope");
    await put("items.json", JSON.stringify([{ text: "Item one." }, { title: "no text" }]));
    await put("notes.docx", "whatever");
    await put("Makefile", "all:");
    const { articles, skipped } = await loadArticles({ dataDir: dir, maxBytes: 2048 });
    expect(articles.map((a) => a.id)).toEqual(["items.json#1", "ok.md"]);
    const reasons = Object.fromEntries(skipped.map((s) => [s.path, s.reason]));
    expect(skipped.map((s) => s.path)).toEqual([
      "Makefile",
      "big.txt",
      "blank.md",
      "broken.json",
      "broken.md",
      "empty.txt",
      "image.txt",
      "items.json",
      "latin1.txt",
      "notes.docx",
    ]);
    expect(reasons).toMatchObject({
      Makefile: "unsupported file type (no extension) (expected .md, .txt, .html, .json)",
      "big.txt": "file too large (2.9 KB > 2 KB limit)",
      "blank.md": "empty article",
      "empty.txt": "empty article",
      "image.txt": "binary file",
      "items.json": 'items.json#2: missing "text" (a non-empty string)',
      "latin1.txt": "not valid UTF-8 text",
      "notes.docx": "unsupported file type .docx (expected .md, .txt, .html, .json)",
    });
    expect(reasons["broken.md"]).toMatch(/^invalid front matter: /);
    expect(reasons["broken.json"]).toMatch(/^invalid JSON: /);
    for (const s of skipped) expect(s.reason).not.toContain("\n");
  });

  it.skipIf(isRoot)("skips a file it may not read", async () => {
    await put("ok.txt", "Readable.");
    await put("secret.txt", "Hidden.");
    await chmod(path.join(dir, "secret.txt"), 0o000);
    const { articles, skipped } = await loadArticles({ dataDir: dir });
    expect(articles.map((a) => a.path)).toEqual(["ok.txt"]);
    expect(skipped).toEqual([{ path: "secret.txt", reason: "cannot read: EACCES" }]);
  });

  it("folds duplicates (same text up to whitespace) into the first by path", async () => {
    await put("b.md", md("Original", "Same  words\nhere."));
    await put("a/copy.txt", "Same words here.\n");
    await put("c.json", JSON.stringify([{ text: "Other." }, { text: "Same words   here." }]));
    await put("d.md", md("Different title", "Other."));
    const { articles, merged } = await loadArticles({ dataDir: dir });
    expect(articles.map((a) => a.id)).toEqual(["a/copy.txt", "c.json#1"]);
    expect(merged).toEqual([
      { path: "b.md", reason: "duplicate of a/copy.txt" },
      { path: "c.json", reason: "c.json#2: duplicate of a/copy.txt" },
      { path: "d.md", reason: "duplicate of c.json#1" },
    ]);
  });

  it("changes an article's hash when its metadata changes, not when it is copied elsewhere", async () => {
    await put("x.md", md("Title one", "Body."));
    const before = (await loadArticles({ dataDir: dir })).articles[0]?.hash;
    await put("x.md", md("Title two", "Body."));
    const after = (await loadArticles({ dataDir: dir })).articles[0]?.hash;
    await rm(path.join(dir, "x.md"));
    await put("moved/y.md", md("Title two", "Body."));
    const moved = (await loadArticles({ dataDir: dir })).articles[0]?.hash;
    expect(before).toBeDefined();
    expect(after).not.toBe(before);
    expect(moved).toBe(after);
  });

  it("follows symlinks to files and folders without looping", async () => {
    await put("real/a.txt", "Linked article.");
    await copyFile(path.join(CORPUS, "mehr-2019-06-azerbaijan-iran-labor.txt"), path.join(dir, "real", "mehr.txt"));
    await symlink(path.join(dir, "real"), path.join(dir, "real", "loop"));
    await symlink(path.join(dir, "real", "a.txt"), path.join(dir, "z-link.txt"));
    await symlink(path.join(dir, "missing.txt"), path.join(dir, "broken.txt"));
    const { articles, skipped, merged } = await loadArticles({ dataDir: dir });
    expect(articles.map((a) => a.path)).toEqual(["real/a.txt", "real/mehr.txt"]);
    expect(merged).toEqual([{ path: "z-link.txt", reason: "duplicate of real/a.txt" }]);
    expect(skipped).toEqual([{ path: "broken.txt", reason: "cannot read: ENOENT (broken link?)" }]);
  });

  it("fails as a whole only when the data folder itself is missing", async () => {
    const missing = path.join(dir, "nope");
    await expect(loadArticles({ dataDir: missing })).rejects.toBeInstanceOf(AppError);
    await expect(loadArticles({ dataDir: missing })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });

  it("returns nothing for an empty folder", async () => {
    expect(await loadArticles({ dataDir: dir })).toEqual({ articles: [], duplicateKeys: [], skipped: [], merged: [], stamps: {} });
  });
});
