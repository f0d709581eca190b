import { describe, expect, it } from "vitest";
import { escapeRegExp } from "../../src/text/escape-reg-exp.js";

describe("escapeRegExp", () => {
  it("matches special characters literally, with and without the u flag", () => {
    const name = "C++ (v1.2) [draft] a|b ^$ * ? {3} \\ x-y";
    expect(new RegExp(`^${escapeRegExp(name)}$`).test(name)).toBe(true);
    expect(new RegExp(`^${escapeRegExp(name)}$`, "iu").test(name.toUpperCase())).toBe(true);
    expect(new RegExp(escapeRegExp("a.b")).test("axb")).toBe(false);
  });
});
