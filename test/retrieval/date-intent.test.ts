import { describe, expect, it } from "vitest";
import { parseDateIntent, passesDateFilter } from "../../src/retrieval/date-intent.js";

describe("parseDateIntent", () => {
  it("reads years named in the question as preferences, not filters", () => {
    const intent = parseDateIntent("What did Babayev say in 2019 about the 2025 visit?");
    expect(intent).toEqual({ years: [2019, 2025], preferRecent: false, preferOldest: false, filter: {} });
    expect(parseDateIntent("Who met in 1949, 2100 or 20199?").years).toEqual([]);
    expect(parseDateIntent("The 1950 and 2099 congresses").years).toEqual([1950, 2099]);
    expect(parseDateIntent("Who chairs the federation?")).toEqual({ years: [], preferRecent: false, preferOldest: false, filter: {} });
  });

  it('"after 2020" starts the year after; "since"/"from" start that year', () => {
    expect(parseDateIntent("What happened after 2020?").filter).toEqual({ dateFrom: "2021-01-01" });
    expect(parseDateIntent("Agreements since 2019").filter).toEqual({ dateFrom: "2019-01-01" });
    expect(parseDateIntent("Talks from the year 2018 on").filter).toEqual({ dateFrom: "2018-01-01" });
    expect(parseDateIntent("After the year 2020, who led it?").filter).toEqual({ dateFrom: "2021-01-01" });
  });

  it('"before 2020" ends the year before; the bounding years are not preferences', () => {
    const intent = parseDateIntent("Who led the unions before 2020?");
    expect(intent.filter).toEqual({ dateTo: "2019-12-31" });
    expect(intent.years).toEqual([]);
    expect(parseDateIntent("until 2022").filter).toEqual({ dateTo: "2021-12-31" });
    expect(parseDateIntent("prior to 2015").filter).toEqual({ dateTo: "2014-12-31" });
    const both = parseDateIntent("Since 2019 and before 2022, what happened in 2020?");
    expect(both.filter).toEqual({ dateFrom: "2019-01-01", dateTo: "2021-12-31" });
    expect(both.years).toEqual([2020]);
  });

  it('"after 2020" stays exclusive when the question also says "from" elsewhere', () => {
    expect(parseDateIntent("What did the union hear from the ministry after 2020?").filter).toEqual({ dateFrom: "2021-01-01" });
  });

  it("bounds at the start of the pandemic", () => {
    expect(parseDateIntent("What changed after the pandemic?").filter).toEqual({ dateFrom: "2020-03-01" });
    expect(parseDateIntent("since the COVID-19 pandemic").filter).toEqual({ dateFrom: "2020-03-01" });
    expect(parseDateIntent("Wages before the covid pandemic").filter).toEqual({ dateTo: "2020-02-29" });
    expect(parseDateIntent("Wages before pandemic").filter).toEqual({ dateTo: "2020-02-29" });
    expect(parseDateIntent("Wages during the pandemic").filter).toEqual({});
  });

  it('prefers recent articles for "latest" and old ones for "earliest"', () => {
    for (const q of ["What is the latest news?", "the most recent meeting", "Who is currently the chair?", "the newest agreement"]) {
      expect(parseDateIntent(q).preferRecent, q).toBe(true);
    }
    for (const q of ["the earliest agreement", "the oldest union", "When did they meet for the first time?"]) {
      expect(parseDateIntent(q).preferOldest, q).toBe(true);
      expect(parseDateIntent(q).preferRecent, q).toBe(false);
    }
    expect(parseDateIntent("Who is the lateral thinker at the firstborn union?")).toMatchObject({ preferRecent: false, preferOldest: false });
  });
});

describe("passesDateFilter", () => {
  it("passes everything when there are no date bounds, undated articles included", () => {
    expect(passesDateFilter("2019-06-19", undefined)).toBe(true);
    expect(passesDateFilter(null, undefined)).toBe(true);
    expect(passesDateFilter(null, {})).toBe(true);
    expect(passesDateFilter(null, { sources: ["AZERTAC"] })).toBe(true);
  });

  it("keeps undated articles out of a bounded filter", () => {
    expect(passesDateFilter(null, { dateFrom: "2020-01-01" })).toBe(false);
    expect(passesDateFilter(null, { dateTo: "2020-01-01" })).toBe(false);
  });

  it("treats both bounds as inclusive", () => {
    const filter = { dateFrom: "2019-01-01", dateTo: "2019-12-31" };
    expect(passesDateFilter("2019-01-01", filter)).toBe(true);
    expect(passesDateFilter("2019-12-31", filter)).toBe(true);
    expect(passesDateFilter("2019-06-19", filter)).toBe(true);
    expect(passesDateFilter("2018-12-31", filter)).toBe(false);
    expect(passesDateFilter("2020-01-01", filter)).toBe(false);
    expect(passesDateFilter("2025-11-04", { dateFrom: "2021-01-01" })).toBe(true);
    expect(passesDateFilter("2019-06-19", { dateTo: "2019-06-18" })).toBe(false);
  });

  it("works with the filters parseDateIntent produces", () => {
    const { filter } = parseDateIntent("What happened before the pandemic?");
    expect(passesDateFilter("2020-02-29", filter)).toBe(true);
    expect(passesDateFilter("2020-03-01", filter)).toBe(false);
  });
});
