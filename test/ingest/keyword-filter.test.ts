import { describe, expect, it } from "vitest";
import { keywordMatcher } from "../../src/ingest/keyword-filter.js";

describe("keywordMatcher", () => {
  it("takes every item when a feed has no keywords", () => {
    expect(keywordMatcher([])({ title: "Anything" })).toBe(true);
  });

  it("matches a keyword at the start of a word in the title or summary, in any case", () => {
    const matches = keywordMatcher(["union", "labour"]);
    expect(matches({ title: "Dock UNIONS sign a deal" })).toBe(true);
    expect(matches({ title: "Ports", summary: "A trade-union agreement" })).toBe(true);
    expect(matches({ title: "Labour ministers meet" })).toBe(true);
    expect(matches({ title: "A family reunion in Tallinn" })).toBe(false);
    expect(matches({ title: "Football results", summary: "Nothing here" })).toBe(false);
    expect(matches({})).toBe(false);
  });

  it("treats keywords as text, not as patterns, and understands other scripts", () => {
    expect(keywordMatcher(["c++"])({ title: "Why C++ matters" })).toBe(true);
    expect(keywordMatcher(["профсоюз"])({ title: "Профсоюзы Кыргызстана" })).toBe(true);
  });
});
