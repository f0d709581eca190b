import { describe, expect, it } from "vitest";
import { answerTypeCue, type CueContext } from "../../src/answer/answer-type-cues.js";

const common = new Set(["the", "talks", "union", "officials", "minister"]);
/** Names are the words not in `common`; the question already names Babayev. */
const context: CueContext = { inQuestion: (w) => w === "babayev", isName: (w) => !common.has(w) };

describe("answerTypeCue", () => {
  it("gives 1 to a who-sentence with a name the question lacks", () => {
    expect(answerTypeCue("who", "Babayev met Shariatmadari in Tehran.", context)).toBe(1);
  });

  it("does not count the question's own name, possessive or not, nor the first word", () => {
    expect(answerTypeCue("who", "The talks praised Babayev's plan.", context)).toBe(0);
    expect(answerTypeCue("who", "Shariatmadari spoke at length.", context)).toBe(0);
    expect(answerTypeCue("who", "The Union met.", context)).toBe(0);
  });

  it("gives 0.6 to a title or a run of capitalised words, 0 otherwise", () => {
    expect(answerTypeCue("who", "Officials met the minister.", context)).toBe(0.6);
    expect(answerTypeCue("who", "They met the delegation.")).toBe(0.6);
    expect(answerTypeCue("who", "It was signed by Sahil Babayev.")).toBe(0.6);
    expect(answerTypeCue("who", "Babayev met Shariatmadari in Tehran.")).toBe(0); // no context: no single names
    expect(answerTypeCue("who", "It was signed in the morning.")).toBe(0);
  });

  it("wants a month, a year or a weekday for when", () => {
    for (const s of ["The talks began in May.", "Talks resumed on Monday.", "The deal dates from 2019."]) expect(answerTypeCue("when", s)).toBe(1);
    for (const s of ["The talks began recently.", "It was built in 1899.", "Room 2019a was used."]) expect(answerTypeCue("when", s)).toBe(0);
  });

  it("wants a preposition before a capitalised word for where", () => {
    expect(answerTypeCue("where", "It was held in Geneva.")).toBe(1);
    expect(answerTypeCue("where", "He came from the Netherlands.")).toBe(1);
    expect(answerTypeCue("where", "It was held in geneva.")).toBe(0);
    expect(answerTypeCue("where", "Geneva hosted it.")).toBe(0);
  });

  it("wants a count for how many, not an ordinal or a day range", () => {
    for (const s of ["About 6,000 delegates attended.", "They met 3 times.", "Hundreds attended."]) expect(answerTypeCue("quantity", s)).toBe(1);
    for (const s of ["The 108th session opened.", "It ran from 10-21 June.", "No numbers here."]) expect(answerTypeCue("quantity", s)).toBe(0);
  });

  it("sets no cue (0.5) for other types", () => {
    for (const type of ["what", "why", "how", "yesno", "other"] as const) expect(answerTypeCue(type, "Babayev met Shariatmadari in 2019.", context)).toBe(0.5);
  });

  // BUG (src/answer/answer-type-cues.ts:8): DATE is case-insensitive, so the modal "may" (and the verb "march") count as months and slip past the extractive answerer's MODAL guard for "when".
  it.fails("does not take the modal verb may for the month", () => {
    expect(answerTypeCue("when", "The unions may sign the deal soon.")).toBe(0);
  });
});
