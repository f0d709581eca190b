import { describe, expect, it } from "vitest";
import type { NumberedPassage } from "../../src/answer/check-citations.js";
import { modelQuotes, readModelAnswer } from "../../src/answer/model-answer.js";
import type { IndexedArticle } from "../../src/index/loaded-index.js";
import { splitSentences } from "../../src/text/split-sentences.js";

function article(id: string, text: string): IndexedArticle {
  return { id, path: id, hash: "h", title: `T ${id}`, source: "Wire", date: "2024-01-01", url: null, text, spans: splitSentences(text), ordinal: 0 };
}

const a = article("a.md", "The union met in Riga on Monday. It signed a wage deal with the port authority. Talks resume in May.");
const passages: NumberedPassage[] = [
  { n: 1, article: a, start: 0, end: 32 },
  { n: 2, article: a, start: 33, end: a.text.length },
];

describe("readModelAnswer", () => {
  it("reads the answer, the covered flag and well-formed quotes, skipping malformed ones", () => {
    const r = readModelAnswer({
      covered: true,
      answer: " Signed a deal [2]. ",
      quotes: [{ passage: 2, quote: "It signed a wage deal", translation: " Подписал " }, { passage: "[1]", quote: "The union met" }, { passage: "x", quote: "q" }, { quote: "no passage" }, "junk"],
    });
    expect(r).toEqual({
      covered: true,
      answer: "Signed a deal [2].",
      quotes: [
        { passage: 2, quote: "It signed a wage deal", translation: "Подписал" },
        { passage: 1, quote: "The union met" },
      ],
    });
  });

  it("is null without answer text, and not covered when the model says so", () => {
    expect(readModelAnswer({ covered: true, answer: "" })).toBeNull();
    expect(readModelAnswer("text")).toBeNull();
    expect(readModelAnswer({ covered: false, answer: "" })).toEqual({ covered: false, answer: "", quotes: [] });
  });
});

describe("modelQuotes", () => {
  it("keeps a quote found in its passage's article and widens it to the whole sentence", () => {
    const { chosen, dropped } = modelQuotes([{ passage: 2, quote: "signed a wage deal with the port", translation: "подписал" }], passages);
    expect(dropped).toBe(0);
    const span = chosen.get(2)!;
    expect(a.text.slice(span.start, span.end)).toBe("It signed a wage deal with the port authority.");
    expect(span.translation).toBe("подписал");
  });

  it("accepts a sentence of the article outside the passage span (the same article)", () => {
    expect(modelQuotes([{ passage: 1, quote: "It signed a wage deal with the port authority." }], passages).chosen.has(1)).toBe(true);
  });

  it("drops reworded, invented, too-short and wrong-passage quotes", () => {
    const { chosen, dropped } = modelQuotes(
      [
        { passage: 1, quote: "The union gathered in Riga on Monday." },
        { passage: 2, quote: "Riga" },
        { passage: 7, quote: "The union met in Riga on Monday." },
      ],
      passages,
    );
    expect(chosen.size).toBe(0);
    expect(dropped).toBe(3);
  });

  it("keeps the first verified quote of a passage and no translation that only repeats the quote", () => {
    const { chosen } = modelQuotes(
      [
        { passage: 1, quote: "The union met in Riga on Monday.", translation: "The union met in Riga on Monday." },
        { passage: 1, quote: "Talks resume in May." },
      ],
      passages,
    );
    expect(chosen.get(1)).toEqual({ start: 0, end: 32 });
  });
});
