import { describe, expect, it } from "vitest";
import { collectionIntent } from "../../src/text/collection-intent.js";

const askOf = (q: string) => collectionIntent(q)?.ask ?? null;

describe("collectionIntent", () => {
  it("reads requests for news", () => {
    for (const q of ["what's new?", "What’s new?", "what is the latest", "anything new", "latest news", "recent articles", "any updates?", "news", "whats the most recent article", "the latest story"]) expect(collectionIntent(q)).toEqual({ ask: "news" });
    for (const q of ["what is the oldest article", "the earliest report you have"]) expect(collectionIntent(q)).toEqual({ ask: "oldest" });
    expect(askOf("what is the oldest union in Turkey?")).toBeNull();
  });

  it("reads requests for a summary", () => {
    for (const q of ["summarize the articles", "Please summarise them.", "sum up", "give me an overview of the sources", "what are the articles about?", "what do you know?", "what topics do the articles cover?", "give me a summary", "quick summary please", "tldr"]) {
      expect(askOf(q)).toBe("summary");
    }
  });

  it("reads a question about a year, with the year", () => {
    expect(collectionIntent("what happened in 2021?")).toEqual({ ask: "year", year: 2021 });
    expect(collectionIntent("Which events took place during 2019")).toEqual({ ask: "year", year: 2019 });
    expect(collectionIntent("what happened in the year 2012")).toEqual({ ask: "year", year: 2012 });
    expect(collectionIntent("anything in 2024?")).toEqual({ ask: "year", year: 2024 });
    expect(collectionIntent("2025")).toEqual({ ask: "year", year: 2025 });
    expect(collectionIntent("any news from 2021?")).toEqual({ ask: "year", year: 2021 });
    expect(collectionIntent("what happened in 1950")).toEqual({ ask: "year", year: 1950 });
  });

  it("takes only years from 1950 to 2099", () => {
    expect(collectionIntent("what happened in 1949?")).toBeNull();
    expect(collectionIntent("what happened in 2100?")).toBeNull();
  });

  it("reads questions about the countries, people and organisations named", () => {
    expect(collectionIntent("which countries are mentioned?")).toEqual({ ask: "countries" });
    expect(askOf("What countries appear in the articles?")).toBe("countries");
    expect(collectionIntent("which people are mentioned?")).toEqual({ ask: "people" });
    expect(askOf("what officials are named?")).toBe("people");
    expect(askOf("who is mentioned in the articles?")).toBe("people");
    expect(askOf("who is the minister mentioned in the article about Baku?")).toBeNull();
    expect(collectionIntent("what organizations are mentioned?")).toEqual({ ask: "organizations" });
    expect(askOf("which unions are named in the articles?")).toBe("organizations");
  });

  it("reads questions about the sources", () => {
    for (const q of ["what sources do you have?", "which news agencies?", "list the articles", "show me sources", "how many articles are there?"]) expect(collectionIntent(q)).toEqual({ ask: "sources" });
  });

  it("gives null for ordinary questions that mention a year", () => {
    expect(collectionIntent("what did babayev say in 2019?")).toBeNull();
    expect(collectionIntent("who signed the memorandum in 2019?")).toBeNull();
    expect(collectionIntent("what happened in 2021 in baku?")).toBeNull();
    expect(collectionIntent("what happened at the meeting in baku?")).toBeNull();
  });

  it("gives null for ordinary questions about countries, people or organisations", () => {
    expect(collectionIntent("which countries has azerbaijan discussed labour cooperation with?")).toBeNull();
    expect(collectionIntent("which countries did babayev visit?")).toBeNull();
    expect(collectionIntent("which people met in baku?")).toBeNull();
    expect(collectionIntent("which unions were involved in the strike?")).toBeNull();
  });

  it("gives null for other ordinary questions", () => {
    for (const q of ["who chairs the federation of trade unions of kyrgyzstan?", "is the news agency azertac state-owned?", "what is the minimum wage?", ""]) expect(collectionIntent(q)).toBeNull();
  });

  it("gives null for a question about what the articles say on a topic", () => {
    expect(collectionIntent("what do the articles say about the minimum wage?")).toBeNull();
  });

  it("gives null for a question about what is new in a topic", () => {
    expect(collectionIntent("what is new in the labour code?")).toBeNull();
  });
});
