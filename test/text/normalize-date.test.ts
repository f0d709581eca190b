import { describe, expect, it } from "vitest";
import { isoDate, monthNumber, normalizeDate } from "../../src/text/normalize-date.js";

describe("normalizeDate", () => {
  it.each([
    ["2019-06-19", "2019-06-19"],
    ["  2019-06-19 ", "2019-06-19"],
    ["2019-06-19T23:30:00+04:00", "2019-06-19"],
    ["2019-06-19T08:00:00Z", "2019-06-19"],
    ["2019-06-19 08:00", "2019-06-19"],
    ["2019/6/9", "2019-06-09"],
    ["June 19, 2019", "2019-06-19"],
    ["Jun 19 2019", "2019-06-19"],
    ["Sept. 3, 2020", "2020-09-03"],
    ["Wednesday, June 19, 2019", "2019-06-19"],
    ["19 June 2019", "2019-06-19"],
    ["4th November 2025", "2025-11-04"],
  ])("reads %j as %s", (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it("takes the UTC calendar day of a Date (what YAML timestamps become)", () => {
    expect(normalizeDate(new Date(Date.UTC(2025, 10, 4)))).toBe("2025-11-04");
  });

  it.each([["2019-06"], ["2019"], ["2019-02-30"], ["2019-13-01"], ["Junk 19, 2019"], ["tomorrow"], [""], ["June 10-21"]])(
    "gives null for %j",
    (input) => {
      expect(normalizeDate(input)).toBeNull();
    },
  );

  it("gives null for non-dates", () => {
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate(undefined)).toBeNull();
    expect(normalizeDate(20190619)).toBeNull();
    expect(normalizeDate(new Date("nonsense"))).toBeNull();
    expect(normalizeDate({ date: "2019-06-19" })).toBeNull();
  });
});

describe("monthNumber and isoDate", () => {
  it("knows English month names and abbreviations", () => {
    expect(monthNumber("November")).toBe(11);
    expect(monthNumber("nov")).toBe(11);
    expect(monthNumber("Ma")).toBeNull();
    expect(monthNumber("Foo")).toBeNull();
  });

  it("rejects impossible days", () => {
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2023, 0, 1)).toBeNull();
  });
});
