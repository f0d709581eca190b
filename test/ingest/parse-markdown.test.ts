import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArticleError } from "../../src/ingest/article-error.js";
import { parseMarkdown } from "../../src/ingest/parse-markdown.js";
import type { ParsedArticle } from "../../src/ingest/parsed-article.js";

const DATA = fileURLToPath(new URL("../../data/articles/", import.meta.url));
const TEHRAN = "2019-06-19-tehran-times-azerbaijan-iran-labor.md";
const AZERTAC = "2025-11-04-azertac-kyrgyz-trade-unions.md";

function one(raw: string, relPath = "a.md"): ParsedArticle {
  const entries = parseMarkdown(raw, relPath);
  expect(entries).toHaveLength(1);
  const entry = entries[0];
  if (entry?.kind !== "article") throw new Error("expected an article");
  return entry;
}

function reasonOf(raw: string): string {
  try {
    parseMarkdown(raw, "a.md");
  } catch (error) {
    if (error instanceof ArticleError) return error.reason;
    throw error;
  }
  throw new Error("expected an ArticleError");
}

describe("parseMarkdown on the bundled corpus", () => {
  it("reads the Tehran Times front matter and keeps the body verbatim", () => {
    const raw = readFileSync(`${DATA}${TEHRAN}`, "utf8");
    const article = one(raw, TEHRAN);
    expect(article.meta).toEqual({
      title: "Azerbaijan calls for stronger ties with Iranian labor unions",
      source: "Tehran Times",
      date: "2019-06-19",
      url: "https://www.tehrantimes.com/news/437193/Azerbaijan-calls-for-stronger-ties-with-Iranian-labor-unions",
      language: "en",
      license: expect.stringContaining("CC BY 4.0") as unknown as string,
    });
    const body = raw.slice(raw.indexOf("\n---\n") + 5).trimEnd();
    expect(article.text).toBe(body);
    expect(article.text.startsWith("TEHRAN — Azerbaijan’s Minister")).toBe(true);
    // Inner whitespace (here a no-break space and a space) is kept, so quotes match the file exactly.
    expect(article.text).toContain("sector.\u00a0 He further");
  });

  it("reads the AZERTAC front matter with url: null", () => {
    const raw = readFileSync(`${DATA}${AZERTAC}`, "utf8");
    const article = one(raw, AZERTAC);
    expect(article.meta).toMatchObject({ source: "AZERTAC", date: "2025-11-04", url: null, language: "en" });
    expect(article.text.startsWith("Delegation of Kyrgyzstan Trade Unions")).toBe(true);
    expect(raw.includes(article.text)).toBe(true);
  });
});

describe("parseMarkdown", () => {
  it("removes exactly one blank line after the front matter", () => {
    expect(one("---\ntitle: T\n---\n\n\nBody.\n").text).toBe("\nBody.");
    expect(one("---\ntitle: T\n---\nBody.\n\n").text).toBe("Body.");
  });

  it("accepts YAML dates, date strings in other formats, and unparsable dates as null", () => {
    expect(one("---\ndate: !!timestamp 2025-11-04\n---\nBody.").meta.date).toBe("2025-11-04");
    expect(one("---\ndate: June 19, 2019\n---\nBody.").meta.date).toBe("2019-06-19");
    expect(one("---\ndate: 2019-06-19T10:00:00Z\n---\nBody.").meta.date).toBe("2019-06-19");
    expect(one("---\ndate: sometime\n---\nBody.").meta.date).toBeNull();
  });

  it("drops urls that are not http(s)", () => {
    expect(one("---\nurl: javascript:alert(1)\n---\nBody.").meta.url).toBeNull();
    expect(one("---\nurl: not a url\n---\nBody.").meta.url).toBeNull();
    expect(one("---\nurl: https://example.com/x\n---\nBody.").meta.url).toBe("https://example.com/x");
  });

  it("infers a missing title, source and date from the body and file name", () => {
    const raw = "---\nlanguage: en\n---\n# Unions meet\n\nBaku, March 3, AZERTAC\n\nThe unions met.";
    const article = one(raw, "news/2024-03-05-x.md");
    expect(article.meta).toEqual({ title: "Unions meet", source: "AZERTAC", date: "2024-03-03", url: null, language: "en" });
    expect(article.text).toBe("# Unions meet\n\nBaku, March 3, AZERTAC\n\nThe unions met.");
  });

  it("reads a file without front matter like plain text", () => {
    const article = one(" date 2025-11-04 The Azerbaijan State News Agency\n\nHeadline\n\nBaku, November 4, AZERTAC\n\nBody.");
    expect(article.meta).toMatchObject({ title: "Headline", source: "AZERTAC", date: "2025-11-04" });
    expect(article.text).toBe("Headline\n\nBaku, November 4, AZERTAC\n\nBody.");
  });

  it("skips broken YAML with a one-line reason", () => {
    const reason = reasonOf("---\ntitle: a: b\n---\nBody.");
    expect(reason).toMatch(/^invalid front matter: .+ \(line 2\)$/);
    expect(reason).not.toContain("\n");
    expect(reasonOf("---\ntitle: T\nBody without a closing line.")).toBe("invalid front matter: no closing --- line");
    expect(reasonOf("---\n- a list\n---\nBody.")).toBe("invalid front matter: expected key: value pairs");
  });

  it("skips an article whose body is empty", () => {
    expect(reasonOf("---\ntitle: T\n---\n")).toBe("empty article");
    expect(reasonOf("---\ntitle: T\n---\n \n\t\n")).toBe("empty article");
  });
});
