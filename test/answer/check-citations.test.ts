import { describe, expect, it } from "vitest";
import { checkCitations, type NumberedPassage } from "../../src/answer/check-citations.js";
import { splitSentences } from "../../src/text/split-sentences.js";
import type { IndexedArticle } from "../../src/index/loaded-index.js";

function article(id: string, text: string): IndexedArticle {
  return { id, path: id, hash: "h", title: `T ${id}`, source: "Wire", date: "2024-01-01", url: null, text, spans: splitSentences(text), ordinal: 0 };
}

const a = article("a.md", "The union met in Riga. It signed a wage deal with the port. Talks will resume in May.");
const b = article("b.md", "Dockers in Tallinn went on strike. The strike ended after two days.");
const passages: NumberedPassage[] = [
  { n: 1, article: a, start: 0, end: a.text.length },
  { n: 2, article: b, start: 0, end: b.text.length },
  { n: 3, article: a, start: 0, end: a.text.length },
];

describe("checkCitations", () => {
  it("quotes the passage sentence that best supports the citing sentence", () => {
    const r = checkCitations("The union signed a wage deal [1]. The Tallinn strike ended after two days [2].", passages);
    expect(r.grounded).toBe(true);
    expect(r.citations.map((c) => c.quote)).toEqual(["It signed a wage deal with the port.", "The strike ended after two days."]);
  });

  it("removes markers that point nowhere and renumbers in order of use", () => {
    const r = checkCitations("Dockers struck in Tallinn [2][9]. The union met in Riga [12, 1].", passages);
    expect(r.answer).toBe("Dockers struck in Tallinn [1]. The union met in Riga [2].");
    expect(r.citations.map((c) => c.path)).toEqual(["b.md", "a.md"]);
  });

  it("merges two passages that would quote the same sentence", () => {
    const r = checkCitations("The union met in Riga [1][3].", passages);
    expect(r.citations).toHaveLength(1);
    expect(r.answer).toBe("The union met in Riga [1].");
  });

  it("is not grounded when nothing valid is cited", () => {
    expect(checkCitations("The union met in Riga [5].", passages)).toMatchObject({ grounded: false, citations: [], answer: "The union met in Riga." });
    expect(checkCitations("No citation at all.", passages).grounded).toBe(false);
  });
});

describe("checkCitations with the model's own quotes", () => {
  const riga = { start: 0, end: "The union met in Riga.".length };
  it("quotes the verified sentence the model chose, with its translation, and drops markers without one", () => {
    const chosen = new Map([[1, { ...riga, translation: "Профсоюз встретился в Риге." }]]);
    const r = checkCitations("Профсоюз встретился в Риге [1]. Забастовка длилась два дня [2].", passages, chosen);
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0]).toMatchObject({ n: 1, path: "a.md", quote: "The union met in Riga.", translation: "Профсоюз встретился в Риге." });
    expect(r.answer).toBe("Профсоюз встретился в Риге [1]. Забастовка длилась два дня.");
  });

  it("is not grounded when no marker has a verified quote", () => {
    const r = checkCitations("The strike ended [2].", passages, new Map());
    expect(r.grounded).toBe(false);
    expect(r.citations).toEqual([]);
  });
});

describe("checkCitations and figures", () => {
  const c = article("c.md", "Wages rose to 85,000 manat in 2023. The rise was agreed by the council.");
  const withC: NumberedPassage[] = [{ n: 1, article: c, start: 0, end: c.text.length }, ...passages.slice(1)];
  it("keeps a sentence whose figures its cited article states, separators and Persian digits aside", () => {
    expect(checkCitations("Wages rose to 85000 manat [1].", withC).grounded).toBe(true);
    expect(checkCitations("دستمزد به ۸۵۰۰۰ منات رسید [1].", withC).grounded).toBe(true);
  });

  it("drops a sentence stating a figure none of its cited articles has", () => {
    const r = checkCitations("Wages rose to 95,000 manat [1]. The council agreed the rise [1].", withC);
    expect(r.answer).toBe("The council agreed the rise [1].");
    expect(checkCitations("Wages rose to 95,000 manat [1].", withC).grounded).toBe(false);
  });

  it("counts the article's date as stated: a year from the dateline is not invented", () => {
    const d = article("d.md", "The union met in Riga.");
    expect(checkCitations("The union met in Riga in 2024 [1].", [{ n: 1, article: d, start: 0, end: d.text.length }]).grounded).toBe(true);
  });
});
