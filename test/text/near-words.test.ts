import { describe, expect, it } from "vitest";
import { editDistance, NearWords } from "../../src/text/near-words.js";

describe("NearWords", () => {
  const near = new NearWords(["conference", "delegation", "understanding", "mentioned", "union", "ministry"]);

  it("finds words two edits away: a letter added and one dropped, two swapped, a letter changed", () => {
    expect(near.near("coonfrence")).toEqual(["conference"]);
    expect(near.near("undrestanding")).toEqual(["understanding"]);
    expect(near.near("mentiomed")).toEqual(["mentioned"]);
    expect(near.near("minsitry")).toEqual(["ministry"]);
    expect(near.near("delrggation")).toEqual(["delegation"]);
  });

  it("finds nothing further away, nothing for short words, and never the word itself", () => {
    expect(near.near("conferrals")).toEqual([]);
    expect(near.near("unon")).toEqual([]);
    expect(near.near("conference")).toEqual([]);
    expect(near.near("Conference")).toEqual([]);
  });
});

describe("editDistance", () => {
  it("counts drops, additions, changes and neighbour swaps as one edit each", () => {
    expect(editDistance("union", "union")).toBe(0);
    expect(editDistance("unon", "union")).toBe(1);
    expect(editDistance("uinon", "union")).toBe(1);
    expect(editDistance("coonfrence", "conference")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
