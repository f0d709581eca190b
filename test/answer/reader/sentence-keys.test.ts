import { describe, expect, it } from "vitest";
import { readQuestion, type ReadTerm } from "../../../src/answer/reader/question-reading.js";
import { matchTerm, mergeSentenceKeys, positionsOf, sentenceKeys } from "../../../src/answer/reader/sentence-keys.js";
import { TermKeys } from "../../../src/text/term-keys.js";
import { fakeRarity, fakeVocabulary } from "../../helpers/reader.js";

const keys = new TermKeys();
const vocabulary = fakeVocabulary(["minister", "chairman", "session", "union"]);

/** The term `word` as the reader reads it in `question`. */
function termOf(question: string, word: string): ReadTerm {
  const t = readQuestion(question, { vocabulary, rarity: fakeRarity(), keys }).terms.find((x) => x.term === word);
  if (t === undefined) throw new Error(`no term ${word} in "${question}"`);
  return t;
}

const strength = (t: ReadTerm, sentence: string) => matchTerm(t, sentenceKeys(sentence, keys), keys);

describe("matchTerm", () => {
  it("finds the same word, in any inflection, at full strength", () => {
    const minister = termOf("What did the minister say?", "minister");
    expect(strength(minister, "The minister spoke.")).toBe(1);
    expect(strength(minister, "The ministers spoke.")).toBe(1);
    expect(strength(minister, "The chairman spoke.")).toBe(0);
  });

  it("finds a curated synonym a little weaker", () => {
    const chairman = termOf("Who is the chairman of the union?", "chairman");
    expect(strength(chairman, "The head of the union spoke.")).toBe(0.9);
  });

  it("finds a country by its demonym, and more weakly by a city", () => {
    const iranian = termOf("Who is the Iranian minister?", "iranian");
    expect(strength(iranian, "Iran's minister met the head.")).toBe(0.9);
    expect(strength(iranian, "Officials in Tehran met the leader.")).toBe(0.7);
    expect(strength(iranian, "Officials in Baku met the leader.")).toBe(0);
  });

  it("finds an acronym by its expansion", () => {
    const ilo = termOf("What did the ILO say?", "ilo");
    expect(strength(ilo, "The International Labour Organization met in Geneva.")).toBe(0.9);
    expect(strength(ilo, "The International Monetary Fund met in Geneva.")).toBe(0);
  });

  it("finds a transliterated name by its skeleton", () => {
    const babaev = termOf("What did Babaev say?", "babaev");
    expect(strength(babaev, "Babayev spoke in Kyrgyzstan.")).toBe(0.85);
    expect(strength(babaev, "Mehbaliyev spoke in Kyrgyzstan.")).toBe(0);
  });

  it("meets a figure written with or without its thousands separator", () => {
    const figure = termOf("is the minimum wage 85000 tenge?", "85000");
    expect(strength(figure, "The minimum wage was raised to 85,000 tenge.")).toBe(1);
    expect(strength(figure, "The minimum wage was raised to 85,500 tenge.")).toBe(0);
    expect(strength(figure, "It rose from 85 to 000 units.")).toBe(0);
  });

  it("finds a name typed as a possessive without its apostrophe", () => {
    const name = termOf("what is dzhumadildes position", "dzhumadildes");
    expect(strength(name, "Muradil Jumadilde, Chairman of the Federation, spoke.")).toBe(0.8);
    expect(strength(name, "Muradil Jumadil spoke.")).toBe(0);
  });

  it("finds initials a user made up for a name", () => {
    const ftuk = termOf("who heads ftuk?", "ftuk");
    expect(strength(ftuk, "AHIK met the delegates of the Federation of Trade Unions of Kyrgyzstan.")).toBe(0.85);
    expect(strength(ftuk, "AHIK met the delegates of the Federation of Trade Unions of Uzbekistan.")).toBe(0);
  });

  it("finds initials of a name that opens a sentence with 'The'", () => {
    const ftuk = termOf("who heads ftuk?", "ftuk");
    expect(strength(ftuk, "The Federation of Trade Unions of Kyrgyzstan hosted the session.")).toBe(0.85);
  });

  it("lets a number meet its ordinal", () => {
    const n = termOf("What happened at the 108 session?", "108");
    expect(n.kind).toBe("number");
    expect(strength(n, "The 108th session of the conference opened.")).toBe(1);
    expect(strength(n, "The 109th session of the conference opened.")).toBe(0);
  });

  it("matches in merged keys what any part holds", () => {
    const iranian = termOf("Who is the Iranian minister?", "iranian");
    const merged = mergeSentenceKeys([sentenceKeys("Officials met.", keys), sentenceKeys("They came from Iran.", keys)], keys);
    expect(matchTerm(iranian, merged, keys)).toBe(0.9);
  });
});

describe("positionsOf", () => {
  it("gives the token positions of a word and its synonyms", () => {
    const chairman = termOf("Who is the chairman of the union?", "chairman");
    expect(positionsOf(chairman, sentenceKeys("The chairman met the head of the union.", keys))).toEqual([1, 4]);
  });

  it("finds a country by its names but does not treat a city as its country", () => {
    const iranian = termOf("Who is the Iranian minister?", "iranian");
    expect(positionsOf(iranian, sentenceKeys("The Iranian minister met officials from Iran.", keys))).toEqual([1, 6]);
    const city = sentenceKeys("The minister met the officials in Tehran.", keys);
    expect(matchTerm(iranian, city, keys)).toBe(0.7);
    expect(positionsOf(iranian, city)).toEqual([]);
  });

  it("does not let a dateline place the sentence", () => {
    const iranian = termOf("Who is the Iranian minister?", "iranian");
    const filed = sentenceKeys("TEHRAN — The minister met the officials.", keys);
    expect(matchTerm(iranian, filed, keys)).toBe(0);
    expect(filed.tokens[0]?.term).toBe("the");
  });
});
