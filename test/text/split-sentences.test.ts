import { describe, expect, it } from "vitest";
import { splitSentences, type Span } from "../../src/text/split-sentences.js";

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

/** Spans are exact slices: ordered, non-overlapping, trimmed, and nothing but whitespace between them. */
function expectWellFormed(text: string, spans: readonly Span[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    const slice = text.slice(span.start, span.end);
    expect(slice).toBe(slice.trim());
    expect(text.slice(previousEnd, span.start).trim()).toBe("");
    previousEnd = span.end;
  }
  expect(text.slice(previousEnd).trim()).toBe("");
}

describe("splitSentences", () => {
  it("returns exact, trimmed slices of the original text", () => {
    const text = "  First sentence here.   Second one follows!\n\nThird? Yes.  ";
    const spans = splitSentences(text);
    expectWellFormed(text, spans);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["First sentence here.", "Second one follows!", "Third?", "Yes."]);
  });

  it("does not break after titles and abbreviations", () => {
    expect(sentences("Mr. Smith went to Washington. He met Dr. Jones there.")).toEqual([
      "Mr. Smith went to Washington.",
      "He met Dr. Jones there.",
    ]);
    expect(sentences("The U.S. delegation arrived on Monday. It stayed two days.")).toEqual([
      "The U.S. delegation arrived on Monday.",
      "It stayed two days.",
    ]);
    expect(sentences("Talks with the U.S. ended. Then they left.")).toEqual(["Talks with the U.S. ended.", "Then they left."]);
    expect(sentences("J. Smith arrived. The meeting began.")).toEqual(["J. Smith arrived.", "The meeting began."]);
    expect(sentences("It was signed at 10 a.m. Monday. Then more talks followed.")).toEqual([
      "It was signed at 10 a.m. Monday.",
      "Then more talks followed.",
    ]);
  });

  it("keeps decimals and version numbers inside the sentence", () => {
    expect(sentences("Version 4.0 was released. Growth was 3.5 percent in 2024.")).toEqual([
      "Version 4.0 was released.",
      "Growth was 3.5 percent in 2024.",
    ]);
    expect(sentences("See www.example.com for details. Next one.")).toEqual(["See www.example.com for details.", "Next one."]);
  });

  it("keeps closing quotes and brackets with the sentence they close", () => {
    expect(sentences('He said "we will win." Then he left.')).toEqual(['He said "we will win."', "Then he left."]);
    expect(sentences("He said “we are inclined to use Iran’s experience.” The minister added more.")).toEqual([
      "He said “we are inclined to use Iran’s experience.”",
      "The minister added more.",
    ]);
    expect(sentences("(He left early.) She stayed.")).toEqual(["(He left early.)", "She stayed."]);
  });

  it("ends on ! ? … and runs of them, but not mid-sentence before lower case", () => {
    expect(sentences("Is it true? Yes! Really...  Fine.")).toEqual(["Is it true?", "Yes!", "Really...", "Fine."]);
    expect(sentences("Wait… what happened? Nothing.")).toEqual(["Wait… what happened?", "Nothing."]);
  });

  it("treats headline and dateline lines without final punctuation as sentences of their own", () => {
    const text =
      "Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK\n\nBaku, November 4, AZERTAC\n\nA meeting was held at the Confederation. It went well.";
    expect(sentences(text)).toEqual([
      "Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK",
      "Baku, November 4, AZERTAC",
      "A meeting was held at the Confederation.",
      "It went well.",
    ]);
    const single = "Headline without a stop\nBaku, November 4, AZERTAC\nA meeting was held. It went well.";
    expect(sentences(single)).toEqual(["Headline without a stop", "Baku, November 4, AZERTAC", "A meeting was held.", "It went well."]);
    expectWellFormed(single, splitSentences(single));
  });

  it("keeps a sentence that wraps over lines together when the line ends with a comma", () => {
    const text = "The memorandum covers training,\nsafety and pay. It was signed.";
    expect(sentences(text)).toEqual(["The memorandum covers training,\nsafety and pay.", "It was signed."]);
  });

  // BUG (src/ingest/split-sentences.ts:55-56): every single newline after a pending sentence of
  // < 200 characters ends it, whatever the next line is; the comment above says it should only do so
  // when the next line starts a new block. Hard-wrapped prose (Markdown/.txt wrapped at ~80 columns)
  // is cut mid-sentence, so quotes become fragments. Remove `.fails` once fixed.
  it("keeps a hard-wrapped sentence together when the next line continues in lower case", () => {
    const text = "The council met in Springfield to discuss\nwages and vocational training. It was signed.";
    expect(sentences(text)).toEqual(["The council met in Springfield to discuss\nwages and vocational training.", "It was signed."]);
  });

  it("handles empty, blank and unterminated text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("   \n\n  \t")).toEqual([]);
    expect(sentences("A sentence without an end")).toEqual(["A sentence without an end"]);
    expect(sentences("  leading spaces. Trailing  ")).toEqual(["leading spaces.", "Trailing"]);
  });

  it("covers every non-space character of a real article exactly once", () => {
    const text =
      "TEHRAN — Azerbaijan’s Minister of Labor and Social Protection of the Population Sahil Babayev has called for cementing ties with Iranian labor unions. " +
      "According to a report by Iran’s Ministry of Cooperation, Labor and Social Welfare, Babayev made the remarks on the sidelines of the 108th Session of the International Labor Conference being held in Geneva, Switzerland, on June 10-21. " +
      "He went on to say that “we are inclined to use Iran’s experience in employment and entrepreneurship.” The Azerbaijani minister added that “we are also supporting people with disabilities.”\n\n" +
      "Growth was 4.0 percent, said Mr. Babayev of the U.S. and U.K. delegations. Done.";
    const spans = splitSentences(text);
    expectWellFormed(text, spans);
    expect(spans.length).toBe(6);
    const covered = spans.map((s) => text.slice(s.start, s.end)).join("");
    expect(covered.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
  });
});
