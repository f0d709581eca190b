import { describe, expect, it } from "vitest";
import { ArticleError } from "../../src/ingest/article-error.js";
import { parseHtml } from "../../src/ingest/parse-html.js";
import type { ParsedArticle } from "../../src/ingest/parsed-article.js";
import { FURNITURE_TEXTS, newsPage, SEAFARERS } from "../helpers/news-pages.js";

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <title>Example Times | Unions meet</title>
  <meta property="og:title" content="Unions &amp; ministers meet">
  <meta property="og:site_name" content="Example Times">
  <meta property="article:published_time" content="2024-03-05T23:00:00+04:00">
  <link rel="canonical" href="https://example.com/news/1">
  <link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">
  <style>p { color: red }</style>
  <script>var s = "<p>not text</p>";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <header><h1>Example Times</h1></header>
  <main>
    <article>
      <h1>Unions &amp; ministers   meet</h1>
      <p>First    paragraph with &ldquo;quotes&rdquo;
         and<br>a line break.</p>
      <div>Second <b>bold</b> <i>words</i>.</div>
      <aside>Related: something else</aside>
      <ul><li>One</li><li>Two</li></ul>
      <form><input name="q"><button>Subscribe</button></form>
      <!-- a comment -->
      <p hidden>Hidden text</p>
      <noscript>Enable JavaScript</noscript>
    </article>
  </main>
  <footer>© 2024 Example Times</footer>
</body>
</html>`;

function one(raw: string, relPath = "page.html"): ParsedArticle {
  const entries = parseHtml(raw, relPath);
  expect(entries).toHaveLength(1);
  const entry = entries[0];
  if (entry?.kind !== "article") throw new Error("expected an article");
  return entry;
}

describe("parseHtml", () => {
  it("extracts the article text as paragraphs without page furniture", () => {
    expect(one(PAGE).text).toBe(
      [
        "Unions & ministers meet",
        "First paragraph with “quotes” and\na line break.",
        "Second bold words.",
        "One",
        "Two",
      ].join("\n\n"),
    );
  });

  it("reads the declared metadata", () => {
    expect(one(PAGE).meta).toEqual({
      title: "Unions & ministers meet",
      source: "Example Times",
      date: "2024-03-05",
      url: "https://example.com/news/1",
      language: "en",
      license: "CC BY-SA 4.0",
    });
  });

  it("falls back to <h1>, <time datetime> and og:url; prefers <main> without <article>", () => {
    const html = `<html><head><title>Tab title</title><meta property="og:url" content="https://example.com/2"></head>
      <body><div class="menu">Menu</div><main><h1>Real  title</h1><time datetime="2023-01-02">2 Jan</time><p>Body text.</p></main></body></html>`;
    const article = one(html);
    expect(article.meta).toMatchObject({ title: "Real title", date: "2023-01-02", url: "https://example.com/2", source: "" });
    expect(article.text).toBe("Real title\n\n2 Jan\n\nBody text.");
  });

  it("uses <title> and meta name=date, and the whole body when there is no article or main", () => {
    const html = `<html><head><title>Only title</title><meta name="date" content="June 19, 2019"></head>
      <body><p>One.</p><p>Two &amp; three.</p></body></html>`;
    const article = one(html, "2019-06-18-x.html");
    expect(article.meta).toMatchObject({ title: "Only title", date: "2019-06-19", url: null });
    expect(article.text).toBe("One.\n\nTwo & three.");
  });

  it("keeps preformatted text as it is", () => {
    expect(one("<body><p>Intro</p><pre>  a\n    b</pre></body>").text).toBe("Intro\n\n  a\n    b");
  });

  it("drops a relative canonical link", () => {
    expect(one('<head><link rel="canonical" href="/news/1"></head><body><p>x</p></body>').meta.url).toBeNull();
  });

  it("skips a page without article text", () => {
    const run = () => parseHtml("<html><body><nav>Home</nav><script>x()</script></body></html>", "p.html");
    expect(run).toThrow(ArticleError);
    expect(run).toThrow("empty article");
  });

  it("takes a saved news page's article without byline, share buttons, cookie banner, related links or comments", () => {
    for (const paragraphs of [SEAFARERS.paragraphs, SEAFARERS.paragraphs.slice(0, 2)]) {
      const article = one(newsPage({ ...SEAFARERS, paragraphs }), "saved.html");
      for (const furniture of [...FURNITURE_TEXTS, "Jane Doe"]) expect(article.text).not.toContain(furniture);
      // The visible date line under the headline may stay (it is the article's own header).
      expect(article.text.split("\n\n").filter((p) => p !== "12 March 2024")).toEqual([SEAFARERS.title, ...paragraphs]);
    }
  });

  it("reads the outlet and date from JSON-LD when the page has no Open Graph tags", () => {
    const article = one(newsPage({ ...SEAFARERS, jsonLdOnly: true, siteName: "Dockside Wire", canonical: "https://news.example/a/1" }));
    expect(article.meta).toMatchObject({ title: SEAFARERS.title, source: "Dockside Wire", date: "2024-03-12", url: "https://news.example/a/1" });
  });
});
