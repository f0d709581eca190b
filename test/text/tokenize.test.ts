import { describe, expect, it } from "vitest";
import { contentTerms, normalizeTerm, terms, tokenize } from "../../src/text/tokenize.js";

describe("normalizeTerm", () => {
  it("folds case, diacritics, compatibility forms and typographic apostrophes", () => {
    expect(normalizeTerm("ÉCOLE")).toBe("ecole");
    expect(normalizeTerm("Müller")).toBe("muller");
    expect(normalizeTerm("İstanbul")).toBe("istanbul");
    expect(normalizeTerm("d’été")).toBe("d'ete");
    expect(normalizeTerm("ﬁnance")).toBe("finance");
    expect(normalizeTerm("Bakı")).toBe("bakı"); // dotless ı is a letter of its own, not a diacritic
  });
});

describe("tokenize", () => {
  const text = "  Azerbaijan’s Café, ÉCOLE d’été — don't; 3.5 well-known İstanbul students’ union";

  it("gives offsets that map back to the original text", () => {
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const token of tokens) {
      expect(token.start).toBeGreaterThanOrEqual(previousEnd);
      expect(token.end).toBeGreaterThan(token.start);
      const original = text.slice(token.start, token.end);
      // The term is the original slice normalised, minus a possessive 's.
      expect(normalizeTerm(original).replace(/'s$/, "")).toBe(token.term);
      previousEnd = token.end;
    }
    const cafe = tokens.find((t) => t.term === "cafe");
    expect(cafe && text.slice(cafe.start, cafe.end)).toBe("Café");
  });

  it("folds diacritics, case and typographic apostrophes and drops the possessive 's", () => {
    expect(terms(text)).toEqual(["azerbaijan", "cafe", "ecole", "d'ete", "don't", "3", "5", "well", "known", "istanbul", "students", "union"]);
    const [possessive] = tokenize("Azerbaijan’s");
    expect(possessive).toEqual({ term: "azerbaijan", start: 0, end: 12 });
    expect(terms("JAMES'S and Baku’S")).toEqual(["james", "and", "baku"]);
    expect(terms("it's")).toEqual(["it"]);
  });

  it("keeps a trailing apostrophe and punctuation outside the token", () => {
    const [token] = tokenize("students’ ");
    expect(token).toEqual({ term: "students", start: 0, end: 8 });
    expect(terms("'quoted'")).toEqual(["quoted"]);
  });

  it("splits on punctuation and keeps non-Latin scripts", () => {
    expect(terms("Bakı, Баку; تهران 2019-06-19")).toEqual(["bakı", "баку", "تهران", "2019", "06", "19"]);
    expect(terms("")).toEqual([]);
    expect(terms(" — … !? ")).toEqual([]);
  });

  it("folds decomposed (combining-mark) diacritics like precomposed ones", () => {
    expect(terms("Mu\u0308ller Cafe\u0301 Jose\u0301")).toEqual(["muller", "cafe", "jose"]);
  });
});

describe("contentTerms", () => {
  it("drops stopwords, request words and one-letter words", () => {
    expect(contentTerms("Tell me about the unions in 2019: x, I, 5 and Baku's ministry, please")).toEqual(["unions", "2019", "baku", "ministry"]);
    expect(contentTerms("What's this? Who is it?")).toEqual([]);
    expect(contentTerms("THE Labour ministry")).toEqual(["labour", "ministry"]);
  });

  it("keeps two-letter words that are not stopwords", () => {
    expect(contentTerms("UN and EU officials")).toEqual(["un", "eu", "officials"]);
  });
});
