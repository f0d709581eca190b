import { describe, expect, it } from "vitest";
import { answerSpans, type SpanKind } from "../../../src/answer/reader/answer-spans.js";

/** The texts of the spans of one kind, each checked to be the slice of the sentence it claims. */
function spans(sentence: string, kind: SpanKind): string[] {
  const found = answerSpans(sentence).filter((s) => s.kind === kind);
  for (const s of found) expect(sentence.slice(s.start, s.end)).toBe(s.text);
  return found.map((s) => s.text);
}

describe("answerSpans: dates", () => {
  it.each([
    ["The conference was held on June 10-21 in Geneva.", "June 10-21"],
    ["The memorandum was signed on October 14, 2019 in Baku.", "October 14, 2019"],
    ["The forum opened on 8 December 2023.", "8 December 2023"],
    ["The law took effect in March 2022.", "March 2022"],
    ["The union was founded in 1995 and grew fast.", "1995"],
  ])("%s → %s", (sentence, date) => {
    expect(spans(sentence, "date")).toContain(date);
  });

  it("does not take the verb 'may' for the month", () => {
    expect(spans("They may sign it soon, the minister said.", "date")).toEqual([]);
    expect(spans("The talks took place in May 2019.", "date")).toEqual(["May 2019"]);
  });

  it("finds the year of a sentence that opens with it", () => {
    expect(spans("In 2019, the union grew by a third.", "date")).toEqual(["2019"]);
  });
});

describe("answerSpans: numbers and durations", () => {
  it("keeps what a number counts and the words that qualify it", () => {
    expect(spans("Over 6,000 delegates attended the session.", "number")).toEqual(["Over 6,000 delegates"]);
    expect(spans("Unemployment fell by 13 percent last year.", "number")).toEqual(["13 percent"]);
    expect(spans("The union has about 1.5 million members.", "number")).toEqual(["about 1.5 million members"]);
    expect(spans("The ILO has 187 member states.", "number")).toEqual(["187"]);
  });

  it("does not count an ordinal or a bare year", () => {
    expect(spans("The 108th session of the conference opened.", "number")).toEqual([]);
    expect(spans("The union grew in 2019.", "number")).toEqual([]);
    expect(spans("The union grew in 2019.", "date")).toEqual(["2019"]);
  });

  it("finds durations in words and digits", () => {
    expect(spans("The visit lasted two days.", "duration")).toEqual(["two days"]);
    expect(spans("The training lasts 10 days.", "duration")).toEqual(["10 days"]);
    expect(spans("The course lasted 3-5 weeks.", "duration")).toEqual(["3-5 weeks"]);
    expect(spans("Over 6,000 delegates attended the session.", "duration")).toEqual([]);
  });
});

describe("answerSpans: people", () => {
  it("takes a name followed by where the person is from", () => {
    const sentence = "Delegates re-elected Sharan Burrow of Australia as ITUC General Secretary.";
    expect(spans(sentence, "person")).toEqual(["Sharan Burrow"]);
    expect(spans(sentence, "place")).toEqual(["Australia"]);
  });

  it("takes no article for a first name", () => {
    expect(spans("An ILO official said the mission was independent.", "person")).toEqual([]);
    expect(spans("A Kyrgyz delegation led by Muradil Jumadilde arrived.", "person")).toEqual(["Muradil Jumadilde"]);
  });

  it("finds a name at the end of a long title", () => {
    const sentence = "Minister of Labour and Social Protection of the Population Svetlana Zhakupova met the delegation.";
    expect(spans(sentence, "person")).toEqual(["Svetlana Zhakupova"]);
  });

  it("drops the titles before a name", () => {
    expect(spans("Iranian Labor Minister Mohammad Shariatmadari met his counterpart.", "person")).toEqual(["Mohammad Shariatmadari"]);
    expect(spans("Deputy Minister Ali Hassan spoke first.", "person")).toEqual(["Ali Hassan"]);
  });

  it("finds a name before its role", () => {
    const sentence = "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, visited Baku.";
    expect(spans(sentence, "person")).toEqual(["Muradil Jumadilde"]);
  });

  it("does not take a document or a body for a person", () => {
    expect(spans("The sides signed a Memorandum of Understanding on cooperation.", "person")).toEqual([]);
    expect(spans("The International Labour Organization met in Geneva.", "person")).toEqual([]);
  });

  it("drops an honorific written with a full stop", () => {
    expect(spans("Mr. John Smith attended the meeting.", "person")).toEqual(["John Smith"]);
  });

  it("does not run a name into the weekday after it", () => {
    expect(spans("Mohammad Shariatmadari met Sahil Babayev on Monday.", "person")).toEqual(["Mohammad Shariatmadari", "Sahil Babayev"]);
  });
});

describe("answerSpans: organisations and places", () => {
  it("finds organisations by their words", () => {
    expect(spans("The Azerbaijan Trade Unions Confederation hosted the guests in Baku.", "organization")).toEqual(["Azerbaijan Trade Unions Confederation"]);
    expect(spans("Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, visited Baku.", "organization")).toEqual([
      "Federation of Trade Unions of Kyrgyzstan",
    ]);
    expect(spans("The Ministry of Labour hosted the event.", "organization")).toEqual(["Ministry of Labour"]);
  });

  it("finds places, alone and inside longer runs", () => {
    expect(spans("The talks took place in Geneva, Switzerland.", "place")).toEqual(["Geneva", "Switzerland"]);
    expect(spans("The delegation arrived in Bishkek.", "place")).toEqual(["Bishkek"]);
    expect(spans("The Azerbaijan Trade Unions Confederation hosted the guests in Baku.", "place")).toEqual(["Azerbaijan", "Baku"]);
  });

  it("returns spans in order of appearance", () => {
    const found = answerSpans("On October 14, 2019 Iranian Labor Minister Mohammad Shariatmadari met over 300 workers in Baku.");
    expect(found.map((s) => s.start)).toEqual([...found.map((s) => s.start)].sort((a, b) => a - b));
    expect(found.map((s) => s.kind)).toEqual(expect.arrayContaining(["date", "person", "number", "place"]));
  });
});

describe("answerSpans: adjectives are not places", () => {
  it("offers no place for 'Bulgarian' or 'Qatari'", () => {
    const places = answerSpans("The Bulgarian side and Qatari officials met in Doha.").filter((s) => s.kind === "place").map((s) => s.text);
    expect(places).toEqual(["Doha"]);
  });
});

describe("answerSpans: offices and their holders", () => {
  const people = (s: string) => answerSpans(s).filter((x) => x.kind === "person").map((x) => x.text);
  it("takes the holder after an office, and no person from an office alone", () => {
    expect(people("Türk-İş President Ergün Atalay rejected the offer.")).toEqual(["Ergün Atalay"]);
    expect(people("Delegates re-elected her as ITUC General Secretary for a third term.")).toEqual([]);
  });
});

describe("answerSpans: a place after 'in' is nobody's name", () => {
  it("reads 'in Novi Sad' as a place only", () => {
    const spans = answerSpans("The sides agreed to meet again in Novi Sad in 2020.");
    expect(spans.filter((s) => s.kind === "person")).toEqual([]);
    expect(spans.filter((s) => s.kind === "place").map((s) => s.text)).toEqual(["Novi Sad"]);
  });
});
