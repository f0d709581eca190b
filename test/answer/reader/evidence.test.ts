import { describe, expect, it } from "vitest";
import { ExtractiveReader } from "../../../src/answer/extractive-reader.js";
import type { Evidence } from "../../../src/answer/reader/evidence.js";
import { readQuestion } from "../../../src/answer/reader/question-reading.js";
import type { Passage } from "../../../src/core/passage.js";
import { TermKeys } from "../../../src/text/term-keys.js";
import { articlePassage, fakeRarity, vocabularyOf } from "../../helpers/reader.js";

const rarity = fakeRarity();
const keys = new TermKeys();

/** The evidence windows the reader finds for `question` in `passages`, best first. */
function evidenceFor(question: string, passages: readonly Passage[]): Evidence[] {
  const vocabulary = vocabularyOf(passages);
  const reading = readQuestion(question, { vocabulary, rarity, keys });
  return new ExtractiveReader({ rarity }).evidence(reading, { passages, vocabulary });
}

const where = (ev: readonly Evidence[]) => ev.map((e) => `${e.article.id}#${e.sentence}`);

const MEETING = articlePassage(
  "meeting.md",
  "Trade union leaders gathered in Baku on Monday. The mayor of Ganja, Niyazi Bayramov, addressed them. Babayev spoke about wages in the region.",
  { date: "2019-06-19" },
);

describe("findEvidence: required terms", () => {
  it("finds no evidence when a required name is absent", () => {
    expect(where(evidenceFor("What did Babayev say about wages?", [MEETING]))).toEqual(["meeting.md#2"]);
    expect(evidenceFor("What did Mehbaliyev say about wages?", [MEETING])).toEqual([]);
  });

  it("finds no evidence when the year asked about is neither the article's nor named", () => {
    expect(evidenceFor("What did Babayev say about wages in 2019?", [MEETING])).not.toEqual([]);
    expect(evidenceFor("What did Babayev say about wages in 2021?", [MEETING])).toEqual([]);
    const named = articlePassage("named.md", "In a speech on Monday, Babayev recalled the wages of 2021 in the region.", { date: "2024-02-01" });
    expect(where(evidenceFor("What did Babayev say about wages in 2021?", [named]))).toEqual(["named.md#0"]);
  });

  it("takes an article whose title names the year asked about (filed the December before)", () => {
    const text = "The commission met four times in Ankara. The confederation had asked for a net minimum wage of 18,000 liras.";
    const forNextYear = articlePassage("wage.md", text, { date: "2023-12-27", title: "Minimum wage set at 17,002 liras for 2024" });
    expect(where(evidenceFor("What minimum wage had the confederation asked for in 2024?", [forNextYear]))).toContain("wage.md#1");
    const otherYear = articlePassage("wage.md", text, { date: "2023-12-27", title: "Minimum wage set at 17,002 liras" });
    expect(evidenceFor("What minimum wage had the confederation asked for in 2024?", [otherYear])).toEqual([]);
  });
});

describe("findEvidence: the role must be bound", () => {
  it("refuses the mayor of one city for the mayor of another", () => {
    expect(where(evidenceFor("Who is the mayor of Ganja?", [MEETING]))).toContain("meeting.md#1");
    expect(evidenceFor("Who is the mayor of Baku?", [MEETING])).toEqual([]);
  });

  it("does not let the dateline say whose role it is", () => {
    const filed = articlePassage("filed.md", "BAKU — The mayor of Ganja, Niyazi Bayramov, met trade union leaders on Monday.");
    expect(evidenceFor("Who is the mayor of Baku?", [filed])).toEqual([]);
  });

  it("binds a role to the country named right before it", () => {
    const iranian = articlePassage("iran.md", "TEHRAN — Iranian Labor Minister Mohammad Shariatmadari met trade union leaders on Monday.");
    expect(where(evidenceFor("Who is the iranian labour minister?", [iranian]))).toEqual(["iran.md#0"]);
  });

  it("does not bind a role to a country named after its holder", () => {
    const other = articlePassage("baku.md", "BAKU — Azerbaijan’s Minister of Labor Sahil Babayev met with Iranian unions on Monday.");
    expect(evidenceFor("Who is the iranian labour minister?", [other])).toEqual([]);
  });
});

describe("findEvidence: a count must count the asked noun", () => {
  it("takes '6,000 delegates' and not '187 member states' for 'how many delegates'", () => {
    const conference = articlePassage(
      "ilc.md",
      "Delegates from 187 member states came to the conference in Geneva. Over 6,000 delegates attended the conference this year.",
    );
    expect(where(evidenceFor("How many delegates attended the conference?", [conference]))).toEqual(["ilc.md#1"]);
  });
});

describe("findEvidence: a hope or plan never confirms a past fact", () => {
  const HOPE = articlePassage(
    "hope.md",
    "Babayev met Shariatmadari in Baku on Monday. He expressed hope that a delegation will travel to Tehran. The two sides signed a memorandum on labour cooperation.",
  );
  const TRIP = articlePassage("trip.md", "Union leaders met in Bishkek in September. The delegation travelled to Tehran in October.");

  it("takes the sentence that says it happened, not the one that hopes it will", () => {
    const found = where(evidenceFor("Did the delegation travel to Tehran?", [HOPE, TRIP]));
    expect(found).toContain("trip.md#1");
    expect(found).not.toContain("hope.md#1");
  });

  it("still finds the hope for a question that is not about a past fact", () => {
    expect(where(evidenceFor("Who hopes to travel to Tehran?", [HOPE]))).toContain("hope.md#1");
  });

  it("does not let the sentence after a hope confirm it", () => {
    expect(evidenceFor("Did the delegation travel to Tehran?", [HOPE])).toEqual([]);
  });
});

describe("findEvidence: a sentence that points back", () => {
  it("takes its subject from the sentence before ('It …')", () => {
    const article = articlePassage("ilo.md", "The ILO has 187 member states in the world. It was founded in 1919 after the war.");
    const [best] = evidenceFor("When was the ILO founded?", [article]);
    expect(best?.sentence).toBe(1);
    expect(best?.anaphoric).toBe(true);
    const matched = [...(best?.matched.entries() ?? [])].find(([t]) => t.term === "ilo");
    expect(matched?.[1]).toBeGreaterThan(0);
    expect(matched?.[1]).toBeLessThan(1);
  });

  it("reads 'The document …' as pointing back, a sentence with its own subject as not", () => {
    const mou = articlePassage(
      "mou.md",
      "AHIK and the federation signed a memorandum on Monday. The document envisages exchanging experience in vocational training.",
    );
    const found = evidenceFor("What does the memorandum between AHIK and the federation envisage?", [mou]);
    const pointing = found.find((e) => e.sentence === 1);
    expect(pointing?.anaphoric).toBe(true);
    const ahik = [...(pointing?.matched.keys() ?? [])].find((t) => t.term === "ahik");
    expect(ahik === undefined ? 0 : pointing?.matched.get(ahik)).toBeGreaterThan(0);
    expect(found.find((e) => e.sentence === 0)?.anaphoric).toBe(false);
  });
});

describe("findEvidence: full names", () => {
  const SWAPPED = articlePassage(
    "swapped.md",
    "Representatives of the Federation of Trade Unions of Ukraine, headed by Olga Pavlova, visited the Kyrgyz Union of Metal and Mining Workers in Bishkek. Igor Tamm briefed the guests on training.",
  );
  const LISTED = articlePassage(
    "listed.md",
    "The Ukrainian Confederation of Labour and the Egyptian Union of Teachers held a joint training in Lviv. Iran's Ministry of Cooperatives, Labour and Social Welfare sent observers.",
  );

  it("needs every organisation the question names as one name of the article, whatever the word order", () => {
    expect(evidenceFor("Where did the Kyrgyz Union of Metal and Mining Workers and the Federation of Trade Unions of Ukraine meet?", [SWAPPED])).not.toEqual([]);
    // Each word is in the article, but "Kyrgyz … Confederation of Labour" is not one of its names.
    expect(evidenceFor("Where did the Kyrgyz Confederation of Labour and the Ukrainian Union of Metal and Mining Workers meet?", [SWAPPED])).toEqual([]);
    // "and the" starts another name in the article too.
    expect(evidenceFor("Where did the Egyptian Confederation of Labour hold a joint training?", [LISTED])).toEqual([]);
    expect(evidenceFor("Where did the Ukrainian Confederation of Labour hold a joint training?", [LISTED])).not.toEqual([]);
  });

  it("reads a name across a comma and a country from its adjective", () => {
    expect(evidenceFor("What did the Iranian Ministry of Labour do?", [LISTED])).not.toEqual([]);
  });

  it("needs a person's full name, not a namesake", () => {
    expect(evidenceFor("What did Igor Tamm talk about?", [SWAPPED])).not.toEqual([]);
    expect(evidenceFor("What did Andrei Tamm talk about?", [SWAPPED])).toEqual([]);
    expect(evidenceFor("What did Tamm talk about?", [SWAPPED])).not.toEqual([]);
  });
});

describe("findEvidence: which official", () => {
  const TALKS = articlePassage(
    "talks.md",
    "Representatives of the Korean Confederation of Labour, headed by Minh Batjargal, visited the National Confederation of Employers of Ukraine. Talks with Dmitry Sidorenko, Chairman of the confederation, focused on wages.",
  );

  it("takes only a person, and not the one the question names", async () => {
    const ev = evidenceFor("Which official of the National Confederation of Employers of Ukraine held talks with Minh Batjargal?", [TALKS]);
    expect(where(ev)[0]).toBe("talks.md#1");
    const answer = await new ExtractiveReader({ rarity }).answer({ question: "Which official of the National Confederation of Employers of Ukraine held talks with Minh Batjargal?", passages: [TALKS], vocabulary: vocabularyOf([TALKS]) });
    expect(answer.answer).toMatch(/^Dmitry Sidorenko/);
  });

  it("answers a question about a named person's name with that person", async () => {
    const answer = await new ExtractiveReader({ rarity }).answer({ question: "What is Batjargal's first name?", passages: [TALKS], vocabulary: vocabularyOf([TALKS]) });
    expect(answer.answer).toMatch(/^Minh Batjargal/);
  });
});

describe("findEvidence: how many", () => {
  const VISIT = articlePassage(
    "visit.md",
    "A delegation from Turkey visited the Federation of Trade Unions of Poland. Founded in 1962, the Federation of Trade Unions of Poland represents about 528,000 members. In all, 17 people took part in the visit.",
  );

  it("rates the number of the counted noun itself above a number of members", () => {
    const ev = evidenceFor("How many people were in the Turkish delegation to the Federation of Trade Unions of Poland?", [VISIT]);
    const type = (i: number) => ev.find((e) => e.sentence === i)?.features.answerType;
    expect(type(2)).toBe(1);
    expect(type(1)).toBeLessThan(1);
    expect(where(evidenceFor("How many members does the Federation of Trade Unions of Poland have?", [VISIT]))[0]).toBe("visit.md#1");
  });
});

describe("findEvidence: a role of a body asked by its initials", () => {
  it("binds 'ftuk' to 'Chairman of the Federation of Trade Unions of Kyrgyzstan'", async () => {
    const p = articlePassage("ftuk.md", "The delegation arrived in Baku on Monday. Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, spoke about wages.");
    expect(where(evidenceFor("who heads ftuk", [p]))).toEqual(["ftuk.md#1"]);
    const answer = await new ExtractiveReader({ rarity }).answer({ question: "who heads ftuk", passages: [p], vocabulary: vocabularyOf([p]) });
    expect(answer.answer).toMatch(/^Muradil Jumadilde/);
  });

  it("says 'not covered', not 'out of scope', for the holder of an office no article names", async () => {
    const p = articlePassage("ftuk.md", "The delegation arrived in Baku on Monday.");
    const answer = await new ExtractiveReader({ rarity }).answer({ question: "who heads disk?", passages: [p], vocabulary: vocabularyOf([p]) });
    expect(answer.reason).toBe("not_covered");
  });
});

describe("findEvidence: the headline", () => {
  it("quotes the body, not the headline repeated at the top of the text", () => {
    const p = articlePassage("wage.md", "Iran raises minimum wage by 45 percent\n\nIran's Supreme Labour Council has voted to raise the minimum wage by 45 percent for the coming year.", {
      title: "Iran raises minimum wage by 45 percent",
    });
    expect(where(evidenceFor("How much did Iran raise the minimum wage?", [p]))).toEqual(["wage.md#1"]);
  });
});

describe("findEvidence: pointing back to nothing", () => {
  it("does not let 'The parties…' stand in for a person the sentence before does not name", () => {
    const p = articlePassage("talks.md", "Founded in 1935, the National Confederation of Employers of Tajikistan represents about 56,000 members. The parties also exchanged views on the labour market.");
    expect(evidenceFor("Which official of the National Confederation of Employers of Tajikistan exchanged views on the labour market?", [p])).toEqual([]);
  });
});

describe("findEvidence: the best articles are read whole", () => {
  const text =
    "A memorandum on legal aid was signed between the Turkish Union of Metal Workers and the Russian Education Workers' Union in Istanbul. " +
    "It was concluded for six years. Labour migration between the two countries has grown. " +
    "Kanat Hasanov, Chairman of the Turkish Union of Metal Workers, signed for the host side, while Igor Ozols signed for the Russian Education Workers' Union.";
  const lead = (p: Passage): Passage => ({ ...p, end: text.indexOf(" It was") });

  it("finds the signatory a paragraph below the passage that matched", () => {
    const ev = evidenceFor("Who signed the legal aid memorandum for the Russian Education Workers' Union?", [lead(articlePassage("mou.md", text))]);
    expect(ev[0]?.text).toContain("Igor Ozols");
  });

  it("reads whole the best three of the articles that name everything asked, and only the passages of the rest", () => {
    const question = "Who signed the legal aid memorandum for the Russian Education Workers' Union?";
    const others = ["a.md", "b.md", "c.md"].map((id) => articlePassage(id, "Trade unions met in Baku to talk about wages and training."));
    // An article lacking the asked names ranks behind one that has them, wherever retrieval put it.
    expect(evidenceFor(question, [...others, lead(articlePassage("mou.md", text))]).some((e) => e.text.includes("Igor Ozols"))).toBe(true);
    const alike = ["a.md", "b.md", "c.md"].map((id) => articlePassage(id, "The Russian Education Workers' Union signed a legal aid memorandum in Moscow."));
    expect(evidenceFor(question, [...alike, lead(articlePassage("mou.md", text))]).some((e) => e.text.includes("Igor Ozols"))).toBe(false);
  });
});

describe("findEvidence: years as bounds", () => {
  it("takes 'before 2020' and 'since 2021' as bounds on the article's year, not as years to name", () => {
    const old = articlePassage("old.md", "Babayev met the Iranian labour minister Ali Rabiei in Geneva.", { date: "2019-06-19" });
    const recent = articlePassage("new.md", "Babayev met the Iranian labour minister Ahmad Meydari in Geneva.", { date: "2023-06-10" });
    expect(where(evidenceFor("who did babayev meet in geneva before 2020", [old, recent]))).toEqual(["old.md#0"]);
    expect(where(evidenceFor("who did babayev meet in geneva since 2021", [old, recent]))).toEqual(["new.md#0"]);
    expect(evidenceFor("who did babayev meet in geneva in 2020", [old, recent])).toEqual([]);
  });
});

describe("findEvidence: the event asked about", () => {
  const p = articlePassage("min.md", "Labour Minister Sahil Babayev met the Iranian minister in Geneva on 12 June 2019. The unions called on parliament to ratify the ILO safety convention.", { date: "2019-06-19" });

  it("answers 'when was X appointed' only from a sentence about the appointment", () => {
    expect(evidenceFor("when was Sahil Babayev appointed labour minister?", [p])).toEqual([]);
    expect(where(evidenceFor("when did Sahil Babayev meet the Iranian minister?", [p]))).toEqual(["min.md#0"]);
  });

  it("does not take a call to do something as proof that it was done", () => {
    expect(evidenceFor("did parliament ratify the ILO safety convention?", [p])).toEqual([]);
    expect(where(evidenceFor("what did the unions call on parliament to do?", [p]))).toContain("min.md#1");
  });
});

describe("findEvidence: where something happened", () => {
  it("prefers the place an event was held in to where its people are from", () => {
    const p = articlePassage(
      "congress.md",
      "Delegates at the 5th World Congress elected Luca Visentini of Italy, defeating Türkiye's Kemal Özkan. The congress was held in Melbourne from 17 to 22 November.",
      { title: "Visentini elected" },
    );
    expect(where(evidenceFor("where was the 5th world congress held", [p]))[0]).toBe("congress.md#1");
  });
});

describe("findEvidence: how many", () => {
  it("prefers a figure that counts what happened to the people asked about over a vague crowd", () => {
    const p = articlePassage(
      "soma.md",
      "Thousands of workers across Turkey stopped work to mourn the miners killed in the mine disaster in Soma. By Thursday the authorities had confirmed 282 deaths in the Soma mine.",
    );
    expect(where(evidenceFor("how many people died in the soma mine disaster", [p]))[0]).toBe("soma.md#1");
  });
});

describe("findEvidence: whose role, and ages", () => {
  const p = articlePassage("ftuk.md", "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, met over 6,000 delegates in Bishkek.");

  it("does not take the chairman of a country's federation for the president of the country", () => {
    expect(evidenceFor("who is the president of kyrgyzstan", [p])).toEqual([]);
    expect(where(evidenceFor("who is the chairman of the federation of trade unions of kyrgyzstan", [p]))).toEqual(["ftuk.md#0"]);
  });

  it("answers 'how old' only with an age", () => {
    expect(evidenceFor("how old is Muradil Jumadilde", [p])).toEqual([]);
    const aged = articlePassage("age.md", "Muradil Jumadilde, 58 years old, has led the federation since 2021.");
    expect(where(evidenceFor("how old is Muradil Jumadilde", [aged]))).toEqual(["age.md#0"]);
  });
});

describe("findEvidence: sentences that point back", () => {
  it("reads 'Both sides…' and 'The talks…' with the sentence before", () => {
    const p = articlePassage("talks.md", "Babayev received the Uzbek delegation in Baku on Monday. The talks focused on occupational safety and migrant workers.");
    const ev = evidenceFor("what did babayev and the uzbek delegation talk about", [p]);
    expect(ev.find((e) => e.sentence === 1)?.anaphoric).toBe(true);
  });
});
