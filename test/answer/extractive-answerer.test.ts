import { describe, expect, it } from "vitest";
import type { DraftAnswer } from "../../src/core/answerer.js";
import type { Passage, PassageArticle } from "../../src/core/passage.js";
import type { Vocabulary } from "../../src/core/vocabulary.js";
import type { WordRarity } from "../../src/core/word-rarity.js";
import { ExtractiveAnswerer } from "../../src/answer/extractive-answerer.js";
import { splitSentences } from "../../src/text/split-sentences.js";
import { stem } from "../../src/text/stem.js";
import { terms } from "../../src/text/tokenize.js";

function article(path: string, source: string, date: string | null, text: string): PassageArticle {
  return { id: path, path, title: `Title of ${path}`, source, date, url: `https://example.org/${path}`, text, spans: splitSentences(text) };
}

const riga = article(
  "riga.md",
  "Baltic Wire",
  "2024-03-05",
  "The Latvian dockers' union signed a wage agreement with the Riga port authority. Union chairman Aivars Ozols said the deal raises pay by eight percent for all members. " +
    "He added that talks on working hours would continue next year. The agreement covers 1,200 port workers in the city.",
);
const tallinn = article(
  "tallinn.md",
  "Nordic Times",
  null,
  "TALLINN — Dockers in Tallinn went on strike over unpaid overtime at the port. Estonian union leader Mari Tamm welcomed the outcome of the strike.",
);
const vilnius = article(
  "vilnius.md",
  "Lithuania Daily",
  "2024-05-01",
  "The Vilnius dockers' union signed a wage agreement with the port authority as well. The new contract starts in the summer for everyone at the docks.",
);
const corpus = [riga, tallinn, vilnius];

/** Words of general English by frequency rank; names are missing (rare). */
const ranks = new Map(
  Object.entries({ the: 1, said: 50, new: 50, year: 100, went: 100, city: 300, working: 300, union: 900, agreement: 800, deal: 700, pay: 600, talks: 900 }),
);
const rarity: WordRarity = { rank: (t) => ranks.get(t) ?? (/^\p{Ll}+$/u.test(t) && t.length < 9 ? 3_000 : undefined) };
const stems = new Set(corpus.flatMap((a) => terms(a.text).map(stem)));
const vocabulary: Vocabulary = { has: (t) => stems.has(stem(t)) };
const passagesOf = (articles: PassageArticle[]): Passage[] =>
  articles.map((a, i) => ({ article: a, start: 0, end: a.text.length, score: 1 - i / 10, similarity: 0.5, lexicalScore: 1 }));

async function ask(question: string, articles = corpus, options: { maxQuotes?: number } = {}): Promise<DraftAnswer> {
  return new ExtractiveAnswerer({ rarity, ...options }).answer({ question, passages: passagesOf(articles), vocabulary });
}

function expectConsistent(a: DraftAnswer): void {
  const numbers = a.citations.map((c) => c.n);
  for (const m of a.answer.matchAll(/\[(\d+)\]/g)) expect(numbers).toContain(Number(m[1]));
  expect(new Set(a.citations.map((c) => c.quote.toLowerCase())).size).toBe(a.citations.length);
  for (const c of a.citations) expect(corpus.find((x) => x.path === c.path)?.text).toContain(c.quote);
}

describe("ExtractiveAnswerer", () => {
  it("quotes the best sentence verbatim and cites its article", async () => {
    const a = await ask("How many workers does the agreement cover?");
    expect(a).toEqual({
      answer: "The agreement covers 1,200 port workers in the city. [1]",
      grounded: true,
      citations: [
        {
          n: 1,
          title: "Title of riga.md",
          source: "Baltic Wire",
          date: "2024-03-05",
          url: "https://example.org/riga.md",
          path: "riga.md",
          quote: "The agreement covers 1,200 port workers in the city.",
        },
      ],
    });
  });

  it("refuses without citations when a required name is in no passage", async () => {
    const a = await ask("Who chairs the Kazakh dockers' union?");
    expect(a).toMatchObject({ grounded: false, citations: [] });
    expect(a.answer).toMatch(/don't cover this/);
  });

  it("refuses requests that are not questions about the articles", async () => {
    for (const q of ["Write me a poem about the dockers' union", "hello"]) {
      const a = await ask(q);
      expect(a).toMatchObject({ grounded: false, citations: [] });
      expect(a.answer).toMatch(/^I can only answer questions about the indexed news articles/);
    }
  });

  it("quotes a sentence that starts with a pronoun together with the one before", async () => {
    const a = await ask("What did Ozols add about working hours?");
    expect(a.citations[0]?.quote).toBe(
      "Union chairman Aivars Ozols said the deal raises pay by eight percent for all members. He added that talks on working hours would continue next year.",
    );
  });

  it("answers when with the report date when the sentence has none", async () => {
    const a = await ask("When did the Riga dockers sign the wage agreement?", [riga]);
    expect(a.answer).toBe("Baltic Wire reported on 2024-03-05: The Latvian dockers' union signed a wage agreement with the Riga port authority. [1]");
  });

  it("adds no report date for an undated article, and drops the dateline from the answer but not the quote", async () => {
    const a = await ask("When did the dockers in Tallinn strike over unpaid overtime?", [tallinn]);
    expect(a.answer).toBe("Dockers in Tallinn went on strike over unpaid overtime at the port. [1]");
    expect(a.citations[0]?.quote).toBe("TALLINN — Dockers in Tallinn went on strike over unpaid overtime at the port.");
  });

  it("cites a second article that answers as well, up to maxQuotes", async () => {
    const a = await ask("Which dockers' unions signed a wage agreement?");
    expect(a.citations.map((c) => c.path)).toEqual(["riga.md", "vilnius.md"]);
    expect(a.answer).toMatch(/\[1\].*\[2\]$/);
    expectConsistent(a);
    const one = await ask("Which dockers' unions signed a wage agreement?", corpus, { maxQuotes: 1 });
    expect(one.citations).toHaveLength(1);
  });

  it("never repeats a quote, even when two outlets carry the same text", async () => {
    const copy = article("copy.md", "Other Wire", "2024-04-11", tallinn.text);
    const a = await ask("Why did the dockers in Tallinn strike?", [tallinn, copy, tallinn]);
    expect(a.citations).toHaveLength(1);
    expect(a.answer.match(/unpaid overtime/g)).toHaveLength(1);
  });

  it("has a citation for every [n], whatever is asked", async () => {
    for (const q of ["What did the dockers' union sign?", "Who is Mari Tamm?", "What starts in the summer?", "What did Ozols say?"]) {
      const a = await ask(q);
      expect(a.grounded, q).toBe(true);
      expectConsistent(a);
    }
  });

  // BUG (src/answer/answer-type-cues.ts:8): "may" counts as a month, so a plan with no date answers "when" (the same sentence with "will" is refused).
  it.fails("does not answer when with an undated plan that says may", async () => {
    const plan = article("plan.md", "Wire", "2024-01-01", "The Kaunas dockers union may sign a new wage deal with the port operator.");
    const a = await new ExtractiveAnswerer({ rarity }).answer({
      question: "When will the Kaunas dockers union sign the wage deal?",
      passages: passagesOf([plan]),
      vocabulary: { has: (t) => terms(plan.text).map(stem).includes(stem(t)) },
    });
    expect(a.grounded).toBe(false);
  });

  // BUG (src/answer/extractive-answerer.ts:213): any short sentence with "two"/"three"/… is taken to announce a list, so "after two days" drags the next, unrelated sentence into the quote.
  it.fails("does not extend a quote past a sentence that only mentions a number", async () => {
    const strike = article("s.md", "Wire", "2024-01-01", "The dockers strike in Tallinn ended after two days of talks. Officials from the ministry later visited the harbour in spring.");
    const a = await ask("How did the dockers strike in Tallinn end?", [strike]);
    expect(a.citations[0]?.quote).toBe("The dockers strike in Tallinn ended after two days of talks.");
  });
});
