import { describe, expect, it } from "vitest";
import type { EvalQuestion } from "../../src/bench/eval/eval-questions.js";
import { scoreAnswer } from "../../src/bench/eval/score-answer.js";
import type { Answer, Citation } from "../../src/core/types.js";

const KG = "kg.md";
const IR = "ir.md";
const TEXTS = new Map<string, readonly string[]>([
  [KG, ["Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, visited Baku.\n\nThe guests studied labour rights."]],
  [IR, ["Iranian Labor Minister Mohammad Shariatmadari met Sahil Babayev.", "A second article in the same JSON file: wages rose by 13 percent."]],
]);

function question(expect: Partial<EvalQuestion["expect"]> = {}): EvalQuestion {
  return {
    id: "q1",
    split: "dev",
    kind: "person",
    question: "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
    expect: { refuse: false, sources: [KG], facts: [["Jumadilde"]], ...expect },
    collection: "bundled",
    file: "test.json",
  };
}

function citation(n: number, path: string, quote: string): Citation {
  return { n, title: path, source: "Test Wire", date: null, url: null, path, quote };
}

function answer(text: string, citations: Citation[], extra: Partial<Answer> & { reason?: string } = {}): Answer & { reason?: string } {
  return { question: "q", answer: text, grounded: citations.length > 0, citations, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 }, ...extra };
}

const RIGHT = answer("Muradil Jumadilde [1].", [citation(1, KG, "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, visited Baku.")]);
const REFUSAL = answer("The indexed articles don't cover this.", [], { reason: "not_covered" });

describe("scoreAnswer", () => {
  it("passes a right answer with a verbatim quote", () => {
    expect(scoreAnswer(question(), RIGHT, TEXTS)).toEqual({
      ok: true,
      problems: [],
      unfaithful: false,
      wrongWithCitation: false,
      refused: false,
      falseRefusal: false,
      factsInAnswerLine: true,
    });
  });

  it("flags a quote not found verbatim in its article, whitespace aside", () => {
    const spaced = answer("Muradil Jumadilde [1].", [citation(1, KG, "visited   Baku.\nThe guests studied labour rights.")]);
    expect(scoreAnswer(question(), spaced, TEXTS).unfaithful).toBe(false);
    const made = answer("Muradil Jumadilde [1].", [citation(1, KG, "Muradil Jumadilde chairs the federation.")]);
    const s = scoreAnswer(question(), made, TEXTS);
    expect(s).toMatchObject({ ok: false, unfaithful: true });
    expect(s.problems).toContain(`quote [1] not verbatim in ${KG}`);
  });

  it("checks a quote against every article of a file", () => {
    const second = answer("13 percent [1].", [citation(1, IR, "wages rose by 13 percent.")]);
    expect(scoreAnswer(question({ sources: [IR], facts: [["13 percent"]] }), second, TEXTS).ok).toBe(true);
  });

  it("flags a marker without a citation", () => {
    const s = scoreAnswer(question(), { ...RIGHT, answer: "Muradil Jumadilde [1][2]." }, TEXTS);
    expect(s.ok).toBe(false);
    expect(s.problems).toEqual(["marker [2] has no citation"]);
  });

  it("counts a refusal with the right reason, and not with a wrong one", () => {
    expect(scoreAnswer(question({ refuse: true, reason: "not_covered", sources: [], facts: [] }), REFUSAL, TEXTS)).toMatchObject({ ok: true, refused: true, wrongWithCitation: false });
    const wrong = scoreAnswer(question({ refuse: true, reason: "out_of_scope", sources: [], facts: [] }), REFUSAL, TEXTS);
    expect(wrong).toMatchObject({ ok: false, refused: true });
    expect(wrong.problems).toEqual(["reason not_covered, expected out_of_scope"]);
    expect(scoreAnswer(question({ refuse: true, sources: [], facts: [] }), REFUSAL, TEXTS).ok).toBe(true);
  });

  it("counts an answer to a must-refuse question as wrong with a citation", () => {
    const s = scoreAnswer(question({ refuse: true, reason: "not_covered", sources: [], facts: [] }), RIGHT, TEXTS);
    expect(s).toMatchObject({ ok: false, wrongWithCitation: true, refused: false });
    expect(s.problems).toContain("should refuse but answered");
  });

  it("counts a refusal of an answerable question as a false refusal", () => {
    const s = scoreAnswer(question(), REFUSAL, TEXTS);
    expect(s).toMatchObject({ ok: false, falseRefusal: true, wrongWithCitation: false });
    expect(s.problems).toEqual(["refused an answerable question"]);
  });

  it("flags a first citation from the wrong article", () => {
    const s = scoreAnswer(question(), answer("Muradil Jumadilde [1].", [citation(1, IR, "Iranian Labor Minister Mohammad Shariatmadari met Sahil Babayev.")]), TEXTS);
    expect(s).toMatchObject({ ok: false, wrongWithCitation: true });
    expect(s.problems).toContain(`first source ${IR} not in ${KG}`);
  });

  it("finds a fact in the quotes when the answer line lacks it, and says so", () => {
    const inQuote = answer("The federation's chairman [1].", RIGHT.citations);
    const s = scoreAnswer(question(), inQuote, TEXTS);
    expect(s).toMatchObject({ ok: true, wrongWithCitation: false, factsInAnswerLine: false });
  });

  it("flags a fact missing from both the answer and the quotes; any alternative of a group will do", () => {
    const s = scoreAnswer(question({ facts: [["Jumadilde"], ["chairman", "head"], ["Bishkek"]] }), RIGHT, TEXTS);
    expect(s).toMatchObject({ ok: false, wrongWithCitation: true });
    expect(s.problems).toEqual(["missing fact Bishkek"]);
  });

  it("requires every article in `cite` to be cited, without making the answer wrong", () => {
    const q = question({ cite: [KG, IR] });
    const s = scoreAnswer(q, RIGHT, TEXTS);
    expect(s).toMatchObject({ ok: false, wrongWithCitation: false });
    expect(s.problems).toEqual([`does not cite ${IR}`]);
    const both = answer("Muradil Jumadilde [1]; Mohammad Shariatmadari [2].", [...RIGHT.citations, citation(2, IR, "Iranian Labor Minister Mohammad Shariatmadari met Sahil Babayev.")]);
    expect(scoreAnswer(q, both, TEXTS).ok).toBe(true);
  });
});
