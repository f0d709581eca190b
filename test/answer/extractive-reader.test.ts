import { describe, expect, it } from "vitest";
import { ExtractiveReader } from "../../src/answer/extractive-reader.js";
import type { LanguageDetector } from "../../src/core/language-detector.js";
import { articlePassage, fakeRarity, fakeVocabulary, vocabularyOf } from "../helpers/reader.js";

const KYRGYZ = articlePassage(
  "kg.md",
  "BAKU — Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, visited AHIK on Monday. The guests studied labour rights in Baku.",
  { date: "2025-11-04", source: "AZERTAC" },
);
const IRAN = articlePassage("ir.md", "TEHRAN — Iranian Labor Minister Mohammad Shariatmadari discussed wages with trade union leaders.", { date: "2019-06-19" });
const ILO = articlePassage("ilo.md", "GENEVA — Over 6,000 delegates took part in the 108th session of the conference on June 10.", { date: "2019-06-21" });
const PASSAGES = [IRAN, ILO, KYRGYZ];
const vocabulary = vocabularyOf(PASSAGES);

/** A detector that always says `language` and counts its calls. */
function detector(language: string | null): LanguageDetector & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    detect: async (text) => {
      calls.push(text);
      return language;
    },
  };
}

describe("ExtractiveReader.answer refuses with a reason", () => {
  it("does not read a question in another language, and says so in it", async () => {
    const ru = detector("ru");
    const reader = new ExtractiveReader({ rarity: fakeRarity(), languageDetector: ru });
    const a = await reader.answer({ question: "Кто возглавляет Федерацию профсоюзов Кыргызстана?", passages: PASSAGES, vocabulary });
    expect(a).toMatchObject({ grounded: false, citations: [], reason: "unsupported_language", language: "ru" });
    expect(a.answer).toMatch(/^Пожалуйста/);
    expect(ru.calls).toHaveLength(1);
    const az = await new ExtractiveReader({ languageDetector: detector("az") }).answer({ question: "Federasiyaya kim rəhbərlik edir?", passages: PASSAGES, vocabulary });
    expect(az).toMatchObject({ reason: "unsupported_language", language: "az" });
  });

  it("reads a plainly English question without asking the detector", async () => {
    const d = detector("ru");
    const a = await new ExtractiveReader({ rarity: fakeRarity(), languageDetector: d }).answer({ question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?", passages: PASSAGES, vocabulary });
    expect(a.grounded).toBe(true);
    expect(a.answer).toMatch(/^Muradil Jumadilde/);
    expect(d.calls).toEqual([]);
  });

  it.each(["write a poem about trade unions", "what's the weather in Baku?", "hello!", "best restaurants in baku?", "can you translate hello into russian"])("%s is out of scope", async (question) => {
    const a = await new ExtractiveReader({ rarity: fakeRarity() }).answer({ question, passages: PASSAGES, vocabulary });
    expect(a).toMatchObject({ grounded: false, citations: [], reason: "out_of_scope", language: "en" });
  });

  it("says an answerable-looking question no passage supports is not covered", async () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const a = await reader.answer({ question: "Who chairs the Federation of Trade Unions of Kazakhstan?", passages: PASSAGES, vocabulary });
    expect(a).toMatchObject({ grounded: false, citations: [], reason: "not_covered" });
    const none = await reader.answer({ question: "How many delegates took part in the session?", passages: [], vocabulary });
    expect(none.reason).toBe("not_covered");
    // The articles' world: unemployment, or who holds an office, even where nothing answers it.
    expect((await reader.answer({ question: "What is the unemployment rate in Iran?", passages: [], vocabulary })).reason).toBe("not_covered");
    expect((await reader.answer({ question: "Who is the mayor of Baku?", passages: [], vocabulary })).reason).toBe("not_covered");
  });

  it("answers a question about the collection from the passages' leads", async () => {
    const a = await new ExtractiveReader().answer({ question: "what's new?", passages: [KYRGYZ, IRAN], vocabulary });
    expect(a.grounded).toBe(true);
    expect(a.answer).toMatch(/^The newest articles: /);
    expect(a.citations.map((c) => c.path)).toEqual(["kg.md", "ir.md"]);
  });
});

describe("ExtractiveReader.rerank", () => {
  it("puts the article with the best evidence first and keeps the others after, in their order", () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const ranked = reader.rerank("Who chairs the Federation of Trade Unions of Kyrgyzstan?", PASSAGES, vocabulary);
    expect(ranked.map((p) => p.article.id)).toEqual(["kg.md", "ir.md", "ilo.md"]);
    const reversed = reader.rerank("Who chairs the Federation of Trade Unions of Kyrgyzstan?", [ILO, IRAN, KYRGYZ], vocabulary);
    expect(reversed.map((p) => p.article.id)).toEqual(["kg.md", "ilo.md", "ir.md"]);
  });

  it("orders articles by their best evidence", () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const ranked = reader.rerank("How many delegates took part in the session?", PASSAGES, vocabulary);
    expect(ranked[0]?.article.id).toBe("ilo.md");
    expect(ranked).toHaveLength(3);
    expect(new Set(ranked)).toEqual(new Set(PASSAGES));
  });

  it("keeps retrieval's order for a question it will not answer from evidence", () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    expect(reader.rerank("what's new?", PASSAGES, vocabulary)).toEqual(PASSAGES);
    expect(reader.rerank("write a poem", PASSAGES, vocabulary)).toEqual(PASSAGES);
  });

  it("answers only from the passages it is given, even after re-ranking more", async () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const question = "Who chairs the Federation of Trade Unions of Kyrgyzstan?";
    const ranked = reader.rerank(question, PASSAGES, vocabulary);
    expect((await reader.answer({ question, passages: ranked.slice(0, 1), vocabulary })).citations.map((c) => c.path)).toEqual(["kg.md"]);
    const without = await reader.answer({ question, passages: [IRAN, ILO], vocabulary });
    expect(without).toMatchObject({ grounded: false, citations: [], reason: "not_covered" });
  });
});

describe("ExtractiveReader.searchText", () => {
  const words = fakeVocabulary(["cooperation", "meeting", "hosted"]);

  it("adds corrected words and acronym expansions to the question", () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const text = reader.searchText("Who hosted the coopration meeting with the ILO?", words);
    expect(text.startsWith("Who hosted the coopration meeting with the ILO?")).toBe(true);
    expect(text).toContain(" cooperation");
    expect(text).toContain("international labour organization");
  });

  it("spells out a demonym's country", () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    expect(reader.searchText("Who is the Iranian minister?", words)).toContain(" iran");
  });

  it("leaves a question that needs nothing added unchanged", () => {
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    expect(reader.searchText("Who hosted the meeting?", words)).toBe("Who hosted the meeting?");
  });
});

describe("ExtractiveReader: refusing a follow-up", () => {
  it("says 'not covered' for a follow-up it cannot answer, never 'out of scope'", async () => {
    const p = articlePassage("forum.md", "The forum on pensions opened in Baku on Monday.");
    const answer = await new ExtractiveReader({ rarity: fakeRarity() }).answer({ question: "how long did it last?", passages: [p], vocabulary: vocabularyOf([p]), followUp: { previousQuestion: "When did the forum open?" } });
    expect(answer.grounded).toBe(false);
    expect(answer.reason).toBe("not_covered");
  });
});
