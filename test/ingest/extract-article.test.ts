import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extract-article.js";
import { parseHtmlDocument } from "../../src/ingest/html-dom.js";
import { FURNITURE_TEXTS, newsPage, SEAFARERS } from "../helpers/news-pages.js";

function extract(html: string, fallback = false) {
  return extractArticle(parseHtmlDocument(html), { fallback });
}

describe("extractArticle", () => {
  it.each([
    ["a full article", SEAFARERS.paragraphs],
    ["a two-paragraph article (where Readability alone lets the newsletter and comments in)", SEAFARERS.paragraphs.slice(0, 2)],
    ["a one-paragraph item", SEAFARERS.paragraphs.slice(0, 1)],
  ])("keeps %s and nothing of the page around it", (_label, paragraphs) => {
    const article = extract(newsPage({ ...SEAFARERS, paragraphs }));
    expect(article?.method).toBe("readability");
    const text = article?.paragraphs.join("\n\n") ?? "";
    for (const furniture of FURNITURE_TEXTS) expect(text).not.toContain(furniture);
    expect(text).not.toContain("Jane Doe"); // the byline
    expect(text).not.toContain("Labour correspondent");
    for (const p of paragraphs) expect(article?.paragraphs).toContain(p);
  });

  it("starts with the headline, which Readability alone drops for repeating the page title", () => {
    const article = extract(newsPage(SEAFARERS));
    expect(article?.paragraphs[0]).toBe(SEAFARERS.title);
    expect(article?.paragraphs.filter((p) => p === SEAFARERS.title)).toHaveLength(1);
    expect(article?.byline).toBe("Jane Doe");
  });

  it("reports the text outside links, which tells an article from a list of headlines", () => {
    const article = extract(newsPage(SEAFARERS));
    expect(article?.proseChars).toBeGreaterThan(800);
    const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/news/${i}">Union news headline number ${i} about ports and wages</a></li>`).join("");
    const front = extract(`<html><head><title>Harbour Labour News</title></head><body><main><h1>Latest news</h1><ul>${links}</ul></main></body></html>`);
    expect(front === null || front.proseChars < 200).toBe(true);
  });

  it("finds nothing in a page of navigation and scripts; with fallback, a snippet still counts", () => {
    expect(extract("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", true)).toBeNull();
    expect(extract("<html><body><p>One short line.</p></body></html>")).toBeNull();
    expect(extract("<html><body><p>One short line.</p></body></html>", true)).toMatchObject({ method: "page", paragraphs: ["One short line."] });
  });

  it("leaves the document it was given unchanged", () => {
    const document = parseHtmlDocument(newsPage(SEAFARERS));
    const before = document.body.textContent;
    extractArticle(document);
    expect(document.body.textContent).toBe(before);
  });
});

describe("parseHtmlDocument", () => {
  it("gives fragments and pages without <body> a head and a body, in document order", () => {
    const fragment = parseHtmlDocument("<p>One</p><p>Two</p>");
    expect(fragment.body.textContent).toBe("OneTwo");
    const noBody = parseHtmlDocument("<html><head><title>T</title></head><p>Text</p></html>");
    expect(noBody.body.textContent).toBe("Text");
    const stray = parseHtmlDocument("<title>T</title><p>Text</p>");
    expect(stray.head.querySelector("title")?.textContent).toBe("T");
    expect(stray.body.textContent).toBe("Text");
    expect(parseHtmlDocument("plain words").body.textContent).toBe("plain words");
  });
});
