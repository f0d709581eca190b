import { describe, expect, it } from "vitest";
import { collectionAnswer } from "../../../src/answer/reader/collection-answer.js";
import type { DraftAnswer } from "../../../src/core/answerer.js";
import type { Passage } from "../../../src/core/passage.js";
import { quoteIsVerbatim } from "../../../src/text/verify-quote.js";
import { articlePassage } from "../../helpers/reader.js";

/** Overview passages, newest first (as retrieval returns them for collection questions). */
const OVERVIEW: Passage[] = [
  articlePassage(
    "kg.md",
    "Kyrgyz unions visit Baku\nBAKU — A delegation of the Federation of Trade Unions of Kyrgyzstan visited Baku on Monday to study labour rights. Azerbaijan and Kyrgyzstan signed a memorandum.",
    { title: "Kyrgyz unions visit Baku", source: "AZERTAC", date: "2025-11-04" },
  ),
  articlePassage(
    "ir.md",
    "TEHRAN — The labour ministers of Iran and Azerbaijan met in Tehran to discuss migrant workers and wages. They agreed to meet again.",
    { title: "Iran and Azerbaijan discuss labour", source: "Tehran Times", date: "2021-03-02" },
  ),
  articlePassage(
    "ilo.md",
    "GENEVA — The International Labour Conference opened its 108th session in Geneva with delegates from Azerbaijan. It lasted two weeks.",
    { title: "ILO conference opens", source: "ILO News", date: "2019-06-10" },
  ),
];

/** Checks every quote is verbatim in its article and every [n] a citation. */
function checked(answer: DraftAnswer | null, passages: readonly Passage[] = OVERVIEW): DraftAnswer {
  if (answer === null) throw new Error("no answer");
  for (const c of answer.citations) {
    const text = passages.find((p) => p.article.path === c.path)?.article.text ?? "";
    expect(quoteIsVerbatim(c.quote, text), `quote [${c.n}]`).toBe(true);
  }
  for (const m of answer.answer.matchAll(/\[(\d+)\]/g)) expect(answer.citations.map((c) => c.n)).toContain(Number(m[1]));
  expect(answer.grounded).toBe(true);
  return answer;
}

describe("collectionAnswer", () => {
  it("lists the newest articles in the order given, each cited with its lead sentence", () => {
    const a = checked(collectionAnswer({ ask: "news" }, OVERVIEW));
    expect(a.answer).toBe(
      "The newest articles: Kyrgyz unions visit Baku (AZERTAC, 2025-11-04) [1]; Iran and Azerbaijan discuss labour (Tehran Times, 2021-03-02) [2]; ILO conference opens (ILO News, 2019-06-10) [3].",
    );
    expect(a.citations.map((c) => c.path)).toEqual(["kg.md", "ir.md", "ilo.md"]);
    // The lead sentence, not the headline line above it.
    expect(a.citations[0]?.quote).toBe("BAKU — A delegation of the Federation of Trade Unions of Kyrgyzstan visited Baku on Monday to study labour rights.");
  });

  it("reports what a year's articles say", () => {
    const a = checked(collectionAnswer({ ask: "year", year: 2021 }, [OVERVIEW[1] as Passage]));
    expect(a.answer).toMatch(/^In 2021 the articles report: Iran and Azerbaijan discuss labour \(Tehran Times, 2021-03-02\) \[1\]\.$/);
  });

  it("summarises the collection: how many articles, their dates and outlets, the newest", () => {
    const a = checked(collectionAnswer({ ask: "summary" }, OVERVIEW));
    expect(a.answer).toMatch(/^3 articles from 2019-06-10 to 2025-11-04 from AZERTAC, Tehran Times, ILO News; the newest: Kyrgyz unions visit Baku/);
    expect(a.citations).toHaveLength(3);
  });

  it("names the countries, most often first, each cited where it is named", () => {
    const a = checked(collectionAnswer({ ask: "countries" }, OVERVIEW));
    expect(a.answer).toMatch(/^Countries named in the articles, most often first: Azerbaijan \[\d\]/);
    for (const country of ["Kyrgyzstan", "Iran", "Switzerland"]) expect(a.answer).toContain(country);
    const cited = (country: string) => {
      const n = Number(new RegExp(`${country} \\[(\\d+)\\]`).exec(a.answer)?.[1]);
      return a.citations.find((c) => c.n === n)?.quote ?? "";
    };
    expect(cited("Iran")).toContain("Iran");
    expect(cited("Kyrgyzstan")).toContain("Kyrgyz");
    expect(cited("Switzerland")).toContain("Geneva");
  });

  it("cites the same sentence once however many items it backs", () => {
    const a = checked(collectionAnswer({ ask: "countries" }, OVERVIEW));
    const keys = a.citations.map((c) => `${c.path}|${c.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(a.citations.map((c) => c.n)).toEqual(a.citations.map((_, i) => i + 1));
  });

  it("lists five articles by name and counts the rest", () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      articlePassage(`n${i}.md`, `The union number ${i} met the ministry of labour in Baku to discuss wages.`, { title: `Story ${i}`, date: `2024-01-${String(20 - i)}` }),
    );
    const a = checked(collectionAnswer({ ask: "news" }, many), many);
    expect(a.citations).toHaveLength(5);
    expect(a.answer).toMatch(/Story 4 \(Test Wire, 2024-01-16\) \[5\]; and 2 more\.$/);
  });

  it("gives nothing without passages", () => {
    expect(collectionAnswer({ ask: "news" }, [])).toBeNull();
  });
});
