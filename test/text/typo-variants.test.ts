import { describe, expect, it } from "vitest";
import { insertionVariants, typoVariants } from "../../src/text/typo-variants.js";

describe("typoVariants", () => {
  const variants = typoVariants("union");

  it("drops each letter", () => {
    for (const w of ["nion", "uion", "unon", "unin", "unio"]) expect(variants).toContain(w);
  });

  it("adds a letter anywhere, ends included", () => {
    for (const w of ["aunion", "uxnion", "unionz", "unions"]) expect(variants).toContain(w);
  });

  it("changes each letter", () => {
    for (const w of ["onion", "uzion", "unian", "unioq"]) expect(variants).toContain(w);
  });

  it("swaps neighbouring letters only", () => {
    for (const w of ["nuion", "uinon", "unoin", "unino"]) expect(variants).toContain(w);
    expect(variants).not.toContain("inuon"); // u and i are not neighbours
  });

  it("reaches the words of typos one edit away", () => {
    expect(typoVariants("coopration")).toContain("cooperation");
    expect(typoVariants("betwen")).toContain("between");
    expect(typoVariants("kyrgz")).toContain("kyrgyz");
    expect(typoVariants("uinon")).toContain("union");
  });

  it("gives nothing two edits away", () => {
    expect(variants).not.toContain("unit");
    expect(variants).not.toContain("nuino");
  });

  it("excludes the word itself and repeats nothing", () => {
    expect(variants).not.toContain("union");
    expect(new Set(variants).size).toBe(variants.length);
    // 5 deletions + 4 swaps + 5·25 changes + 6·26 insertions, less the 5 insertions that double a letter both ways.
    expect(variants).toHaveLength(285);
  });

  it("handles repeated letters without giving the word back", () => {
    const same = typoVariants("aaaaa");
    expect(same).not.toContain("aaaaa");
    expect(same).toEqual(expect.arrayContaining(["aaaa", "aaaaaa", "baaaa", "aabaa"]));
    expect(new Set(same).size).toBe(same.length);
  });

  it("gives none for words under five letters", () => {
    expect(typoVariants("iran")).toEqual([]);
    expect(typoVariants("ilo")).toEqual([]);
    expect(typoVariants("")).toEqual([]);
    expect(typoVariants("wages")).not.toEqual([]);
  });

  it("gives none for words that are not lower-case ASCII letters", () => {
    for (const w of ["türkiye", "bakılı", "Union", "union1", "trade-union", "профсоюз"]) expect(typoVariants(w)).toEqual([]);
  });
});

describe("insertionVariants", () => {
  it("adds one letter anywhere, and nothing else", () => {
    const v = insertionVariants("unon");
    expect(v).toEqual(expect.arrayContaining(["union", "aunon", "unonz"]));
    expect(v).not.toContain("uno");
    expect(v).not.toContain("unan");
    expect(new Set(v).size).toBe(v.length);
    expect(insertionVariants("bakı")).toEqual([]);
  });
});
