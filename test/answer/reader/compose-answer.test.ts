import { describe, expect, it } from "vitest";
import { ExtractiveReader } from "../../../src/answer/extractive-reader.js";
import type { DraftAnswer } from "../../../src/core/answerer.js";
import type { Passage } from "../../../src/core/passage.js";
import { quoteIsVerbatim } from "../../../src/text/verify-quote.js";
import { articlePassage, fakeRarity, vocabularyOf } from "../../helpers/reader.js";

const reader = new ExtractiveReader({ rarity: fakeRarity() });

/** The reader's answer, checked against the answer contract: verbatim quotes, every [n] a citation. */
async function ask(question: string, passages: readonly Passage[]): Promise<DraftAnswer> {
  const answer = await reader.answer({ question, passages, vocabulary: vocabularyOf(passages) });
  for (const c of answer.citations) {
    const article = passages.find((p) => p.article.path === c.path)?.article;
    expect(quoteIsVerbatim(c.quote, article?.text ?? ""), `quote [${c.n}] verbatim`).toBe(true);
  }
  for (const m of answer.answer.matchAll(/\[(\d+)\]/g)) expect(answer.citations.map((c) => c.n)).toContain(Number(m[1]));
  return answer;
}

const KYRGYZ = articlePassage(
  "kg.md",
  "BAKU — Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, visited AHIK on Monday. The guests studied labour rights.",
  { date: "2025-11-04" },
);
const IRAN = articlePassage(
  "ir.md",
  "TEHRAN — Iranian Labor Minister Mohammad Shariatmadari discussed wages with trade union leaders. The Iranian delegation met the minister in Baku.",
  { date: "2019-06-19" },
);
const ILC = articlePassage(
  "ilc.md",
  "GENEVA — The 108th session of the International Labour Conference opened on June 10. Over 6,000 delegates took part in the session. The memorandum was signed on October 14, 2019 in Geneva.",
  { date: "2019-06-21" },
);
const ALL = [KYRGYZ, IRAN, ILC];

describe("composeAnswer: one line by kind", () => {
  it("names a person with their role", async () => {
    const a = await ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?", ALL);
    expect(a.answer).toMatch(/^Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan \[1\]\.$/);
    expect(a.citations[0]?.path).toBe("kg.md");
    const minister = await ask("Who is the iranian labour minister?", ALL);
    expect(minister.answer).toMatch(/^Mohammad Shariatmadari, Iranian Labor Minister\b/);
  });

  it("does not answer 'who' with the person the question names", async () => {
    const met = articlePassage("met.md", "TEHRAN — Iranian Labor Minister Mohammad Shariatmadari met Sahil Babayev in Tehran.");
    expect((await ask("Who met Babayev?", [met])).answer).toMatch(/^Mohammad Shariatmadari\b/);
  });

  it("gives a date, with the article's year in brackets when it has none", async () => {
    expect((await ask("When did the 108th session open?", ALL)).answer).toBe("June 10 (2019) [1].");
    expect((await ask("When was the memorandum signed?", ALL)).answer).toBe("October 14, 2019 [1].");
  });

  it("gives a number with its unit", async () => {
    expect((await ask("How many delegates took part in the session?", ALL)).answer).toBe("Over 6,000 delegates [1].");
  });

  it("gives the place named after 'in', not the demonym", async () => {
    const a = await ask("Where did the Iranian delegation meet the minister?", ALL);
    expect(a.answer).toBe("Baku [1].");
    expect(a.citations[0]?.quote).toBe("The Iranian delegation met the minister in Baku.");
  });

  it("leaves the dateline out of the answer line but not out of the quote", async () => {
    const a = await ask("What did Shariatmadari discuss with trade union leaders?", ALL);
    expect(a.citations[0]?.quote.startsWith("TEHRAN — ")).toBe(true);
    expect(a.answer).not.toContain("TEHRAN");
    expect(a.answer).toMatch(/wages with trade union leaders/i);
  });
});

describe("composeAnswer: yes or no", () => {
  const SIGNED = articlePassage("signed.md", "After long talks, the union signed the agreement with the ministry of labour.");
  const REFUSED = articlePassage("refused.md", "After long talks, the federation did not sign the agreement with the ministry of labour.");

  it("says 'Yes — …' when the sentence says it plainly", async () => {
    const a = await ask("Did the union sign the agreement with the ministry?", [SIGNED]);
    expect(a.answer).toMatch(/^Yes — .*signed the agreement/);
    expect(a.grounded).toBe(true);
  });

  it("quotes a denial instead of turning it into a yes", async () => {
    const a = await ask("Did the federation sign the agreement with the ministry?", [REFUSED]);
    expect(a.answer).toMatch(/^The article says: .*did not sign the agreement/);
    expect(a.answer).not.toMatch(/^Yes/);
  });
});

describe("composeAnswer: lists", () => {
  const hosted = (id: string, guests: string, date: string) => articlePassage(id, `BAKU — AHIK hosted a delegation of ${guests} on Monday. The guests studied labour rights.`, { date });

  it("gives one item per article, each with its own citation", async () => {
    const passages = [hosted("kg.md", "Kyrgyz trade unions", "2025-11-04"), hosted("ir.md", "Iranian workers", "2024-05-02"), hosted("tr.md", "Turkish unions", "2023-03-01")];
    const a = await ask("Which delegations has AHIK hosted?", passages);
    expect(a.citations.map((c) => c.path).sort()).toEqual(["ir.md", "kg.md", "tr.md"]);
    const items = a.answer.replace(/\.$/, "").split("; ");
    expect(items).toHaveLength(3);
    for (const [i, item] of items.entries()) expect(item).toMatch(new RegExp(`\\[${i + 1}\\]$`));
    for (const guests of ["Kyrgyz trade unions", "Iranian workers", "Turkish unions"]) expect(a.answer).toContain(guests);
  });

  it("gives the same item from several articles once, with all their citations", async () => {
    const passages = [hosted("a.md", "Kyrgyz trade unions", "2025-11-04"), hosted("b.md", "Kyrgyz trade unions", "2025-11-05")];
    const a = await ask("Which delegations has AHIK hosted?", passages);
    expect(a.citations).toHaveLength(2);
    expect(a.answer.match(/Kyrgyz trade unions/g)).toHaveLength(1);
    expect(a.answer).toMatch(/\[1\]\[2\]\.$/);
  });
});

describe("composeAnswer: how many of what", () => {
  it("answers with the number that counts the asked noun, even when the noun is in the question", async () => {
    const forum = articlePassage("forum.md", "The forum on pensions opened in Baku on Monday. A total of 62 delegates from 21 countries took part in the forum on pensions.");
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const answer = await reader.answer({ question: "Delegates from how many countries came to the forum on pensions?", passages: [forum], vocabulary: vocabularyOf([forum]) });
    expect(answer.answer).toMatch(/^21 countries/);
  });
});

describe("composeAnswer: the number the question's adjectives describe", () => {
  it("answers 'how many deadly accidents' with the fatal ones", async () => {
    const review = articlePassage("review.md", "The union published its annual review in Bishkek. Inspectors registered 213 industrial accidents in 2020, 61 of them fatal.");
    const answer = await new ExtractiveReader({ rarity: fakeRarity() }).answer({ question: "How many deadly accidents did inspectors register in 2020?", passages: [review], vocabulary: vocabularyOf([review]) });
    expect(answer.answer).toMatch(/^61\b/);
  });
});

describe("composeAnswer: who signed for a body", () => {
  it("names the person whose own words name the body the question names", async () => {
    const memo = articlePassage(
      "memo.md",
      "A memorandum on labour market data was signed in Sofia on Monday. Vasile Kovacs, head of the international department of the Bulgarian Union of Metal and Mining Workers, signed on behalf of the host side, while Jelena Georgiev, Secretary General, signed for the Romanian Confederation of Labour.",
    );
    const reader = new ExtractiveReader({ rarity: fakeRarity() });
    const ask = (question: string) => reader.answer({ question, passages: [memo], vocabulary: vocabularyOf([memo]) });
    expect((await ask("Who signed the memorandum for the Bulgarian Union of Metal and Mining Workers?")).answer).toMatch(/^Vasile Kovacs/);
    expect((await ask("Who signed the memorandum for the Romanian Confederation of Labour?")).answer).toMatch(/^Jelena Georgiev/);
  });
});

describe("composeAnswer: by how much", () => {
  it("answers a rise with its rate, not the head count beside it", async () => {
    const deal = articlePassage("deal.md", "A collective agreement for textile workers was signed in Hanoi on Monday. Around 62,700 workers fall under the agreement, which raises wages by 11 percent.");
    const answer = await new ExtractiveReader({ rarity: fakeRarity() }).answer({ question: "By how much will pay rise under the textile agreement?", passages: [deal], vocabulary: vocabularyOf([deal]) });
    expect(answer.answer).toMatch(/^11 percent/);
  });
});

describe("composeAnswer: a number with its own noun", () => {
  it("does not take '442 delegates' for 'how many countries' when '9 countries' follows", async () => {
    const forum = articlePassage("forum.md", "The forum on pensions opened in Ankara on Monday. A total of 442 delegates from 9 countries took part in the forum on pensions.");
    const answer = await new ExtractiveReader({ rarity: fakeRarity() }).answer({ question: "Delegates from how many countries came to the forum on pensions?", passages: [forum], vocabulary: vocabularyOf([forum]) });
    expect(answer.answer).toMatch(/^9 countries/);
  });
});

describe("composeAnswer: several of the asked kind in one sentence", () => {
  it("names every country the sentence gives for 'which countries'", async () => {
    const eaeu = articlePassage(
      "eaeu.md",
      "The pension agreement of the Eurasian Economic Union entered into force in St Petersburg. The pension agreement applies to citizens of Armenia, Belarus, Kazakhstan, Kyrgyzstan and Russia.",
    );
    const a = await ask("Which countries does the Eurasian Economic Union pension agreement cover?", [eaeu]);
    expect(a.answer).toMatch(/^Armenia, Belarus, Kazakhstan, Kyrgyzstan and Russia \[1\]/);
  });
});
