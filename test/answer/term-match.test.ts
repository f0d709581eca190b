import { describe, expect, it } from "vitest";
import { keysOf, matchStrength, mergeKeys } from "../../src/answer/term-match.js";
import { TermKeys } from "../../src/text/term-keys.js";

const termKeys = new TermKeys();
const keys = keysOf("Sahil Babaev of Kyrgyzstan met the unions; Iran’s labour talks in 2019 (international).", termKeys);
const strength = (term: string) => matchStrength(term, keys, termKeys);

describe("keysOf", () => {
  it("collects normalised words, their stems and their skeletons", () => {
    expect(keys.raw).toContain("iran"); // possessive dropped, apostrophe folded
    expect(keys.raw).toContain("unions");
    expect(keys.stems).toContain("union");
    expect(keys.stems).toContain("labor");
    expect(keys.skeletons).toContain("bbv");
    expect(keys.skeletons).not.toContain(null);
  });
});

describe("matchStrength", () => {
  it("is 1 for the word itself or any inflection of it", () => {
    for (const t of ["babaev", "unions", "union", "labor", "talking", "2019"]) expect(strength(t), t).toBe(1);
  });

  it("is 0.85 for a transliteration with the same consonant skeleton", () => {
    expect(strength("babayev")).toBe(0.85);
    expect(strength("sahel")).toBe(0.85);
  });

  it("is 0.75 for a shared prefix of at most four more letters", () => {
    expect(strength("kyrgyz")).toBe(0.75); // kyrgyzstan
    expect(strength("iranian")).toBe(0.75); // iran
    expect(strength("inter")).toBe(0.75); // international → "internat"
    expect(strength("kyrg")).toBe(0); // six letters short of kyrgyzstan
  });

  it("does not match prefixes of short stems or of numbers", () => {
    expect(strength("ira")).toBe(0);
    expect(strength("201")).toBe(0);
    expect(strength("20190")).toBe(0);
  });

  it("is 0 for a word that is not there", () => {
    expect(strength("strike")).toBe(0);
    expect(strength("meet")).toBe(0);
    expect(matchStrength("babaev", keysOf("", termKeys), termKeys)).toBe(0);
  });
});

describe("mergeKeys", () => {
  it("unites the keys of several texts without changing them", () => {
    const a = keysOf("Dockers struck", termKeys);
    const b = keysOf("Babayev spoke", termKeys);
    const merged = mergeKeys(a, b);
    expect(matchStrength("babaev", merged, termKeys)).toBe(0.85);
    expect(matchStrength("docker", merged, termKeys)).toBe(1);
    expect(merged.raw).toEqual(new Set(["dockers", "struck", "babayev", "spoke"]));
    expect(a.raw).toEqual(new Set(["dockers", "struck"]));
    expect(matchStrength("babaev", a, termKeys)).toBe(0);
    expect(mergeKeys().stems.size).toBe(0);
  });
});
