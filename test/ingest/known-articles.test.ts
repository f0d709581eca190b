import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KnownArticles, urlKey } from "../../src/ingest/known-articles.js";
import { duplicateKey } from "../../src/ingest/load-articles.js";
import { copyCorpus, TEHRAN_ARTICLE } from "../helpers/articles.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("known-articles");
afterAll(() => dirs.cleanup());

describe("urlKey", () => {
  it("ignores scheme, www., fragment, trailing slash, tracking parameters and parameter order", () => {
    const key = urlKey("https://news.example/a/1?b=2&a=1");
    for (const same of ["http://www.news.example/a/1/?a=1&b=2", "https://NEWS.example/a/1?utm_source=rss&a=1&b=2&fbclid=x#top"]) {
      expect(urlKey(same)).toBe(key);
    }
    expect(urlKey("https://news.example/a/2?a=1&b=2")).not.toBe(key);
    expect(urlKey("https://news.example/a/1?a=1")).not.toBe(key);
    expect(urlKey("mailto:x@y")).toBeNull();
    expect(urlKey("nonsense")).toBeNull();
  });
});

describe("KnownArticles", () => {
  it("knows the url of every Markdown and JSON article and the text of each", async () => {
    const dir = await dirs.make("scan");
    await copyCorpus(dir);
    await fs.mkdir(path.join(dir, "sub"));
    await fs.writeFile(path.join(dir, "sub/feed.json"), JSON.stringify([{ title: "J", text: "Json article text.", url: "https://json.example/j" }]));
    await fs.writeFile(path.join(dir, "broken.md"), "---\ntitle: [\n---\nx");
    const known = await KnownArticles.scan(dir);
    expect(known.pathForUrl("http://www.tehrantimes.com/news/437193/Azerbaijan-calls-for-stronger-ties-with-Iranian-labor-unions/")).toBe(TEHRAN_ARTICLE);
    expect(known.pathForUrl("https://json.example/j")).toBe("sub/feed.json");
    expect(known.pathForContent(duplicateKey("Json   article\ntext."))).toBe("sub/feed.json");
    expect(known.pathForUrl("https://elsewhere.example/")).toBeUndefined();
    known.remember({ urls: ["https://new.example/n"], contentKey: "k", path: "new.md" });
    expect(known.pathForUrl("https://new.example/n/")).toBe("new.md");
    expect(known.pathForContent("k")).toBe("new.md");
  });
});
