/** Terminal rendering: answer line, then one header per article with its numbered quotes, wrapped. */
import { describe, expect, it } from "vitest";
import { formatAnswerText, formatSourcesText, formatWelcomeText } from "../../../src/adapters/terminal/format-answer.js";
import { displayWidth } from "../../../src/adapters/terminal/wrap-text.js";
import type { CorpusInfo } from "../../../src/core/types.js";
import { GROUPED_CITATIONS, groupedAnswer, notCoveredAnswer, translatedAnswer } from "../../fakes/grouped-answer.js";

describe("formatAnswerText", () => {
  it("prints the answer, then each article's header once with its quotes under it", () => {
    expect(formatAnswerText(groupedAnswer(), { width: 200 })).toBe(
      [
        "Iran [1] [3] and Kyrgyzstan [2].",
        "",
        "Sources",
        "  Tehran Times, 2019-06-19 — Azerbaijan calls for stronger ties with Iranian labor unions",
        "  https://www.tehrantimes.com/news/437555/Azerbaijan-calls-for-stronger-ties",
        `    [1] “${GROUPED_CITATIONS[0]!.quote}”`,
        `    [3] “${GROUPED_CITATIONS[2]!.quote}”`,
        "",
        "  AZERTAC, 2025-11-04 — Delegation of Kyrgyzstan Trade Unions studying Azerbaijan’s experience at AHIK",
        "  2025-11-04-azertac-kyrgyz-trade-unions.md",
        `    [2] “${GROUPED_CITATIONS[1]!.quote}”`,
      ].join("\n"),
    );
  });

  it("two quotes from one article get one header", () => {
    const text = formatAnswerText(groupedAnswer({ citations: [GROUPED_CITATIONS[0]!, GROUPED_CITATIONS[2]!] }));
    expect(text.match(/Tehran Times, 2019-06-19/g)).toHaveLength(1);
    expect(text.match(/tehrantimes\.com/g)).toHaveLength(1);
    expect(text).toMatch(/\[1\] “Sahil Babayev[\s\S]*\[3\] “The two sides/);
  });

  it("wraps at a narrow width with words whole and continuation lines under the text", () => {
    const lines = formatAnswerText(groupedAnswer(), { width: 40 }).split("\n");
    const words = new Set(formatAnswerText(groupedAnswer(), { width: 10_000 }).split(/\s+/));
    for (const line of lines) {
      // Only a URL or file name wider than the line overflows: cut, it could not be opened or copied.
      if (!/https:\/\/|\.md$/.test(line)) expect(displayWidth(line)).toBeLessThanOrEqual(40);
      for (const word of line.trim().split(/\s+/)) if (word !== "") expect(words.has(word)).toBe(true);
    }
    const quote = lines.findIndex((l) => l.startsWith("    [1] “Sahil"));
    expect(lines[quote + 1]).toMatch(/^ {8}\S/); // under the quote's text, not under "[1]"
    const header = lines.findIndex((l) => l.startsWith("  Tehran Times"));
    expect(lines[header + 1]).toMatch(/^ {2}\S/);
    expect(lines[header + 1]).not.toMatch(/^ {3}/);
    expect(lines).toContain("  https://www.tehrantimes.com/news/437555/Azerbaijan-calls-for-stronger-ties");
    expect(lines).toContain("  2025-11-04-azertac-kyrgyz-trade-unions.md");
  });

  it("shows an ungrounded answer (with its reason field) without a Sources section", () => {
    expect(formatAnswerText(notCoveredAnswer())).toBe("The indexed articles don't cover that.");
    expect(formatAnswerText(groupedAnswer({ answer: "  ", citations: [] }))).toBe("I could not find an answer to that in the articles.");
  });

  it("keeps control characters from articles out of the terminal and falls back for missing metadata", () => {
    const hostile = { ...GROUPED_CITATIONS[1]!, title: "Bad\u001b[2J title", source: "", date: null, quote: "Erase\rthis\u0007 line" };
    const text = formatAnswerText(groupedAnswer({ citations: [hostile] }));
    expect(text).not.toMatch(/\p{Cc}(?<!\n)/u);
    expect(text).toContain("  Unknown outlet, undated — Bad [2J title");
    expect(text).toContain("    [2] “Erase this line”");
  });
});

describe("formatSourcesText / formatWelcomeText", () => {
  const corpus: CorpusInfo = {
    articles: [{ ...GROUPED_CITATIONS[1]!, chunks: 3 }],
    dateRange: { from: "2025-11-04", to: "2025-11-04" },
    sources: ["AZERTAC"],
    builtAt: null,
  };

  it("wraps the article list with a hanging indent", () => {
    const lines = formatSourcesText(corpus, { width: 40 }).split("\n");
    expect(lines[0]).toBe("1 indexed article(s):");
    expect(lines[1]).toMatch(/^ {2}1\. Delegation/);
    for (const line of lines.slice(2)) expect(line).toMatch(/^ {5}\S/);
  });

  it("wraps the welcome text", () => {
    for (const line of formatWelcomeText(corpus, { width: 50 }).split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });
});

describe("translations of quotes (LLM mode)", () => {
  it("prints the model's translation under the quote, marked as a translation", () => {
    const text = formatAnswerText(translatedAnswer(), { width: 80 });
    expect(text).toContain("“Muradil Jumadilde, Chairman");
    expect(text).toMatch(/\n {4,}translation \(by the model\): Мурадил Джумадилде/);
  });
});
