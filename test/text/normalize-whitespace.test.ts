import { describe, expect, it } from "vitest";
import { normalizeWhitespace } from "../../src/text/normalize-whitespace.js";

describe("normalizeWhitespace", () => {
  it("collapses every run of whitespace to one space and trims the ends", () => {
    expect(normalizeWhitespace("  The council\n\nmet\t\tin   Baku.  ")).toBe("The council met in Baku.");
    expect(normalizeWhitespace("a\r\nb")).toBe("a b");
  });

  it("treats Unicode spaces and line separators as whitespace", () => {
    expect(normalizeWhitespace("10\u00a0000\u2009people\u2028left\u3000today")).toBe("10 000 people left today");
  });

  it("leaves other characters alone: case, punctuation and zero-width characters", () => {
    expect(normalizeWhitespace("Azerbaijan’s “Labour” — ok")).toBe("Azerbaijan’s “Labour” — ok");
    expect(normalizeWhitespace("zero\u200bwidth")).toBe("zero\u200bwidth");
  });

  it("maps blank text to the empty string and is idempotent", () => {
    expect(normalizeWhitespace("")).toBe("");
    expect(normalizeWhitespace(" \n\t ")).toBe("");
    const once = normalizeWhitespace(" a \n b  c ");
    expect(once).toBe("a b c");
    expect(normalizeWhitespace(once)).toBe(once);
  });
});
