/** Word wrapping for the terminal: whole words, hanging indents, widths in code points. */
import { describe, expect, it } from "vitest";
import { codePointWidth, displayWidth, wrapText } from "../../../src/adapters/terminal/wrap-text.js";

const QUOTE = "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared his views.";

describe("wrapText", () => {
  it("keeps words whole and every line within the width", () => {
    const lines = wrapText(QUOTE, { width: 24 });
    expect(lines).toEqual(["Muradil Jumadilde,", "Chairman of the", "Federation of Trade", "Unions of Kyrgyzstan,", "shared his views."]);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(24);
    expect(lines.join(" ")).toBe(QUOTE);
  });

  it("indents continuation lines under the text, not under the number", () => {
    const lines = wrapText(`“${QUOTE}”`, { width: 30, prefix: "    [12] " });
    expect(lines[0]).toBe("    [12] “Muradil Jumadilde,");
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {9}\S/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.map((l) => l.trim()).join(" ").replace("[12] ", "")).toBe(`“${QUOTE}”`);
  });

  it("takes an explicit indent and starts a new line at each line break", () => {
    expect(wrapText("one two three\nfour", { width: 9, prefix: "- ", indent: "  " })).toEqual(["- one two", "  three", "  four"]);
  });

  it("cuts only a word longer than the line, and can leave it whole (URLs)", () => {
    expect(wrapText("see abcdefghijkl end", { width: 5 })).toEqual(["see", "abcde", "fghij", "kl", "end"]);
    const url = "https://example.org/a/very/long/path";
    expect(wrapText(url, { width: 10, prefix: "  ", breakLongWords: false })).toEqual([`  ${url}`]);
  });

  it("never splits a surrogate pair or separates a combining mark from its letter", () => {
    const word = "e\u0301".repeat(6); // é as e + combining acute: 6 columns
    expect(wrapText(word, { width: 4 })).toEqual(["e\u0301".repeat(4), "e\u0301".repeat(2)]);
    const emoji = "😀😀😀"; // two columns each
    expect(wrapText(emoji, { width: 4 })).toEqual(["😀😀", "😀"]);
  });

  it("counts wide characters as two columns", () => {
    expect(codePointWidth("a")).toBe(1);
    expect(codePointWidth("\u0301")).toBe(0);
    expect(codePointWidth("\u200d")).toBe(0);
    expect(codePointWidth("中")).toBe(2);
    expect(codePointWidth("😀")).toBe(2);
    expect(displayWidth("工会 unions")).toBe(11);
    expect(wrapText("工会 工会 工会", { width: 9 })).toEqual(["工会 工会", "工会"]);
  });

  it("collapses whitespace, drops trailing spaces, and survives a width smaller than the prefix", () => {
    expect(wrapText("  a \t b  ", { width: 80, prefix: "> " })).toEqual(["> a b"]);
    expect(wrapText("", { width: 80, prefix: "  [1] " })).toEqual(["  [1]"]);
    expect(wrapText("ab cd", { width: 2, prefix: "[1] " })).toEqual(["[1] a", "    b", "    c", "    d"]);
  });
});
