import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnswerService } from "../../src/compose.js";
import { readFeedsState } from "../../src/ingest/feed-state.js";
import { runFeeds, type RunFeedsOptions } from "../../src/ingest/run-feeds.js";
import { atomFeed, NewsSite, rssFeed } from "../fakes/news-site.js";
import { CountingEmbedder, realEmbedder } from "../helpers/embedders.js";
import { newsPage, PORT_SAFETY, SEAFARERS, SEAFARERS_FOLLOW_UP } from "../helpers/news-pages.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const limits = { timeoutMs: 2_000, maxBytes: 1_000_000, userAgent: "dossier-test/1.0" };
const dirs = tempDirs("run-feeds");
let site: NewsSite;

const SEAFARERS_FILE = "2024-03-12-harbour-labour-news-estonian-seafarers-and-nordic-transport-workers-sign.md";

function rss(extra: { title: string; link: string; description?: string }[] = []) {
  return rssFeed([
    { title: SEAFARERS.title, link: "/news/seafarers", description: "The Estonian Seafarers' Independent Union signs an agreement." },
    { title: "Tallinn derby ends in a draw", link: "/sport/derby", description: "Football results from the weekend." },
    { title: "First joint inspection on a ferry", link: "/news/inspection", description: "Labour inspectors from both unions visit Muuga." },
    ...extra,
  ]);
}

beforeAll(async () => {
  site = await NewsSite.start();
  site
    .page("/news/seafarers", newsPage({ ...SEAFARERS, canonical: site.url("/news/seafarers") }))
    .page("/news/inspection", newsPage({ ...SEAFARERS_FOLLOW_UP, canonical: site.url("/news/inspection") }))
    .page("/news/port-safety", newsPage({ ...PORT_SAFETY, siteName: "Dockside Wire", published: "2024-03-18T08:00:00+02:00" }))
    .page("/sport/derby", newsPage({ title: "Tallinn derby", paragraphs: ["A football match report that no keyword selects, long enough to be an article if it were fetched at all, which it must not be."] }))
    .page("/not-a-feed", "<!doctype html><html><body><p>Our new website</p></body></html>");
});
afterAll(async () => {
  await site.close();
  await dirs.cleanup();
});

async function setup(label: string): Promise<Omit<RunFeedsOptions, "sources">> {
  const root = await dirs.make(label);
  return { dataDir: path.join(root, "articles"), indexDir: path.join(root, "index"), limits, embedder: () => realEmbedder() };
}

describe("runFeeds", () => {
  it("adds the items the keywords select from an RSS and an Atom feed, re-indexes once, and a 304 means nothing new", async () => {
    site.set("/rss.xml", { kind: "feed", type: "application/rss+xml; charset=utf-8", body: rss(), etag: '"rss-1"' });
    site.set("/atom.xml", {
      kind: "feed",
      type: "application/atom+xml",
      lastModified: "Mon, 18 Mar 2024 08:00:00 GMT",
      body: atomFeed([
        { title: PORT_SAFETY.title, link: site.url("/news/port-safety"), summary: "Union safety rules for the ports" },
        { title: "Seafarers sign a deal", link: site.url("/news/seafarers"), summary: "The union agreement in Tallinn" },
      ]),
    });
    const base = await setup("both");
    const embedder = new CountingEmbedder(await realEmbedder());
    const sources = [
      { url: site.url("/rss.xml"), keywords: ["union", "labour"] },
      { url: site.url("/atom.xml"), keywords: ["union"] },
    ];
    const first = await runFeeds({ ...base, sources, embedder });
    expect(first.feeds).toEqual([
      { url: site.url("/rss.xml"), status: "fetched", items: 3, matched: 2 },
      { url: site.url("/atom.xml"), status: "fetched", items: 2, matched: 2 },
    ]);
    expect(first.checked).toBe(4);
    expect(first.failed).toEqual([]);
    expect(first.added.map((a) => [a.url, a.path])).toEqual([
      [site.url("/news/seafarers"), SEAFARERS_FILE],
      [site.url("/news/inspection"), SEAFARERS_FILE.replace(/\.md$/, "-2.md")],
      [site.url("/news/port-safety"), "2024-03-18-dockside-wire-finnish-and-estonian-dockers-agree-joint-safety-rules-for.md"],
    ]);
    expect(first.present).toEqual([]); // the seafarers link in both feeds is fetched once
    expect(site.hits("/news/seafarers")).toHaveLength(1);
    expect(site.hits("/sport/derby")).toHaveLength(0); // filtered out by the keywords, never fetched
    expect(first.reindex).toMatchObject({ ok: true, wrote: true, articles: 3 });

    const state = await readFeedsState(path.join(path.dirname(base.indexDir), "feeds-state.json"));
    expect(state.feeds[site.url("/rss.xml")]).toMatchObject({ etag: '"rss-1"', seen: { [site.url("/news/seafarers")]: SEAFARERS_FILE } });
    expect(state.feeds[site.url("/atom.xml")]).toMatchObject({ lastModified: "Mon, 18 Mar 2024 08:00:00 GMT" });

    embedder.reset();
    const second = await runFeeds({ ...base, sources, embedder });
    expect(second).toEqual({
      feeds: [
        { url: site.url("/rss.xml"), status: "not-modified", items: 0, matched: 0 },
        { url: site.url("/atom.xml"), status: "not-modified", items: 0, matched: 0 },
      ],
      checked: 0,
      added: [],
      present: [],
      failed: [],
      reindex: null,
    });
    expect(site.hits("/rss.xml").at(-1)?.headers["if-none-match"]).toBe('"rss-1"');
    expect(site.hits("/atom.xml").at(-1)?.headers["if-modified-since"]).toBe("Mon, 18 Mar 2024 08:00:00 GMT");
    expect(embedder.calls).toEqual([]);

    // The answer service opened on the index answers from the feeds' articles.
    const real = await realEmbedder();
    const service = await openAnswerService({ indexDir: base.indexDir, embedder: real, rarity: real, watch: false });
    try {
      const answer = await service.ask("Who is the president of the Finnish Port Workers' Union?");
      expect(answer.grounded).toBe(true);
      expect(answer.citations[0]).toMatchObject({ source: "Dockside Wire", date: "2024-03-18" });
      expect([answer.answer, ...answer.citations.map((c) => c.quote)].join(" ")).toMatch(/Harri Virtanen/);
    } finally {
      service.close();
    }
  });

  it("fetches only the new items of a changed feed; the others are already present", async () => {
    site.set("/changing.xml", { kind: "feed", type: "application/rss+xml", body: rss(), etag: '"c1"' });
    const base = await setup("changing");
    const sources = [{ url: site.url("/changing.xml"), keywords: ["union"] }];
    const first = await runFeeds({ ...base, sources });
    expect(first.added).toHaveLength(2);
    const before = site.hits("/news/seafarers").length;
    site.set("/changing.xml", {
      kind: "feed",
      type: "application/rss+xml",
      body: rss([{ title: PORT_SAFETY.title, link: "/news/port-safety", description: "Union rules" }]),
      etag: '"c2"',
    });
    const second = await runFeeds({ ...base, sources });
    expect(second.added.map((a) => a.url)).toEqual([site.url("/news/port-safety")]);
    expect(second.present.map((p) => p.url)).toEqual([site.url("/news/seafarers"), site.url("/news/inspection")]);
    expect(site.hits("/news/seafarers").length).toBe(before);
    expect(second.reindex).toMatchObject({ ok: true, articles: 3 });
  });

  it("skips an item whose page is already in the data folder (added by URL before)", async () => {
    site.set("/one.xml", { kind: "feed", type: "application/rss+xml", body: rssFeed([{ title: "Union deal", link: "/news/seafarers?utm_source=rss" }]) });
    const base = await setup("present");
    await fs.mkdir(base.dataDir, { recursive: true });
    await fs.writeFile(path.join(base.dataDir, "mine.md"), `---\ntitle: Mine\nsource: X\ndate: 2024-03-12\nurl: ${site.url("/news/seafarers")}\n---\nAlready here.\n`);
    const report = await runFeeds({ ...base, sources: [{ url: site.url("/one.xml"), keywords: [] }] });
    expect(report.added).toEqual([]);
    expect(report.present).toEqual([{ url: site.url("/news/seafarers?utm_source=rss"), path: "mine.md", match: "url" }]);
    expect(report.reindex).toBeNull();
  });

  it("reports a feed it cannot read, retries a failed item on the next run, and gives up after three", async () => {
    site.set("/broken-items.xml", { kind: "feed", type: "application/rss+xml", body: rssFeed([{ title: "Union news", link: "/news/gone" }]), etag: '"b1"' });
    const base = await setup("failures");
    const sources = [
      { url: site.url("/broken-items.xml"), keywords: [] },
      { url: site.url("/not-a-feed"), keywords: [] },
      { url: site.url("/no-feed-here.xml"), keywords: [] },
    ];
    const first = await runFeeds({ ...base, sources });
    expect(first.failed).toEqual([
      { url: site.url("/not-a-feed"), reason: "feed: not a feed (an HTML page)" },
      { url: site.url("/no-feed-here.xml"), reason: "feed: HTTP 404 Not Found" },
      { url: site.url("/news/gone"), reason: "HTTP 404 Not Found" },
    ]);
    expect(first.feeds.map((f) => f.status)).toEqual(["fetched", "failed", "failed"]);
    // The item failed, so the feed's ETag is not kept: the next run reads the feed in full and retries.
    for (let run = 2; run <= 3; run++) {
      const report = await runFeeds({ ...base, sources: sources.slice(0, 1) });
      expect(report.feeds[0]?.status).toBe("fetched");
      expect(report.failed).toEqual([{ url: site.url("/news/gone"), reason: "HTTP 404 Not Found" }]);
    }
    expect(site.hits("/news/gone")).toHaveLength(3);
    // Given up after three failed runs: the ETag is kept again, and the page is not asked for again.
    const fourth = await runFeeds({ ...base, sources: sources.slice(0, 1) });
    expect(fourth).toMatchObject({ feeds: [{ status: "not-modified" }], failed: [] });
    site.set("/broken-items.xml", { kind: "feed", type: "application/rss+xml", body: rssFeed([{ title: "Union news", link: "/news/gone" }]), etag: '"b2"' });
    const fifth = await runFeeds({ ...base, sources: sources.slice(0, 1) });
    expect(fifth).toMatchObject({ feeds: [{ status: "fetched" }], checked: 1, failed: [], added: [] });
    expect(site.hits("/news/gone")).toHaveLength(3);
  });

  it("stops when cancelled: no re-index, no failure counted, and the next run retries the item", async () => {
    site.set("/slow-item", { kind: "slow", delayMs: 3_000, body: "<p>late</p>" });
    site.set("/cancel.xml", {
      kind: "feed",
      type: "application/rss+xml",
      etag: '"x1"',
      body: rssFeed([
        { title: "Union news", link: "/news/seafarers" },
        { title: "Union news, slow", link: "/slow-item" },
        { title: "Union news, later", link: "/news/inspection" },
      ]),
    });
    const base = await setup("cancel");
    const sources = [{ url: site.url("/cancel.xml"), keywords: [] }];
    const controller = new AbortController();
    const report = await runFeeds({
      ...base,
      sources,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.kind === "item" && p.url.endsWith("/slow-item")) setTimeout(() => controller.abort(), 100);
      },
    });
    expect(report.added.map((a) => a.url)).toEqual([site.url("/news/seafarers")]);
    expect(report.failed).toEqual([
      { url: site.url("/slow-item"), reason: "cancelled" },
      { url: site.url("/news/inspection"), reason: "cancelled" },
    ]);
    expect(report.reindex).toBeNull();
    const state = await readFeedsState(path.join(path.dirname(base.indexDir), "feeds-state.json"));
    expect(state.reindexPending).toBe(true);
    expect(state.feeds[site.url("/cancel.xml")]).toMatchObject({ etag: null, failures: {} });

    site.set("/slow-item", { kind: "page", body: newsPage(PORT_SAFETY) });
    const next = await runFeeds({ ...base, sources });
    expect(next.added.map((a) => a.url)).toEqual([site.url("/slow-item"), site.url("/news/inspection")]);
    expect(next.reindex).toMatchObject({ ok: true, articles: 3 });
  });

  it("reports a failed re-index and re-indexes on the next run even when nothing is new", async () => {
    site.set("/reindex.xml", { kind: "feed", type: "application/rss+xml", etag: '"r1"', body: rssFeed([{ title: "Union deal", link: "/news/seafarers" }]) });
    const base = await setup("reindex-fails");
    const sources = [{ url: site.url("/reindex.xml"), keywords: [] }];
    const failing = new CountingEmbedder(await realEmbedder(), { failAfterCalls: 0 });
    const first = await runFeeds({ ...base, sources, embedder: failing });
    expect(first.added).toHaveLength(1);
    expect(first.reindex).toEqual({ ok: false, reason: expect.stringMatching(/./) as unknown as string });
    const second = await runFeeds({ ...base, sources });
    expect(second.feeds[0]?.status).toBe("not-modified");
    expect(second.reindex).toMatchObject({ ok: true, wrote: true, articles: 1 });
    const third = await runFeeds({ ...base, sources });
    expect(third.reindex).toBeNull();
  });

  it("runs one at a time", async () => {
    site.set("/slow-feed.xml", { kind: "slow", delayMs: 400, body: rssFeed([]) });
    const base = await setup("busy");
    const sources = [{ url: site.url("/slow-feed.xml"), keywords: [] }];
    const running = runFeeds({ ...base, sources });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(runFeeds({ ...base, sources })).rejects.toMatchObject({ code: "FEEDS_BUSY" });
    await running.catch(() => undefined);
    await expect(runFeeds({ ...base, sources })).resolves.toBeDefined(); // the lock was released
  });
});
