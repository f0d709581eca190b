import { describe, expect, it } from "vitest";
import { expandContraction, expandContractions } from "../../src/text/contractions.js";

describe("expandContraction", () => {
  it("expands contractions typed with or without the apostrophe", () => {
    expect(expandContraction("whats")).toBe("what is");
    expect(expandContraction("what's")).toBe("what is");
    expect(expandContraction("didnt")).toBe("did not");
    expect(expandContraction("didn't")).toBe("did not");
    expect(expandContraction("cannot")).toBe("can not");
    expect(expandContraction("im")).toBe("i am");
    expect(expandContraction("whore")).toBe("who are");
    expect(expandContraction("hasn't")).toBe("has not");
    expect(expandContraction("they're")).toBe("they are");
  });

  it("takes normalised words only: straight apostrophes, lower case", () => {
    expect(expandContraction("what’s")).toBeNull();
    expect(expandContraction("Whats")).toBeNull();
  });

  it("gives null for other words, possessives without an apostrophe included", () => {
    expect(expandContraction("irans")).toBeNull();
    expect(expandContraction("what")).toBeNull();
    expect(expandContraction("")).toBeNull();
  });

  it("gives null for words that name Object.prototype members", () => {
    expect(expandContraction("constructor")).toBeNull();
  });
});

describe("expandContractions", () => {
  it("expands word by word and keeps other text as written", () => {
    expect(expandContractions("whats the name of the ILO's head?")).toBe("what is the name of the ILO's head?");
    expect(expandContractions("who's there,  dont   ask")).toBe("who is there,  do not   ask");
  });

  it("accepts typographic apostrophes", () => {
    expect(expandContractions("what’s new, didn’t they")).toBe("what is new, did not they");
  });

  it("keeps a capital at the start of an expanded word", () => {
    expect(expandContractions("Whats new?")).toBe("What is new?");
    expect(expandContractions("DIDNT they sign")).toBe("Did not they sign");
    expect(expandContractions("I'm asking")).toBe("I am asking");
  });

  it("leaves text without contractions alone", () => {
    const text = "Irans labour minister met Babayev in Baku.";
    expect(expandContractions(text)).toBe(text);
    expect(expandContractions("")).toBe("");
  });
});
