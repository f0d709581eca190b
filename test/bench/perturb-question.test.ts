import { describe, expect, it } from "vitest";
import { addTypo, chatStyle, perturb, PERTURBATIONS } from "../../src/bench/eval/perturb-question.js";
import { Prng } from "../../src/bench/prng.js";

/** Levenshtein distance with adjacent swaps (optimal string alignment). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe("perturbed questions", () => {
  it("misspells one content word by one edit, keeping its first letter", () => {
    const q = "Where did the delegation meet the Iranian minister?";
    for (let seed = 0; seed < 50; seed++) {
      const v = addTypo(q, new Prng(seed));
      const changed = v.split(" ").filter((w, i) => w !== q.split(" ")[i]);
      expect(changed).toHaveLength(1);
      const [was] = q.split(" ").filter((w, i) => w !== v.split(" ")[i]);
      expect(distance(was!, changed[0]!)).toBe(1);
      expect(changed[0]![0]).toBe(was![0]);
      expect(["the", "did"]).not.toContain(was!.toLowerCase());
    }
  });

  it("leaves a question with no long word alone", () => {
    expect(addTypo("who is he?", new Prng(1))).toBe("who is he?");
  });

  it("writes the way chat users do", () => {
    expect(chatStyle("Who is Iran's labour minister?")).toBe("who is irans labour minister");
  });

  it("gives the same variant for the same question every run", () => {
    for (const kind of PERTURBATIONS) expect(perturb("Which agency reported the visit to Baku?", kind, "o01")).toBe(perturb("Which agency reported the visit to Baku?", kind, "o01"));
    expect(perturb("Which agency reported the visit to Baku?", "chat + typo", "o01")).not.toMatch(/[A-Z?]/);
  });
});
