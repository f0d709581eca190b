/** `groupByArticle`, which every adapter renders answers with. */
import { describe, expect, it } from "vitest";
import { groupByArticle } from "../../src/service/group-citations.js";
import { GROUPED_CITATIONS } from "../fakes/grouped-answer.js";

describe("groupByArticle", () => {
  it("puts quotes of one article under one group, in order of first appearance, numbers untouched", () => {
    const groups = groupByArticle(GROUPED_CITATIONS);
    expect(groups.map((g) => g.article.source)).toEqual(["Tehran Times", "AZERTAC"]);
    expect(groups.map((g) => g.citations.map((c) => c.n))).toEqual([[1, 3], [2]]);
  });

  it("keeps two articles of one JSON file apart (same path, other title)", () => {
    const [first] = GROUPED_CITATIONS;
    const sibling = { ...first!, n: 2, title: "Another story in the same file" };
    expect(groupByArticle([first!, sibling])).toHaveLength(2);
    expect(groupByArticle([])).toEqual([]);
  });
});
