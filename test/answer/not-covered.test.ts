import { describe, expect, it } from "vitest";
import { notCoveredAnswer } from "../../src/answer/not-covered.js";

describe("notCoveredAnswer", () => {
  it("says the articles don't cover it, with no citation", () => {
    const a = notCoveredAnswer("What is the capital of France?", "none");
    expect(a).toEqual({ answer: expect.stringMatching(/^The indexed articles don't cover this\./), grounded: false, citations: [] });
    expect(a.answer).not.toContain("France");
  });

  it("steers a request that is not a question back to the articles", () => {
    const a = notCoveredAnswer("Write me a poem", "request");
    expect(a.grounded).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/^I can only answer questions about the indexed news articles/);
    expect(a.answer).not.toBe(notCoveredAnswer("Write me a poem", "none").answer);
  });
});
