/** Topic terms: stopwords and framing words dropped, stems as keys, names and places told apart. */
import { describe, expect, it } from "vitest";
import { topicTerms } from "../../src/report/topic-terms.js";

describe("topicTerms", () => {
  it("drops stopwords, framing words and punctuation and stems the rest", () => {
    expect(topicTerms("Did the articles discuss the minimum wages?!").map((t) => t.key)).toEqual(["minimum", "wage"]);
    expect(topicTerms("What about PENSIONS, pensions?").map((t) => t.key)).toEqual(["pension"]);
  });

  it("marks acronyms and capitalised words inside the sentence as names, kept as written", () => {
    const terms = topicTerms("Who heads the ITUC and Solidarność?");
    expect(terms).toEqual([
      { key: "head", surface: "heads", kind: "word" },
      { key: "ituc", surface: "ITUC", kind: "name" },
      { key: "solidarnosc", surface: "Solidarność", kind: "name" },
    ]);
  });

  it("marks known places, whether or not capitalised, and drops possessives", () => {
    expect(topicTerms("Azerbaijan's unions in baku")).toEqual([
      { key: "azerbaijan", surface: "Azerbaijan", kind: "place" },
      { key: "union", surface: "unions", kind: "word" },
      { key: "baku", surface: "baku", kind: "place" },
    ]);
  });

  it("gives nothing for a question without topic words", () => {
    expect(topicTerms("??? what is it?")).toEqual([]);
  });
});
