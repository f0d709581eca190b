import { describe, expect, it } from "vitest";
import { ArticleError } from "../../src/ingest/article-error.js";
import { parseJson } from "../../src/ingest/parse-json.js";

function reasonOf(raw: string): string {
  try {
    parseJson(raw, "feed.json");
  } catch (error) {
    if (error instanceof ArticleError) return error.reason;
    throw error;
  }
  throw new Error("expected an ArticleError");
}

describe("parseJson", () => {
  it("reads one article object", () => {
    const raw = JSON.stringify({
      title: "Unions meet",
      text: "The unions met.\n\nThey  signed.\n",
      source: "Trend",
      date: "2024-03-05T10:00:00Z",
      url: "https://example.com/1",
      language: "en",
      license: "CC BY 4.0",
      extra: "ignored",
    });
    expect(parseJson(raw, "one.json")).toEqual([
      {
        kind: "article",
        text: "The unions met.\n\nThey  signed.",
        meta: {
          title: "Unions meet",
          source: "Trend",
          date: "2024-03-05",
          url: "https://example.com/1",
          language: "en",
          license: "CC BY 4.0",
        },
      },
    ]);
  });

  it("numbers the items of an array and skips only the bad ones", () => {
    const raw = JSON.stringify([
      { title: "A", text: "First." },
      { title: "B" },
      "not an object",
      { title: "D", text: "   " },
      { title: "E", text: "Fifth.", date: null, url: "ftp://x" },
    ]);
    const entries = parseJson(raw, "sub/feed.json");
    expect(entries).toEqual([
      { kind: "article", part: 1, text: "First.", meta: { title: "A", source: "", date: null, url: null } },
      { kind: "skipped", part: 2, reason: 'sub/feed.json#2: missing "text" (a non-empty string)' },
      { kind: "skipped", part: 3, reason: "sub/feed.json#3: not an article object" },
      { kind: "skipped", part: 4, reason: "sub/feed.json#4: empty article" },
      { kind: "article", part: 5, text: "Fifth.", meta: { title: "E", source: "", date: null, url: null } },
    ]);
  });

  it("infers what an item leaves out from its text and the file name", () => {
    const raw = JSON.stringify({ text: "Unions meet\n\nBaku, March 3, AZERTAC\n\nThe unions met." });
    const [entry] = parseJson(raw, "2024-03-azertac.json");
    expect(entry).toMatchObject({ meta: { title: "Unions meet", source: "AZERTAC", date: "2024-03-03" } });
  });

  it("skips broken JSON and JSON that holds no article, with one-line reasons", () => {
    const broken = reasonOf('{"title": "x", "text": ');
    expect(broken).toMatch(/^invalid JSON: /);
    expect(broken).not.toContain("\n");
    expect(reasonOf("42")).toBe("invalid JSON: expected an article object or an array of them");
    expect(reasonOf("[]")).toBe("empty article (empty JSON array)");
    expect(reasonOf('{"title": "x"}')).toBe('missing "text" (a non-empty string)');
    expect(reasonOf('{"text": ""}')).toBe("empty article");
  });
});
