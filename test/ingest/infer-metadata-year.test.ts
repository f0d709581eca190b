/** A dateline without a year ("Tbilisi, March 3, AZERTAC"): where the year may come from, and what is said when it cannot. */
import { describe, expect, it } from "vitest";
import { explainMissingDate, inferMetadata } from "../../src/ingest/infer-metadata.js";

const DATELINE_TEXT = "Unions meet\n\nTbilisi, March 3, AZERTAC\n\nThe unions signed a memorandum.";

describe("the year of a dateline without one", () => {
  it.each([
    ["2025-03-03-tbilisi.txt", "2025-03-03"],
    ["2025-11-tbilisi.txt", "2025-03-03"],
    ["2025-tbilisi.txt", "2025-03-03"],
    ["tbilisi-2019.txt", "2019-03-03"],
    ["tbilisi_2019_unions.txt", "2019-03-03"],
  ])("comes from the file name %s", (fileName, date) => {
    expect(inferMetadata({ text: DATELINE_TEXT, fileName }).meta.date).toBe(date);
  });

  it("comes from a date header naming only a year (or a month), which is removed like a full-date header", () => {
    const { meta, body } = inferMetadata({ text: `date 2024 AZERTAC\n\n${DATELINE_TEXT}`, fileName: "tbilisi.txt" });
    expect(meta.date).toBe("2024-03-03");
    expect(meta.source).toBe("AZERTAC");
    expect(body.startsWith("Unions meet")).toBe(true);
    expect(inferMetadata({ text: `date: 2022-07\n\n${DATELINE_TEXT}`, fileName: "tbilisi.txt" }).meta.date).toBe("2022-03-03");
  });

  it("the dateline's own year wins over the header's and the file's", () => {
    const text = `date 2024 AZERTAC\n\nUnions meet\n\nTbilisi, March 3, 2021 (AZERTAC)\n\nThe unions signed.`;
    expect(inferMetadata({ text, fileName: "2020-x.txt" }).meta.date).toBe("2021-03-03");
  });

  it("a year alone never becomes a date, and numbers that are not plausible years are not years", () => {
    expect(inferMetadata({ text: "Just a paragraph of text.", fileName: "2025-notes.txt" }).meta.date).toBeNull();
    expect(inferMetadata({ text: DATELINE_TEXT, fileName: "report-1234.txt" }).meta.date).toBeNull();
    expect(inferMetadata({ text: DATELINE_TEXT, fileName: "item-12025.txt" }).meta.date).toBeNull();
    expect(inferMetadata({ text: "date 2024 AZERTAC\n\nNo dateline here, only prose.", fileName: "x.txt" }).meta.date).toBeNull();
  });
});

describe("explainMissingDate", () => {
  it("names a dateline that lacks its year, and says what to add", () => {
    expect(explainMissingDate({ text: DATELINE_TEXT, fileName: "tbilisi.txt" })).toBe(
      'dateline "Tbilisi, March 3, AZERTAC" has no year; put YYYY-MM-DD in the file name or a first line "date YYYY-MM-DD"',
    );
  });

  it("otherwise says no date was found, with every way to give one", () => {
    expect(explainMissingDate({ text: "TEHRAN — The ministers met.", fileName: "a.txt" })).toBe(
      'no date found; put YYYY-MM-DD in the file name or a first line "date YYYY-MM-DD" (or "date:" in front matter / JSON)',
    );
  });
});
