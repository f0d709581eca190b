import { describe, expect, it } from "vitest";
import { articleHash, type HashInput } from "../../src/ingest/article-hash.js";

const base: HashInput = {
  title: "Unions meet",
  source: "AZERTAC",
  date: "2025-11-04",
  url: null,
  text: "A meeting was held.",
};

describe("articleHash", () => {
  it("is a sha256 hex digest, the same for the same content", () => {
    const hash = articleHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(articleHash({ ...base })).toBe(hash);
  });

  it("does not depend on the order of the keys", () => {
    const reordered: HashInput = { text: base.text, url: null, date: base.date, source: base.source, title: base.title };
    expect(articleHash(reordered)).toBe(articleHash(base));
  });

  it.each<[string, Partial<HashInput>]>([
    ["title", { title: "Unions met" }],
    ["source", { source: "Trend" }],
    ["date", { date: "2025-11-05" }],
    ["url", { url: "https://example.com/a" }],
    ["language", { language: "en" }],
    ["license", { license: "CC BY 4.0" }],
    ["text", { text: "A meeting was held!" }],
  ])("changes when the %s changes", (_field, change) => {
    expect(articleHash({ ...base, ...change })).not.toBe(articleHash(base));
  });

  it("changes when the date becomes unknown", () => {
    expect(articleHash({ ...base, date: null })).not.toBe(articleHash(base));
  });
});
