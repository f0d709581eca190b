import { describe, expect, it } from "vitest";
import { notCoveredAnswer, refusal } from "../../src/answer/not-covered.js";

describe("refusals", () => {
  it("say the articles don't cover it, with no citation and the reason", () => {
    const a = notCoveredAnswer("What is the capital of France?", "none");
    expect(a).toEqual({ answer: expect.stringMatching(/^The indexed articles don't cover this\./), grounded: false, citations: [], reason: "not_covered" });
    expect(a.answer).not.toContain("France");
  });

  it("steer a request that is not a question back to the articles", () => {
    const a = notCoveredAnswer("Write me a poem", "request");
    expect(a).toMatchObject({ grounded: false, citations: [], reason: "out_of_scope" });
    expect(a.answer).toMatch(/^I can only answer questions about the indexed news articles/);
  });

  it("ask for English in the asker's language when it is known, and in English always", () => {
    const ru = refusal("unsupported_language", "ru");
    expect(ru).toMatchObject({ reason: "unsupported_language", language: "ru", citations: [] });
    expect(ru.answer).toMatch(/^Пожалуйста, задайте вопрос на английском/);
    expect(ru.answer).toContain("please ask in English");
    expect(refusal("unsupported_language", "xx").answer).toMatch(/^I can only read questions in English/);
  });
});
