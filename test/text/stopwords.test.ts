import { describe, expect, it } from "vitest";
import { STOPWORDS } from "../../src/text/stopwords.js";
import { normalizeTerm } from "../../src/text/tokenize.js";

describe("STOPWORDS", () => {
  it("holds function words and the words that frame a request", () => {
    for (const word of ["the", "of", "and", "who", "what", "is", "tell", "me", "please", "explain", "describe", "s", "t"]) {
      expect(STOPWORDS.has(word), word).toBe(true);
    }
  });

  it("does not hold topic words", () => {
    for (const word of ["union", "unions", "labour", "labor", "minister", "wages", "azerbaijan", "kyrgyzstan", "2019"]) {
      expect(STOPWORDS.has(word), word).toBe(false);
    }
  });

  it("holds only normalised, non-empty words", () => {
    expect(STOPWORDS.has("")).toBe(false);
    expect(STOPWORDS.size).toBeGreaterThan(100);
    for (const word of STOPWORDS) {
      expect(word).toMatch(/^[a-z']+$/);
      expect(normalizeTerm(word)).toBe(word);
    }
  });
});
