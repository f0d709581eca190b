/**
 * The `npm run feeds` contract: FEEDS from the environment (URL|keyword,keyword), exit 0 when every
 * feed was read and every selected item added or already present, 1 when a feed or an item failed,
 * 2 on a fatal error; a second run of an unchanged feed is a 304 and adds nothing.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeedsReport } from "../../src/ingest/run-feeds.js";
import { atomFeed, NewsSite, rssFeed } from "../fakes/news-site.js";
import { runCli, runNpxTsx } from "../helpers/cli.js";
import { readManifestFile } from "../helpers/index-dir.js";
import { newsPage, PORT_SAFETY, SEAFARERS } from "../helpers/news-pages.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("feeds-cli");
let site: NewsSite;
let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  site = await NewsSite.start();
  site
    .page("/news/seafarers", newsPage({ ...SEAFARERS, canonical: site.url("/news/seafarers") }))
    .page("/news/port-safety", newsPage(PORT_SAFETY))
    .set("/rss.xml", {
      kind: "feed",
      type: "application/rss+xml",
      etag: 'W/"r1"',
      body: rssFeed([
        { title: SEAFARERS.title, link: "/news/seafarers", description: "A union agreement in Tallinn" },
        { title: "Weather: a cold week ahead", link: "/weather" },
      ]),
    })
    .set("/atom.xml", {
      kind: "feed",
      type: "application/atom+xml",
      etag: '"a1"',
      body: atomFeed([{ title: PORT_SAFETY.title, link: site.url("/news/port-safety"), summary: "Dockers agree rules" }]),
    });
  root = await dirs.make("root");
  env = { DATA_DIR: path.join(root, "articles"), INDEX_DIR: path.join(root, "index"), FEEDS: `${site.url("/rss.xml")}|union,labour ${site.url("/atom.xml")}` };
});
afterAll(async () => {
  await site.close();
  await dirs.cleanup();
});

describe("feeds CLI", () => {
  it("exit 0: adds the selected items (`npx tsx`), re-indexes, keeps the feeds' state next to the index", async () => {
    const result = await runNpxTsx("feeds.ts", [], { env, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`feed 1/2 ${site.url("/rss.xml")}`);
    expect(result.stderr).toContain(`fetching 1/2 ${site.url("/news/seafarers")}`);
    expect(result.stdout).toContain(`feed ${site.url("/rss.xml")}: 2 item(s), 1 selected`);
    expect(result.stdout).toMatch(/Added 2, already present 0, failed 0\./);
    expect(result.stdout).toMatch(/Re-indexed: 2 article\(s\)/);
    expect(site.hits("/weather")).toHaveLength(0);
    expect((await readManifestFile(env.INDEX_DIR ?? "")).articles).toHaveLength(2);
    const state = JSON.parse(await fs.readFile(path.join(root, "feeds-state.json"), "utf8")) as { feeds: Record<string, { etag: string }> };
    expect(state.feeds[site.url("/rss.xml")]?.etag).toBe('W/"r1"');
  });

  it("exit 0 and nothing new when the feeds are unchanged (304), with --json", async () => {
    const result = await runCli("feeds.ts", ["--json"], { env });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as FeedsReport;
    expect(report.feeds.map((f) => f.status)).toEqual(["not-modified", "not-modified"]);
    expect(report).toMatchObject({ checked: 0, added: [], present: [], failed: [], reindex: null });
  });

  it("exit 1 when a feed fails, naming it; the other feeds still run", async () => {
    const result = await runCli("feeds.ts", [], { env: { ...env, FEEDS: `${site.url("/gone.xml")} ${site.url("/rss.xml")}` } });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain(`! ${site.url("/gone.xml")}: feed: HTTP 404 Not Found`);
    expect(result.stdout).toContain(`feed ${site.url("/rss.xml")}: not modified`);
  });

  it("exit 0 with a hint when no feeds are configured; exit 2 for bad arguments", async () => {
    const none = await runCli("feeds.ts", [], { env: { ...env, FEEDS: "" } });
    expect(none.code).toBe(0);
    expect(none.stderr).toMatch(/No feeds configured: set FEEDS/);
    const bad = await runCli("feeds.ts", ["extra"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unexpected argument extra/);
  });
});
