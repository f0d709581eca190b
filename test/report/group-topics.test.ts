/**
 * Grouping unanswered questions into topics: questions sharing their rare words meet (whatever the
 * place they ask about), a shared place or common word alone does not link them, and each topic
 * has a readable label, a count, its askers and an example.
 */
import { describe, expect, it } from "vitest";
import { groupTopics, weightedJaccard, type TopicQuestion } from "../../src/report/group-topics.js";

const q = (question: string, i: number, userHash: string | null = `u${i}`): TopicQuestion => ({ id: `q${i}`, question, userHash, at: 1000 + i });

/** Answered questions of the same period: they make "Azerbaijan" and "union" common words. */
const ANSWERED = [
  "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
  "What did Azerbaijan and Kyrgyzstan unions agree?",
  "When did the Azerbaijan delegation visit?",
  "What did Iran and Azerbaijan unions sign?",
  "Which unions met in Baku?",
];

describe("weightedJaccard", () => {
  it("is the weight of the shared terms over the weight of all terms", () => {
    const w = (k: string) => (k === "rare" ? 3 : 1);
    expect(weightedJaccard(new Set(["rare", "a"]), new Set(["rare", "b"]), w)).toBeCloseTo(3 / 5);
    expect(weightedJaccard(new Set(["a"]), new Set(["b"]), w)).toBe(0);
    expect(weightedJaccard(new Set(), new Set(), w)).toBe(0);
  });
});

describe("groupTopics", () => {
  const gaps = [
    "What is the minimum wage in Azerbaijan?",
    "minimum wage in Kyrgyzstan",
    "Did they discuss the minimum wage?",
    "Who is the president of Azerbaijan?",
    "Azerbaijan president?",
    "Who heads the ITUC?",
    "Who is the ITUC chair?",
    "How much are union dues?",
  ].map((text, i) => q(text, i));
  const topics = groupTopics(gaps, { corpus: [...gaps.map((g) => g.question), ...ANSWERED] });
  const byLabel = new Map(topics.map((t) => [t.label, t]));

  it("groups questions by shared rare words, biggest topic first (then the most recently asked)", () => {
    expect(topics.map((t) => [t.label, t.count])).toEqual([
      ["minimum wage", 3],
      ["ITUC", 2],
      ["Azerbaijan president", 2],
      ["union dues", 1],
    ]);
  });

  it("does not link questions that share only a place", () => {
    expect(byLabel.get("minimum wage")?.questions).not.toContain("Who is the president of Azerbaijan?");
  });

  it("counts askers, keeps distinct questions most recent first, and picks the shortest fitting example", () => {
    const wage = byLabel.get("minimum wage");
    expect(wage?.askers).toBe(3);
    expect(wage?.questions).toEqual(["Did they discuss the minimum wage?", "minimum wage in Kyrgyzstan", "What is the minimum wage in Azerbaijan?"]);
    expect(wage?.example).toBe("minimum wage in Kyrgyzstan");
    expect(wage?.terms).toEqual(["minimum", "wage"]);
    expect(wage?.ids.sort()).toEqual(["q0", "q1", "q2"]);
    expect(wage?.lastAskedAt).toBe(1002);
  });

  it("links a chain of questions (single-link): A~B and B~C put A and C together", () => {
    const chain = groupTopics([q("strike of bus drivers", 0), q("bus drivers in Tehran", 1), q("Tehran bus fares", 2), q("pension reform", 3)]);
    expect(chain.map((t) => t.count)).toEqual([3, 1]);
  });

  it("counts repeats and askers once each; questions without users have no askers", () => {
    const repeated = groupTopics([q("Minimum wage?", 0, "a"), q("minimum wage?", 1, "a"), q("Minimum wage?", 2, null)]);
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ label: "minimum wage", count: 3, askers: 1 });
    expect(repeated[0]?.questions).toHaveLength(1);
  });

  it("keeps questions without topic words apart unless they are the same text", () => {
    const odd = groupTopics([q("???", 0), q("???", 1), q("what is it?", 2)]);
    expect(odd.map((t) => [t.label, t.count])).toEqual([
      ["???", 2],
      ["what is it?", 1],
    ]);
  });

  it("a higher threshold splits what a lower one joins", () => {
    const items = [q("minimum wage Azerbaijan", 0), q("minimum wage Kyrgyzstan", 1)];
    expect(groupTopics(items, { threshold: 0.2 })).toHaveLength(1);
    expect(groupTopics(items, { threshold: 0.95 })).toHaveLength(2);
  });
});
