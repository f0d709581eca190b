import { describe, expect, it } from "vitest";
import { locateQuote, quoteIsVerbatim } from "../../src/text/verify-quote.js";

const ARTICLE = "Baku, November 4, AZERTAC\n\nA meeting was held at the Confederation.\nIt discussed   wages and\ntraining.";

describe("quoteIsVerbatim", () => {
  it("accepts exact substrings of the article", () => {
    expect(quoteIsVerbatim("A meeting was held at the Confederation.", ARTICLE)).toBe(true);
    expect(quoteIsVerbatim("Baku, November 4", ARTICLE)).toBe(true);
  });

  it("ignores differences in whitespace on both sides", () => {
    expect(quoteIsVerbatim("It discussed wages and training.", ARTICLE)).toBe(true);
    expect(quoteIsVerbatim("  Confederation. It\n discussed ", ARTICLE)).toBe(true);
    expect(quoteIsVerbatim("AZERTAC A meeting", ARTICLE)).toBe(true);
  });

  it("rejects paraphrases, changed case, changed punctuation and invented words", () => {
    expect(quoteIsVerbatim("A meeting took place at the Confederation.", ARTICLE)).toBe(false);
    expect(quoteIsVerbatim("a meeting was held", ARTICLE)).toBe(false);
    expect(quoteIsVerbatim("It discussed wages, and training.", ARTICLE)).toBe(false);
    expect(quoteIsVerbatim("heldat", ARTICLE)).toBe(false);
  });

  it("does not fold typographic quotes", () => {
    expect(quoteIsVerbatim("Iran's experience", "He cited Iran’s experience.")).toBe(false);
    expect(quoteIsVerbatim("Iran’s experience", "He cited Iran’s experience.")).toBe(true);
  });

  it("rejects empty and blank quotes", () => {
    expect(quoteIsVerbatim("", ARTICLE)).toBe(false);
    expect(quoteIsVerbatim(" \n\t", ARTICLE)).toBe(false);
    expect(quoteIsVerbatim("", "")).toBe(false);
  });
});

describe("locateQuote", () => {
  const text = "Baku, 4 November.\nThe Federation’s  chairman —\nMuradil Jumadilde — spoke.";
  it("finds a quote across line breaks and double spaces, with the original's offsets", () => {
    const at = locateQuote("The Federation’s chairman — Muradil Jumadilde", text);
    expect(at).not.toBeNull();
    expect(text.slice(at!.start, at!.end)).toBe("The Federation’s  chairman —\nMuradil Jumadilde");
  });

  it("matches retyped quotes and dashes, but no other change", () => {
    expect(locateQuote("The Federation's chairman - Muradil", text)).not.toBeNull();
    expect(locateQuote("The Federation's chairman, Muradil", text)).toBeNull();
    expect(locateQuote("the federation’s chairman", text)).toBeNull();
    expect(locateQuote("   ", text)).toBeNull();
  });
});
