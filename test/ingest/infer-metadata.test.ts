import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { inferMetadata } from "../../src/ingest/infer-metadata.js";

const CORPUS = fileURLToPath(new URL("../fixtures/corpus/", import.meta.url));
const AZERTAC = "azertac-2025-11-04-kyrgyz-trade-unions.txt";
const MEHR = "mehr-2019-06-azerbaijan-iran-labor.txt";
const fixture = (name: string) => readFileSync(`${CORPUS}${name}`, "utf8");

describe("inferMetadata on the real corpus", () => {
  it("reads the AZERTAC header, dateline and headline", () => {
    const raw = fixture(AZERTAC);
    const { meta, body } = inferMetadata({ text: raw, fileName: AZERTAC });
    expect(meta).toEqual({
      title: "Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK",
      source: "AZERTAC",
      date: "2025-11-04",
      url: null,
    });
    // Only the "date …" header line goes; the rest stays verbatim for quoting.
    expect(body.startsWith("SOCIETY\n\nDelegation of Kyrgyzstan")).toBe(true);
    expect(raw.endsWith(body)).toBe(true);
    expect(body).not.toContain("date 2025-11-04");
  });

  it("reads the Mehr credit line and does not take the conference dates for the publication date", () => {
    const raw = fixture(MEHR);
    const { meta, body } = inferMetadata({ text: raw, fileName: MEHR });
    expect(meta.source).toBe("Mehr News Agency");
    expect(meta.license).toBe("CC BY 4.0");
    expect(meta.date).toBeNull(); // "2019-06" in the name is not a full date; "June 10-21" is the conference
    expect(meta.title).toBe(""); // the file opens with the article itself, no headline
    expect(meta.url).toBeNull();
    expect(body).toBe(raw);
  });
});

describe("inferMetadata heuristics", () => {
  it("keeps the long outlet name when its short name never appears", () => {
    const { meta } = inferMetadata({
      text: " date 2025-11-04 The Azerbaijan State News Agency\n\nHeadline here\n\nBody text follows.",
      fileName: "x.txt",
    });
    expect(meta.source).toBe("The Azerbaijan State News Agency");
    expect(meta.title).toBe("Headline here");
  });

  it("ignores a first line that only starts with the word date", () => {
    const text = "Date palm growers form a union\n\nThe growers met on Monday.";
    const { meta, body } = inferMetadata({ text, fileName: "palms.txt" });
    expect(body).toBe(text);
    expect(meta.title).toBe("Date palm growers form a union");
    expect(meta.date).toBeNull();
  });

  it("dates a dateline with the year from the file name", () => {
    const text = "Unions sign memorandum\n\nBaku, March 3, AZERTAC\n\nThe unions signed.";
    const { meta } = inferMetadata({ text, fileName: "2024-03-azertac.txt" });
    expect(meta).toMatchObject({ date: "2024-03-03", source: "AZERTAC", title: "Unions sign memorandum" });
  });

  it("leaves a dateline without any year undated", () => {
    const { meta } = inferMetadata({ text: "Baku, March 3, AZERTAC\n\nThe unions signed.", fileName: "note.txt" });
    expect(meta.date).toBeNull();
    expect(meta.source).toBe("AZERTAC");
    expect(meta.title).toBe("");
  });

  it("takes a full date from the file name", () => {
    const { meta } = inferMetadata({ text: "Just one paragraph of text.", fileName: "2023-12-31-x.txt" });
    expect(meta.date).toBe("2023-12-31");
    expect(meta.title).toBe("");
  });

  it("reads an agency in a dash dateline and a Markdown heading as title", () => {
    const { meta } = inferMetadata({ text: "# Ministers meet\n\nTEHRAN (IRNA) — The ministers met.", fileName: "a.md" });
    expect(meta).toMatchObject({ title: "Ministers meet", source: "IRNA" });
  });

  it("does not take hard-wrapped prose for a title", () => {
    const text = "The ministers of labour of both countries met\nin Geneva on the sidelines of the conference.\n";
    expect(inferMetadata({ text, fileName: "a.txt" }).meta.title).toBe("");
  });

  it("does not take a sentence for a title", () => {
    const text = "The ministers met in Geneva.\n\nThey signed a memorandum.";
    expect(inferMetadata({ text, fileName: "a.txt" }).meta.title).toBe("");
  });

  it("maps Creative Commons wording to a short licence", () => {
    const text =
      "Text.\n\nAll content by Example Agency is licensed under a Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License.";
    const { meta } = inferMetadata({ text, fileName: "a.txt" });
    expect(meta).toMatchObject({ source: "Example Agency", license: "CC BY-NC-SA 4.0" });
  });

  it("reads Source: and URL: lines", () => {
    const text = "Unions meet\n\nThe unions met.\n\nSource: Trend\nURL: https://example.com/news/1";
    const { meta } = inferMetadata({ text, fileName: "a.txt" });
    expect(meta).toMatchObject({ source: "Trend", url: "https://example.com/news/1" });
  });
});
