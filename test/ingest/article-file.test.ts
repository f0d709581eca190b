import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articleFileName, renderArticleFile, slugify, writeArticleFile } from "../../src/ingest/article-file.js";
import { parseMarkdown } from "../../src/ingest/parse-markdown.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("article-file");
afterAll(() => dirs.cleanup());

const meta = { title: "Dockers: a new deal — “at last”", source: "Harbour Labour News", date: "2024-03-12", url: "https://news.example/a/1?x=1#y" };

describe("slugify", () => {
  it("makes lower-case words joined by dashes, drops Latin accents, keeps other scripts", () => {
    expect(slugify("Dockers vote: STRIKE in Sillamäe!", 60)).toBe("dockers-vote-strike-in-sillamae");
    expect(slugify("Профсоюзы Кыргызстана", 60)).toBe("профсоюзы-кыргызстана");
    expect(slugify("   ", 60)).toBe("");
  });

  it("cuts at a word boundary within the limit (a single long word is cut inside)", () => {
    expect(slugify("one two three four", 10)).toBe("one-two");
    expect(slugify("Supercalifragilistic", 5)).toBe("super");
  });
});

describe("article files", () => {
  it("names files <date>-<outlet>-<title>.md, or undated-…", () => {
    expect(articleFileName(meta)).toBe("2024-03-12-harbour-labour-news-dockers-a-new-deal-at-last.md");
    expect(articleFileName({ ...meta, date: null, source: "" })).toBe("undated-dockers-a-new-deal-at-last.md");
    expect(articleFileName({ ...meta, title: "!!!" })).toBe("2024-03-12-harbour-labour-news-article.md");
  });

  it("writes front matter the Markdown loader reads back exactly, and the text verbatim", () => {
    const text = "Dockers: a new deal\n\nFirst paragraph: with a colon.\nAnd a line break.\n\n--- not front matter";
    const file = renderArticleFile({ ...meta, language: "en" }, text);
    expect(file.startsWith("---\ntitle:")).toBe(true);
    const [entry] = parseMarkdown(file, "x.md");
    expect(entry).toEqual({ kind: "article", meta: { ...meta, language: "en" }, text });
    const undated = parseMarkdown(renderArticleFile({ ...meta, date: null }, "Body text here."), "undated-x.md");
    expect(undated[0]).toMatchObject({ meta: { date: null } });
  });

  it("never overwrites: a different article with the same name gets -2, -3", async () => {
    const dir = await dirs.make("write");
    const names = [];
    for (const n of [1, 2, 3]) names.push(await writeArticleFile({ dataDir: dir, meta, text: `Article number ${n}.` }));
    expect(names).toEqual([
      "2024-03-12-harbour-labour-news-dockers-a-new-deal-at-last.md",
      "2024-03-12-harbour-labour-news-dockers-a-new-deal-at-last-2.md",
      "2024-03-12-harbour-labour-news-dockers-a-new-deal-at-last-3.md",
    ]);
    for (const [i, name] of names.entries()) expect(await fs.readFile(path.join(dir, name), "utf8")).toContain(`Article number ${i + 1}.`);
    expect((await fs.readdir(dir)).filter((f) => f.startsWith("."))).toEqual([]); // no temporary files left
  });
});
