import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnswerService } from "../../src/compose.js";
import { addUrls } from "../../src/ingest/add-urls.js";
import { parseMarkdown } from "../../src/ingest/parse-markdown.js";
import { reindex } from "../../src/ingest/reindex.js";
import { quoteIsVerbatim } from "../../src/text/verify-quote.js";
import { NewsSite } from "../fakes/news-site.js";
import { copyCorpus } from "../helpers/articles.js";
import { realEmbedder } from "../helpers/embedders.js";
import { FURNITURE_TEXTS, newsPage, SEAFARERS, SEAFARERS_FOLLOW_UP } from "../helpers/news-pages.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const limits = { timeoutMs: 2_000, maxBytes: 1_000_000, userAgent: "dossier-test/1.0" };
const dirs = tempDirs("add-urls");
let site: NewsSite;

const FILE = "2024-03-12-harbour-labour-news-estonian-seafarers-and-nordic-transport-workers-sign.md";

beforeAll(async () => {
  site = await NewsSite.start();
  const canonical = site.url("/news/seafarers-agreement");
  site
    .page("/news/seafarers-agreement", newsPage({ ...SEAFARERS, canonical }))
    .page("/amp/seafarers-agreement", newsPage({ ...SEAFARERS, canonical }))
    .page("/mirror/seafarers", newsPage({ ...SEAFARERS, siteName: "Mirror Site" }))
    .page("/news/first-inspection", newsPage({ ...SEAFARERS_FOLLOW_UP, canonical: site.url("/news/first-inspection") }))
    .page("/front", `<html><head><title>Harbour Labour News</title></head><body><nav><a href="/">Home</a></nav><main><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/n/${i}">Headline ${i} about the docks and the unions today</a></li>`).join("")}</ul></main></body></html>`)
    .page("/report.pdf", "%PDF-1.4", "application/pdf")
    .set("/moved", { kind: "redirect", to: "/news/seafarers-agreement", status: 301 });
});
afterAll(async () => {
  await site.close();
  await dirs.cleanup();
});

async function md(dir: string, name: string) {
  const [entry] = parseMarkdown(await fs.readFile(path.join(dir, name), "utf8"), name);
  if (entry?.kind !== "article") throw new Error(`${name} is not an article`);
  return entry;
}

describe("addUrls", () => {
  it("files the article as Markdown: front matter from the page's metadata, text without the page around it", async () => {
    const dir = await dirs.make("one");
    const progress: string[] = [];
    const report = await addUrls({ urls: [site.url("/news/seafarers-agreement")], dataDir: dir, limits, onProgress: (p) => progress.push(`${p.index}/${p.total} ${p.url}`) });
    expect(report).toEqual({
      added: [
        {
          url: site.url("/news/seafarers-agreement"),
          canonicalUrl: site.url("/news/seafarers-agreement"),
          path: FILE,
          title: SEAFARERS.title,
          source: "Harbour Labour News",
          date: "2024-03-12",
        },
      ],
      present: [],
      failed: [],
    });
    expect(progress).toEqual([`1/1 ${site.url("/news/seafarers-agreement")}`]);
    const article = await md(dir, FILE);
    expect(article.meta).toEqual({ title: SEAFARERS.title, source: "Harbour Labour News", date: "2024-03-12", url: site.url("/news/seafarers-agreement"), language: "en" });
    for (const p of SEAFARERS.paragraphs) expect(article.text).toContain(p);
    for (const furniture of [...FURNITURE_TEXTS, "Jane Doe"]) expect(article.text).not.toContain(furniture);
  });

  it("reports the same URL twice as already present, without fetching it again", async () => {
    const dir = await dirs.make("twice");
    const url = site.url("/news/seafarers-agreement");
    await addUrls({ urls: [url], dataDir: dir, limits });
    const hits = site.hits("/news/seafarers-agreement").length;
    const report = await addUrls({ urls: [url, `${url}?utm_source=newsletter#top`], dataDir: dir, limits });
    expect(report.added).toEqual([]);
    expect(report.present).toEqual([
      { url, path: FILE, match: "url" },
      { url: `${url}?utm_source=newsletter#top`, path: FILE, match: "url" },
    ]);
    expect(site.hits("/news/seafarers-agreement").length).toBe(hits);
    expect(await fs.readdir(dir)).toEqual([FILE]);
  });

  it("recognises the article under another address by its canonical URL, after redirects, and by its text", async () => {
    const dir = await dirs.make("other-address");
    await addUrls({ urls: [site.url("/news/seafarers-agreement")], dataDir: dir, limits });
    const report = await addUrls({ urls: [site.url("/amp/seafarers-agreement"), site.url("/moved"), site.url("/mirror/seafarers")], dataDir: dir, limits });
    expect(report.added).toEqual([]);
    expect(report.present.map((p) => [p.path, p.match])).toEqual([
      [FILE, "url"],
      [FILE, "url"],
      [FILE, "content"],
    ]);
    expect(await fs.readdir(dir)).toEqual([FILE]);
  });

  it("gives a different article with the same name a -2 file instead of overwriting", async () => {
    const dir = await dirs.make("same-slug");
    const report = await addUrls({ urls: [site.url("/news/seafarers-agreement"), site.url("/news/first-inspection")], dataDir: dir, limits });
    expect(report.added.map((a) => a.path)).toEqual([FILE, FILE.replace(/\.md$/, "-2.md")]);
    expect((await md(dir, FILE)).text).toContain("Kalev Tamm");
    expect((await md(dir, FILE.replace(/\.md$/, "-2.md"))).text).toContain("Muuga");
  });

  it("names each failed URL with a one-line reason and still adds the others", async () => {
    const dir = await dirs.make("failures");
    const report = await addUrls({
      urls: [site.url("/front"), site.url("/missing"), site.url("/report.pdf"), "ftp://127.0.0.1/x", site.url("/news/seafarers-agreement")],
      dataDir: dir,
      limits,
    });
    expect(report.added.map((a) => a.path)).toEqual([FILE]);
    expect(report.failed).toEqual([
      { url: site.url("/front"), reason: "no article found on the page" },
      { url: site.url("/missing"), reason: "HTTP 404 Not Found" },
      { url: site.url("/report.pdf"), reason: "not an HTML page (application/pdf)" },
      { url: "ftp://127.0.0.1/x", reason: "not an http(s) URL (ftp:)" },
    ]);
  });

  it("stops with DATA_UNWRITABLE when the data folder cannot be created", async () => {
    const dir = await dirs.make("unwritable");
    await fs.writeFile(path.join(dir, "file"), "x");
    await expect(addUrls({ urls: [site.url("/news/seafarers-agreement")], dataDir: path.join(dir, "file", "articles"), limits })).rejects.toMatchObject({ code: "DATA_UNWRITABLE" });
  });

  it("makes the added article answerable after a re-index", async () => {
    const dir = await dirs.make("answerable");
    const indexDir = path.join(await dirs.make("index"), "index");
    await copyCorpus(dir);
    await addUrls({ urls: [site.url("/news/seafarers-agreement")], dataDir: dir, limits });
    const embedder = await realEmbedder();
    const indexed = await reindex({ dataDir: dir, indexDir, embedder });
    expect(indexed.added).toContain(FILE);
    expect(indexed.skipped).toEqual([]);
    const service = await openAnswerService({ indexDir, embedder, rarity: embedder, watch: false });
    try {
      const answer = await service.ask("Who chairs the Estonian Seafarers' Independent Union?");
      expect(answer.grounded).toBe(true);
      expect(answer.citations[0]).toMatchObject({ path: FILE, source: "Harbour Labour News", date: "2024-03-12", url: site.url("/news/seafarers-agreement") });
      expect([answer.answer, ...answer.citations.map((c) => c.quote)].join(" ")).toMatch(/Kalev Tamm/);
      const text = (await md(dir, FILE)).text;
      for (const c of answer.citations.filter((c) => c.path === FILE)) expect(quoteIsVerbatim(c.quote, text)).toBe(true);
    } finally {
      service.close();
    }
  });
});
