import { describe, expect, it } from "vitest";
import { datelineOf, withoutDateline } from "../../src/text/dateline.js";

describe("datelineOf / withoutDateline", () => {
  it.each([
    ["TEHRAN — Iran and Azerbaijan signed a memorandum.", "TEHRAN — "],
    ["BISHKEK (24.kg) — The federation met in Bishkek.", "BISHKEK (24.kg) — "],
    ["TEHRAN, Mar. 10 (MNA) – The minister said wages would rise.", "TEHRAN, Mar. 10 (MNA) – "],
    ["Tashkent, Uzbekistan (UzDaily.com) -- The ministry opened a centre.", "Tashkent, Uzbekistan (UzDaily.com) -- "],
    ["GENEVA (ILO News) – The conference opened.", "GENEVA (ILO News) – "],
    ["Baku, November 4, AZERTAC — A meeting was held at AHIK.", "Baku, November 4, AZERTAC — "],
  ])("finds the dateline of %s", (sentence, dateline) => {
    expect(datelineOf(sentence)).toBe(dateline);
    expect(withoutDateline(sentence)).toBe(sentence.slice(dateline.length));
  });

  it("drops a Markdown heading mark, with or without a dateline after it", () => {
    expect(datelineOf("## Kyrgyz unions visit Baku")).toBe("## ");
    expect(withoutDateline("## Kyrgyz unions visit Baku")).toBe("Kyrgyz unions visit Baku");
    expect(withoutDateline("# BAKU — A meeting was held.")).toBe("A meeting was held.");
  });

  it.each([
    "The minister said the talks went well.",
    "Over 6,000 delegates attended - a record for the session.",
    "The union — the largest in the country — met on Monday.",
    "It was founded in 1919 after the war.",
    "BAKU-based unions met the minister.",
    "In 2019, AHIK hosted 12 delegations.",
  ])("leaves an ordinary sentence alone: %s", (sentence) => {
    expect(datelineOf(sentence)).toBe("");
    expect(withoutDateline(sentence)).toBe(sentence);
  });

  it("keeps a name set off by a dash", () => {
    const sentence = "Sahil Babayev — Azerbaijan's labour minister — signed the memorandum.";
    expect(withoutDateline(sentence)).toBe(sentence);
  });
});
