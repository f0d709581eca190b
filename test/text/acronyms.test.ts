import { describe, expect, it } from "vitest";
import { commonExpansions, definedAcronyms, looksLikeAcronym } from "../../src/text/acronyms.js";

describe("commonExpansions", () => {
  it("expands common international acronyms in any case", () => {
    expect(commonExpansions("ILO")).toContain("international labour organization");
    expect(commonExpansions("ilo")).toEqual(commonExpansions("ILO"));
    expect(commonExpansions("MoU")).toEqual(["memorandum of understanding"]);
    expect(commonExpansions("ITUC")).toEqual(["international trade union confederation"]);
    expect(commonExpansions("EAEU")).toEqual(commonExpansions("EEU"));
  });

  it("takes acronyms that are also English words only when written in capitals", () => {
    expect(commonExpansions("WHO")).toEqual(["world health organization"]);
    expect(commonExpansions("who")).toEqual([]);
    expect(commonExpansions("Who")).toEqual([]);
    expect(commonExpansions("UN")).toEqual(["united nations"]);
    expect(commonExpansions("un")).toEqual([]);
    expect(commonExpansions("AI")).toEqual(["artificial intelligence"]);
    expect(commonExpansions("ai")).toEqual([]);
  });

  it("gives nothing for unknown words", () => {
    expect(commonExpansions("AHIK")).toEqual([]);
    expect(commonExpansions("union")).toEqual([]);
    expect(commonExpansions("")).toEqual([]);
  });

  it("gives nothing for words that name Object.prototype members", () => {
    expect(commonExpansions("constructor")).toEqual([]);
  });
});

describe("looksLikeAcronym", () => {
  it("accepts two to eight letters, mostly capitals", () => {
    for (const w of ["ILO", "MoU", "AHIK", "UN", "NGOs", "AZERTAC", "ABCDEFGH"]) expect(looksLikeAcronym(w)).toBe(true);
  });

  it("rejects ordinary, one-letter, too long and non-letter words", () => {
    for (const w of ["Baku", "ilo", "Un", "I", "ABCDEFGHI", "Türk-İş", "G20", "mOU"]) expect(looksLikeAcronym(w)).toBe(false);
  });
});

describe("definedAcronyms", () => {
  it("takes a long name whose letters start with the acronym's (a name in another language)", () => {
    expect([...definedAcronyms("Officials of the Azerbaijan Trade Unions Confederation (AHIK) said")]).toEqual([["ahik", "azerbaijan trade unions confederation"]]);
  });

  it("takes only the words whose initials spell the acronym", () => {
    const found = definedAcronyms("He spoke at the World Congress of the International Trade Union Confederation (ITUC) in Vienna.");
    expect([...found]).toEqual([["ituc", "international trade union confederation"]]);
  });

  it("takes the tail that holds the acronym's letters in order, with a folded key", () => {
    const found = definedAcronyms("the Confederation of Turkish Trade Unions (Türk-İş) asked for more");
    expect([...found]).toEqual([["turk-is", "turkish trade unions"]]);
  });

  it("finds several definitions in one text", () => {
    const found = definedAcronyms("The International Labour Organization (ILO) and the State Social Protection Fund (SSPF) met.");
    expect(Object.fromEntries(found)).toEqual({ ilo: "international labour organization", sspf: "state social protection fund" });
  });

  it("does not read a definition across a line break", () => {
    expect(definedAcronyms("the Azerbaijan Trade Unions\nConfederation (AHIK)").size).toBe(0);
    expect(definedAcronyms("the Azerbaijan Trade Unions Confederation\n(AHIK)").size).toBe(0);
  });

  it("rejects a place or a name that does not fit the acronym", () => {
    expect(definedAcronyms("Baku (AZERTAC)").size).toBe(0);
    expect(definedAcronyms("News from Baku (AZERTAC) today").size).toBe(0);
    expect(definedAcronyms("The Baku (AZERTAC)").size).toBe(0);
    expect(definedAcronyms("Ministry Of Labour (XYZ)").size).toBe(0);
  });

  it("needs a parenthesised acronym after capitalised words", () => {
    expect(definedAcronyms("the international labour organization (ilo)").size).toBe(0);
    expect(definedAcronyms("The International Labour Organization").size).toBe(0);
    expect(definedAcronyms("").size).toBe(0);
  });
});
