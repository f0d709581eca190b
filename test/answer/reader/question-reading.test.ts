import { describe, expect, it } from "vitest";
import { readQuestion, type QuestionReading, type ReadTerm } from "../../../src/answer/reader/question-reading.js";
import type { WordRarity } from "../../../src/core/word-rarity.js";
import { TermKeys } from "../../../src/text/term-keys.js";
import { fakeRarity, fakeVocabulary } from "../../helpers/reader.js";

/** Words of the (imagined) articles. */
const vocabulary = fakeVocabulary(
  "cooperation delegation delegates members union unions mayor baku minister labour iran kyrgyzstan ahik memorandums tehran woman babayev wages meeting hosted".split(" "),
);
const keys = new TermKeys();

function read(question: string, rarity: WordRarity = fakeRarity()): QuestionReading {
  return readQuestion(question, { vocabulary, rarity, keys });
}

function term(r: QuestionReading, word: string): ReadTerm {
  const t = r.terms.find((x) => x.term === word);
  if (t === undefined) throw new Error(`no term "${word}" in ${r.terms.map((x) => x.term).join(", ")}`);
  return t;
}

const words = (r: QuestionReading) => r.terms.map((t) => t.term);

describe("readQuestion: what the answer is", () => {
  it.each([
    ["Who met the delegation?", "person"],
    ["What is the first name of the mayor?", "person"],
    ["How many members does the union have?", "number"],
    ["What share of workers are women?", "number"],
    ["When did the delegation travel to Tehran?", "date"],
    ["What year was the memorandum signed?", "date"],
    ["Where did the delegation meet?", "place"],
    ["Which city hosted the meeting?", "place"],
    ["Which agency reported the visit?", "organization"],
    ["Which union hosted the delegation?", "organization"],
    ["Did the delegation travel to Tehran?", "yesno"],
    ["Has the union signed the memorandum?", "yesno"],
    ["What is FTUU?", "definition"],
    ["kesk = ?", "definition"],
    ["What did the delegation discuss?", "description"],
  ] as const)("%s → %s", (question, kind) => {
    expect(read(question).expects).toBe(kind);
  });
});

describe("readQuestion: chat spellings, contractions and typos", () => {
  it("expands contractions and chat words", () => {
    expect(read("whats the latest on wages").text).toBe("what is the latest on wages");
    expect(read("wat did ppl say about wages").text).toBe("what did people say about wages");
    const reps = read("who are the reps of ahik");
    expect(term(reps, "representatives").typed).toBe("reps");
  });

  it("reads a possessive typed without its apostrophe as the country", () => {
    const r = read("what did irans minister say");
    expect(term(r, "iran")).toMatchObject({ typed: "irans", kind: "place", country: "iran", required: true });
  });

  it("repairs a typo against the articles' words", () => {
    const r = read("Who hosted the coopration meeting?");
    expect(term(r, "cooperation").typed).toBe("coopration");
    expect(read("who met the delgates").text).toBe("who met the delegates");
  });

  it("repairs a typo against general English when the articles lack the word", () => {
    expect(term(read("Where did the goverment meet?"), "government").typed).toBe("goverment");
  });

  it("puts back a letter left out of a four-letter word, only when neither the articles nor English know it", () => {
    expect(term(read("which agency reported the unon visit"), "union").typed).toBe("unon");
    expect(words(read("who met the unon delegates", fakeRarity({ unon: 5_000 })))).toContain("unon");
    expect(words(read("who met the iran delegation"))).toContain("iran");
  });

  it("prefers the spelling English knows between variants of one stem", () => {
    const stemmed = fakeVocabulary(["countries"]);
    const countris = { ...stemmed, frequency: (t: string) => (["countries", "countris"].includes(t) ? 3 : stemmed.frequency(t)) };
    const r = readQuestion("which countres were represented", { vocabulary: countris, rarity: fakeRarity({ countries: 241 }), keys });
    expect(r.text).toBe("which countries were represented");
  });

  it("keeps a known English word, even one edit from a word of the articles", () => {
    const r = read("who met the women");
    expect(term(r, "women").typed).toBeUndefined();
  });

  it("corrects a rare English word only to a word of the articles", () => {
    const rarity = fakeRarity({ discus: 40_000 });
    expect(words(read("what did babayev discus", rarity))).toContain("discus");
    const withDiscuss = readQuestion("what did babayev discus", { vocabulary: fakeVocabulary(["discuss", "babayev"]), rarity, keys });
    expect(withDiscuss.text).toBe("what did babayev discuss");
  });
});

describe("readQuestion: terms", () => {
  it("requires names, places (lower case too), numbers and acronyms, not ordinary words", () => {
    const r = read("What did Babayev say about wages in georgia in 2019?");
    expect(term(r, "babayev")).toMatchObject({ kind: "name", required: true });
    expect(term(r, "georgia")).toMatchObject({ kind: "place", country: "georgia", required: true });
    expect(term(r, "2019")).toMatchObject({ kind: "number", required: true });
    expect(term(r, "wages")).toMatchObject({ kind: "content", required: false });
    const acr = read("What did the ILO and AHIK discuss at the 108th session?");
    expect(term(acr, "ilo")).toMatchObject({ kind: "acronym", required: true });
    expect(term(acr, "ilo").expansions).toContain("international labour organization");
    expect(term(acr, "ahik")).toMatchObject({ kind: "acronym", required: true });
    expect(term(acr, "108th")).toMatchObject({ kind: "number", required: true });
  });

  it("drops question words, stopwords and the answer's type noun after which/what", () => {
    expect(words(read("Which city hosted the meeting?"))).toEqual(["hosted", "meeting"]);
    expect(words(read("What year was the memorandum signed?"))).not.toContain("year");
    expect(words(read("Who visited the city?"))).toContain("city");
  });
});

describe("readQuestion: what is asked about", () => {
  it("finds the role and whose it is", () => {
    const mayor = read("who is the mayor of baku");
    expect(mayor.role?.role.term).toBe("mayor");
    expect(mayor.role?.role.required).toBe(true);
    expect(mayor.role?.of.map((t) => t.term)).toEqual(["baku"]);
    expect(mayor.focus?.term).toBe("mayor");
    const minister = read("who is kyrgyzstan's labour minister");
    expect(minister.role?.role.term).toBe("minister");
    expect(minister.role?.of.map((t) => t.term)).toEqual(["kyrgyzstan"]);
    expect(read("who chairs AHIK?").role?.of.map((t) => t.term)).toEqual(["ahik"]);
    expect(read("What did the delegation discuss?").role).toBeNull();
  });

  it("finds the counted noun of 'how many', and makes it the focus unless it is just people", () => {
    const r = read("how many members does the union have");
    expect(r.counted?.term).toBe("members");
    expect(r.focus?.term).toBe("members");
    const people = read("how many people attended?");
    expect(people.counted?.term).toBe("people");
    expect(people.focus).toBeNull();
  });

  it("finds the thing asked about in 'what is the X like in …'", () => {
    expect(read("what is the traffic like in baku").focus?.term).toBe("traffic");
    expect(read("What did the delegation discuss?").focus).toBeNull();
  });
});

describe("readQuestion: constraints and intents", () => {
  it("reads years, recency and present tense", () => {
    const dated = read("who is the mayor of baku in 2019?");
    expect(dated.years).toEqual([2019]);
    expect(dated.presentTense).toBe(false);
    expect(read("who is the mayor of baku?").presentTense).toBe(true);
    expect(read("Who was the mayor of Baku?").presentTense).toBe(false);
    expect(read("whats the latest on wages").recency).toBe("latest");
    expect(read("What was the oldest agreement?").recency).toBe("earliest");
    expect(read("What did the delegation discuss?").recency).toBeNull();
  });

  it("expects a list for plural 'which' questions", () => {
    expect(read("Which delegations has AHIK hosted?").list).toBe(true);
    expect(read("Which memorandums are mentioned?").list).toBe(true);
    expect(read("Which union hosted the delegation?").list).toBe(false);
  });

  it("recognises questions about the collection, which are never off topic", () => {
    expect(read("what's new?").collection).toEqual({ ask: "news" });
    const year = read("What happened in 2021?");
    expect(year.collection).toEqual({ ask: "year", year: 2021 });
    expect(year.offTopic).toBe(false);
    expect(read("Who met the delegation?").collection).toBeNull();
  });

  it.each(["hello!", "write a poem", "what's the weather in Baku?", "tell me a joke"])("%s is off topic", (q) => {
    expect(read(q).offTopic).toBe(true);
  });

  it("is on topic for a question about the articles", () => {
    expect(read("Who met the delegation?").offTopic).toBe(false);
  });

  it("tells a past fact from a hope or plan", () => {
    expect(read("Did the delegation travel to Tehran?").pastFact).toBe(true);
    expect(read("When did the delegation travel to Tehran?").pastFact).toBe(true);
    expect(read("Did the minister plan to travel?").pastFact).toBe(false);
    expect(read("Is Babayev the minister?").pastFact).toBe(false);
  });

  it("sees a follow-up: a pronoun or 'and …' and no name of its own", () => {
    expect(read("what did he say about it?").refersBack).toBe(true);
    expect(read("and the wages?").refersBack).toBe(true);
    expect(read("What did Babayev say about it?").refersBack).toBe(false);
    expect(read("What did the delegation discuss?").refersBack).toBe(false);
  });

  it("sees a question about which outlet reported something", () => {
    expect(read("Which agency reported the visit?").asksSource).toBe(true);
    expect(read("Which union hosted the delegation?").asksSource).toBe(false);
  });
});

describe("readQuestion: full names", () => {
  const names = (q: string) => read(q).names.map((g) => g.map((t) => t.typed ?? t.term).join(" "));

  it("keeps the organisations and people a question writes out", () => {
    expect(names("Where did the Kyrgyz Confederation of Labour and the Ukrainian Union of Metal and Mining Workers hold their training?")).toEqual([
      "kyrgyz confederation labour",
      "ukrainian union metal mining workers",
    ]);
    expect(names("What did Kamila Rzayev discuss during the visit?")).toEqual(["kamila rzayev"]);
    expect(names("Who heads the Ministry of Labour and Social Protection of Belarus?")).toEqual(["ministry labour social protection belarus"]);
  });

  it("has none for single names, lower-case questions and acronyms", () => {
    expect(names("What did Babayev say?")).toEqual([]);
    expect(names("what did the kyrgyz confederation of labour sign")).toEqual([]);
    expect(names("What did the ILO Conference adopt?")).toEqual([]);
  });
});

describe("readQuestion: past facts after an opener", () => {
  it("reads 'so did…' and 'and was…' as asking whether something happened", () => {
    expect(read("so did an azerbaijani delegation end up going to tehran").pastFact).toBe(true);
    expect(read("and was the memorandum signed?").pastFact).toBe(true);
    expect(read("so what did they hope for?").pastFact).toBe(false);
  });
});

describe("readQuestion: what 'how many' counts", () => {
  it("takes the head noun, not its first modifier", () => {
    const r = read("How many disabled young people took part in the project?");
    expect(r.counted?.term).toBe("people");
    expect(r.countedModifiers.map((t) => t.term)).toEqual(["disabled", "young"]);
    expect(read("how many labour inspectors were trained").counted?.term).toBe("inspectors");
    expect(read("How many countries were represented?").counted?.term).toBe("countries");
  });
});

describe("readQuestion: typos two edits away", () => {
  it("repairs a long word English does not know to a word of the articles two edits away", async () => {
    const { NearWords } = await import("../../../src/text/near-words.js");
    const near = new NearWords(["conference", "delegation"]);
    const v = fakeVocabulary(["conference", "delegation", "labour"]);
    const r = readQuestion("who went to the labour coonfrence", { vocabulary: v, rarity: fakeRarity(), keys, nearWords: () => near });
    expect(r.text).toBe("who went to the labour conference");
    // A word English knows is left alone, and without the word list nothing changes.
    expect(readQuestion("who went to the labour coonfrence", { vocabulary: v, rarity: fakeRarity({ coonfrence: 50_000 }), keys, nearWords: () => near }).text).toContain("coonfrence");
    expect(readQuestion("who went to the labour coonfrence", { vocabulary: v, rarity: fakeRarity(), keys }).text).toContain("coonfrence");
  });
});

describe("readQuestion: British spellings", () => {
  it("leaves a British spelling alone when English knows its American twin", () => {
    const r = readQuestion("summarise the articles", { vocabulary: fakeVocabulary(["articles"]), rarity: fakeRarity({ summarise: 130_000, summarize: 40_000, summaries: 17_000 }), keys });
    expect(r.text).toBe("summarise the articles");
    expect(r.collection).toEqual({ ask: "summary" });
  });
});

describe("readQuestion: real words stay", () => {
  it("changes a word English knows only into a commoner one", () => {
    const v = fakeVocabulary(["bigger", "miners", "discuss"]);
    const rarity = fakeRarity({ diggers: 38_000, biggers: 80_000, discus: 40_000, discuss: 3_000 });
    expect(readQuestion("how many diggers were underground", { vocabulary: v, rarity, keys }).text).toContain("diggers");
    expect(readQuestion("what did they discus", { vocabulary: v, rarity, keys }).text).toBe("what did they discuss");
  });
});
