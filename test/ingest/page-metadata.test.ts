import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "../../src/ingest/html-dom.js";
import { readPageMetadata } from "../../src/ingest/page-metadata.js";
import { newsPage, SEAFARERS } from "../helpers/news-pages.js";

const read = (html: string, baseUrl?: string) => readPageMetadata(parseHtmlDocument(html), baseUrl === undefined ? {} : { baseUrl });

describe("readPageMetadata", () => {
  it("reads Open Graph and the canonical link", () => {
    expect(read(newsPage({ ...SEAFARERS, canonical: "https://news.example/a/1" }))).toEqual({
      title: SEAFARERS.title,
      siteName: "Harbour Labour News",
      date: "2024-03-12",
      canonicalUrl: "https://news.example/a/1",
      language: "en",
      license: null,
    });
  });

  it("reads JSON-LD (an @graph with a NewsArticle and its publisher) when there is no Open Graph", () => {
    const meta = read(newsPage({ ...SEAFARERS, jsonLdOnly: true, siteName: "Dockside Wire", published: "2023-12-31T23:30:00-05:00" }));
    expect(meta).toMatchObject({ title: SEAFARERS.title, siteName: "Dockside Wire", date: "2023-12-31" });
  });

  it("takes application-name for the outlet, strips it from the <title>, and reads itemprop dates", () => {
    const html = `<html><head><title>Dockers vote for strike – Port Gazette</title><meta name="application-name" content="Port Gazette"></head>
      <body><span itemprop="datePublished" content="2022-05-06">6 May</span><p>x</p></body></html>`;
    expect(read(html)).toMatchObject({ title: "Dockers vote for strike", siteName: "Port Gazette", date: "2022-05-06" });
  });

  it("prefers the publication date to a <time> elsewhere on the page", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-02-03"}</script></head>
      <body><header><time datetime="2025-01-01">Today</time></header><p>x</p></body></html>`;
    expect(read(html).date).toBe("2021-02-03");
  });

  it("skips unparsable dates and broken JSON-LD", () => {
    const html = `<html><head><meta property="article:published_time" content="sometime"><script type="application/ld+json">{ broken</script></head>
      <body><article><time datetime="2020-07-08T10:00:00Z">8 July</time></article></body></html>`;
    expect(read(html).date).toBe("2020-07-08");
  });

  it("resolves a relative canonical link against the page's address, and ignores one pointing at the home page", () => {
    expect(read('<head><link rel="canonical" href="/news/1?id=2"></head><body></body>', "http://127.0.0.1:9/x/y").canonicalUrl).toBe("http://127.0.0.1:9/news/1?id=2");
    expect(read('<head><link rel="canonical" href="/news/1"></head><body></body>').canonicalUrl).toBeNull();
    expect(read('<head><link rel="canonical" href="https://news.example/"></head><body></body>', "https://news.example/a/1").canonicalUrl).toBeNull();
    expect(read('<head><meta property="og:url" content="https://news.example/a/2"></head><body></body>', "https://news.example/a/2?utm_source=x").canonicalUrl).toBe("https://news.example/a/2");
    expect(read('<head><link rel="canonical" href="javascript:alert(1)"></head><body></body>', "https://news.example/a").canonicalUrl).toBeNull();
  });
});
