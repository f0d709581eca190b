import { describe, expect, it } from "vitest";
import { MONTH_NAMES } from "../../src/text/months.js";

describe("MONTH_NAMES", () => {
  it("lists the twelve English months in lower case, January first", () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES[0]).toBe("january");
    expect(MONTH_NAMES[4]).toBe("may");
    expect(MONTH_NAMES[10]).toBe("november");
    expect(MONTH_NAMES[11]).toBe("december");
    expect(MONTH_NAMES.every((m) => m === m.toLowerCase())).toBe(true);
    expect(new Set(MONTH_NAMES).size).toBe(12);
  });

  it("matches the month names of the platform's English locale", () => {
    const expected = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2024, i, 15)).toLocaleString("en-US", { month: "long", timeZone: "UTC" }).toLowerCase());
    expect(MONTH_NAMES).toEqual(expected);
  });
});
