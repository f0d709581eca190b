/**
 * The report's three outputs: the terminal text (figures and sections, long lists cut), the HTML
 * page (standalone, inline SVG charts, user text escaped) and the chart helpers.
 */
import { describe, expect, it } from "vitest";
import type { LoggedQuestion } from "../../src/core/logged-question.js";
import { buildReport } from "../../src/report/build-report.js";
import { escapeHtml } from "../../src/report/escape-html.js";
import { formatReportText, percent } from "../../src/report/format-text.js";
import { parseDay } from "../../src/report/parse-day.js";
import { renderReportHtml } from "../../src/report/render-html.js";
import { horizontalBarsSvg, niceMax, splitBarSvg, stackedBarsSvg } from "../../src/report/svg-charts.js";

const DAY = 86_400_000;
const T0 = Date.parse("2025-11-03T10:00:00Z");
const row = (i: number, question: string, overrides: Partial<LoggedQuestion> = {}): LoggedQuestion => ({
  id: `r${i}`, at: T0 + i * 3_600_000, platform: "discord", userHash: `h${i % 3}`, chat: "group", question, language: "en", grounded: false, reason: "not_covered",
  citedPaths: [], retrieveMs: 1, answerMs: 1, totalMs: 2, llmFallback: false, votes: { up: 0, down: 0 }, ...overrides,
});
const HOSTILE = `<script>alert("x")</script> & minimum wage's <b>bold</b>`;
const rows = [
  row(0, HOSTILE, { votes: { up: 0, down: 2 } }),
  row(1, "What is the minimum wage?"),
  row(2, "Who chairs the union?", { grounded: true, reason: null, citedPaths: ["a <b>.md", "b.md"] }),
  row(3, "Write a poem", { reason: "out_of_scope", platform: "telegram" }),
  row(30, "Who chairs the union?", { grounded: true, reason: null, citedPaths: ["a <b>.md"], llmFallback: true }),
];
const report = buildReport(rows, { now: T0 + 3 * DAY, since: "2025-11-01" });

describe("formatReportText", () => {
  const text = formatReportText(report);
  it("prints the figures, each section and the per-day bars", () => {
    expect(text).toContain("Question log report: 2025-11-03 to 2025-11-04 (since 2025-11-01)");
    expect(text).toContain("5 question(s) from 3 asker(s); 2 answered from the articles.");
    expect(text).toContain("Refused 3 (60%): not covered 2, out of scope 1, unsupported language 0.");
    expect(text).toContain("LLM fallback 1 (20%)");
    expect(text).toMatch(/Not covered by the articles: 2 question\(s\) in 1 topic\(s\)\n\s+2× minimum wage, 2 asker\(s\)/);
    expect(text).toMatch(/2 {2}a <b>\.md\n\s+1 {2}b\.md/);
    expect(text).toContain("-2 +0");
    expect(text).toContain("refused: not covered");
    expect(text).toMatch(/2025-11-03\s+4\s+█+/);
    expect(text).toMatch(/discord\s+4\s+refused 50%/);
  });

  it("cuts long lists and says how many more there are", () => {
    expect(formatReportText(report, { articles: 1 })).toContain("… and 1 more article(s)");
  });

  it("says so when the period has no questions", () => {
    expect(formatReportText(buildReport([], { now: T0 }))).toContain("No questions were logged in this period.");
  });

  it("percent rounds to one decimal", () => {
    expect(percent(0.12345)).toBe("12.3%");
    expect(percent(0)).toBe("0%");
  });
});

describe("renderReportHtml", () => {
  const html = renderReportHtml(report);
  it("is one standalone page: no scripts, no external resources, a CSP that forbids loading", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it("draws the three charts as inline SVG", () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
    for (const title of ["Questions per day", "Questions per platform", "Outcomes"]) expect(html).toContain(`aria-label="${title}"`);
  });

  it("escapes every user text", () => {
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; minimum wage&#39;s &lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("<code>a &lt;b&gt;.md</code>");
  });

  it("shows the sections", () => {
    for (const h of ["Not covered by the articles", "Most-cited articles", "Downvoted answers", "Per platform"]) expect(html).toContain(`<h2>${h}</h2>`);
  });

  it("has a plain message instead of empty charts for an empty period", () => {
    const empty = renderReportHtml(buildReport([], { now: T0 }));
    expect(empty).not.toContain("<svg");
    expect(empty).toContain("No questions were logged in this period.");
  });
});

describe("charts", () => {
  it("niceMax gives a round top whose half is whole", () => {
    expect([0, 1, 2, 3, 5, 7, 9, 10, 11, 45, 101, 999].map(niceMax)).toEqual([1, 1, 2, 4, 6, 8, 10, 10, 20, 50, 200, 1000]);
  });

  it("stacked bars: one group per bar with its tooltip, segments scaled to the axis", () => {
    const svg = stackedBarsSvg(
      [
        { label: "11-03", values: [2, 2], title: "day <1>" },
        { label: "11-04", values: [0, 0], title: "day 2" },
      ],
      [{ name: "a", color: "#111" }, { name: "b", color: "#222" }],
      "T",
    );
    expect(svg).toContain("<title>day &lt;1&gt;</title>");
    expect(svg.match(/<rect [^>]*fill="#111"/g)).toHaveLength(2); // one segment + the legend swatch
    expect(svg).toContain(">4</text>");
  });

  it("horizontal and split bars show their values and shares", () => {
    expect(horizontalBarsSvg([{ label: "x&y", value: 3, color: "#000" }], "P")).toContain("x&amp;y");
    const split = splitBarSvg(
      [
        { label: "a", value: 1, color: "#000" },
        { label: "b", value: 3, color: "#111" },
      ],
      "O",
    );
    expect(split).toContain("1 (25%)");
    expect(split).toContain("3 (75%)");
  });

  it("escapeHtml escapes the five HTML specials", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("parseDay", () => {
  it("reads real YYYY-MM-DD days as UTC midnight and refuses the rest", () => {
    expect(parseDay("2025-11-01")).toBe(Date.parse("2025-11-01T00:00:00Z"));
    for (const bad of ["2025-02-30", "2025-1-01", "yesterday", "2025-11-01T00:00"]) expect(parseDay(bad)).toBeNull();
  });
});
