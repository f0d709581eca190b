import { describe, expect, it } from "vitest";
import { stem } from "../../src/text/stem.js";
import { synonymPhrasesOf, synonymStems } from "../../src/text/synonyms.js";

const synonymsOf = (word: string) => synonymStems(stem(word));

describe("synonymStems", () => {
  it("links the members of a group by stem", () => {
    expect(synonymsOf("meeting")).toContain(stem("visit"));
    expect(synonymsOf("wage")).toContain(stem("salary"));
    expect(synonymsOf("chairman")).toContain(stem("head"));
    expect(synonymsOf("strike")).toContain(stem("walkout"));
    expect(synonymsOf("see")).toContain(stem("familiarized"));
    expect(synonymsOf("visitors")).toContain(stem("delegation"));
    expect(synonymsOf("cover")).toContain(stem("envisages"));
    expect(synonymsOf("combine")).toContain(stem("merges"));
  });

  it("is symmetric", () => {
    const pairs = [["meet", "discuss"], ["signed", "inked"], ["agreement", "memorandum"], ["pension", "retirement"], ["centre", "center"], ["worker", "employee"]] as const;
    for (const [a, b] of pairs) {
      expect(synonymsOf(a)).toContain(stem(b));
      expect(synonymsOf(b)).toContain(stem(a));
    }
  });

  it("reaches inflections the group does not list, through their stem", () => {
    expect(synonymsOf("salaried")).toEqual(synonymsOf("salary"));
    expect(synonymsOf("meetings")).toContain(stem("visit"));
  });

  it("joins the groups a word belongs to", () => {
    const visit = synonymsOf("visit");
    expect(visit).toContain(stem("discuss")); // meeting group
    expect(visit).toContain(stem("travel")); // trip group
  });

  it("excludes the stem itself, even when two members share it", () => {
    expect(synonymsOf("meet")).not.toContain(stem("meet"));
    expect(stem("labour")).toBe(stem("labor"));
    expect(synonymsOf("labour")).not.toContain(stem("labour"));
    expect(synonymsOf("labour")).toContain(stem("workforce"));
  });

  it("keeps groups apart", () => {
    expect(synonymsOf("wage")).not.toContain(stem("pension"));
    expect(synonymsOf("minister")).not.toContain(stem("president"));
  });

  it("gives none for a word outside every group", () => {
    expect(synonymsOf("zebra").size).toBe(0);
    expect(synonymsOf("azerbaijan").size).toBe(0);
  });

  it("never links a phrase's words on their own", () => {
    expect(synonymsOf("cyber").size).toBe(0);
    expect(synonymsOf("occupational").size).toBe(0);
  });
});

describe("synonymPhrasesOf", () => {
  it("gives the several-word members of a word's groups", () => {
    expect(synonymPhrasesOf("cybersecurity")).toEqual(["cyber security", "information security"]);
    expect(synonymPhrasesOf("ai")).toEqual(["artificial intelligence"]);
    expect(synonymPhrasesOf("strike")).toEqual(["work stoppage"]);
  });

  it("joins the phrases of every group a word belongs to", () => {
    expect(synonymPhrasesOf("unions")).toEqual(["trade union", "labour union", "labor union", "trade unionists", "union members"]);
  });

  it("gives none for a group without phrases, an unlisted inflection or an unknown word", () => {
    expect(synonymPhrasesOf("pension")).toEqual([]);
    expect(synonymPhrasesOf("strikers")).toEqual([]);
    expect(synonymPhrasesOf("zebra")).toEqual([]);
    expect(synonymPhrasesOf("trade union")).toEqual([]);
  });
});
