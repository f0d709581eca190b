/**
 * The report's figures on a seeded question log (a real SQLite file): topics of the unanswered
 * questions, totals and rates, questions per day and platform, most-cited articles and downvoted
 * answers; and the edge cases (an empty log, a period with a gap day, `since`).
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoggedQuestion } from "../../src/core/logged-question.js";
import { SqliteQuestionLog } from "../../src/providers/sqlite-question-log.js";
import { buildReport, isGap, utcDay, type GapReport } from "../../src/report/build-report.js";
import { GAP_SEEDS, KYRGYZ, SEED_START, SEED_TOTALS, TEHRAN, seedQuestionLog } from "../helpers/question-log.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("report");
const NOW = Date.parse("2025-11-12T00:00:00Z");
let rows: LoggedQuestion[];
let report: GapReport;

beforeAll(async () => {
  const file = path.join(await dirs.make("log"), "questions.sqlite");
  await seedQuestionLog(file);
  const log = new SqliteQuestionLog({ path: file, retentionDays: 36_500, readonly: true });
  rows = await log.rows();
  await log.close();
  report = buildReport(rows, { now: NOW });
});
afterAll(() => dirs.cleanup());

describe("buildReport on a seeded log", () => {
  it("groups the not-covered questions into the seeded topics", () => {
    const expected = new Map<string, string[]>();
    for (const g of GAP_SEEDS) expected.set(g.topic, [...(expected.get(g.topic) ?? []), g.question]);
    const got = report.gaps.map((t) => [t.label, [...t.questions].sort()]);
    expect(new Map(got as [string, string[]][])).toEqual(new Map([...expected].map(([k, v]) => [k, v.sort()])));
    expect(report.gaps.map((t) => t.count)).toEqual([4, 3, 2, 1, 1]);
    expect(report.gaps[0]).toMatchObject({ label: "minimum wage", askers: 3, example: "What's the minimum wage?" });
  });

  it("counts totals and rates", () => {
    expect(report.totals).toEqual({
      ...SEED_TOTALS,
      refusalRate: 0.7,
      llmFallbackRate: 0.1,
      upVotes: 3,
      downVotes: 4,
    });
    expect(report.period).toEqual({ from: "2025-11-03", to: "2025-11-09" });
    expect(report.generatedAt).toBe("2025-11-12T00:00:00.000Z");
    expect(report.since).toBeNull();
  });

  it("counts questions per day and per platform", () => {
    expect(report.perDay.map((d) => [d.date, d.questions, d.grounded, d.refused])).toEqual([
      ["2025-11-03", 3, 2, 1],
      ["2025-11-04", 4, 1, 3],
      ["2025-11-05", 3, 1, 2],
      ["2025-11-06", 3, 0, 3],
      ["2025-11-07", 2, 1, 1],
      ["2025-11-08", 2, 0, 2],
      ["2025-11-09", 3, 1, 2],
    ]);
    expect(report.perPlatform).toEqual([
      { platform: "telegram", questions: 12, refused: 8 },
      { platform: "discord", questions: 5, refused: 4 },
      { platform: "terminal", questions: 2, refused: 1 },
      { platform: "cli", questions: 1, refused: 1 },
    ]);
  });

  it("ranks the most-cited articles (one count per answer)", () => {
    expect(report.mostCited).toEqual([
      { path: KYRGYZ, count: 5 },
      { path: TEHRAN, count: 2 },
    ]);
  });

  it("lists downvoted answers with their question, worst first", () => {
    expect(report.downvoted.map((d) => [d.question, d.down, d.up, d.grounded])).toEqual([
      ["When did the Azerbaijan delegation visit Tehran?", 3, 1, true],
      ["Who is the ITUC chair?", 1, 0, false],
    ]);
    expect(report.downvoted[0]?.citedPaths).toEqual([TEHRAN, KYRGYZ]);
    expect(report.downvoted[1]?.reason).toBe("not_covered");
  });
});

describe("buildReport edge cases", () => {
  const row = (id: string, at: number, overrides: Partial<LoggedQuestion> = {}): LoggedQuestion => ({
    id, at, platform: "telegram", userHash: null, chat: null, question: "minimum wage?", language: null, grounded: false, reason: "not_covered",
    citedPaths: [], retrieveMs: 0, answerMs: 0, totalMs: 0, llmFallback: false, votes: { up: 0, down: 0 }, ...overrides,
  });

  it("an empty log gives zeros, no period and no division by zero", () => {
    const empty = buildReport([], { now: NOW, since: "2025-11-01" });
    expect(empty.period).toBeNull();
    expect(empty.since).toBe("2025-11-01");
    expect(empty.totals.refusalRate).toBe(0);
    expect(empty.perDay).toEqual([]);
    expect(empty.gaps).toEqual([]);
  });

  it("fills days without questions with zeros (UTC days)", () => {
    const r = buildReport([row("a", Date.parse("2025-11-01T23:59:00Z")), row("b", Date.parse("2025-11-04T00:01:00Z"))], { now: NOW });
    expect(r.perDay.map((d) => [d.date, d.questions])).toEqual([["2025-11-01", 1], ["2025-11-02", 0], ["2025-11-03", 0], ["2025-11-04", 1]]);
    expect(utcDay(Date.parse("2025-11-01T23:59:00Z"))).toBe("2025-11-01");
  });

  it("counts a refusal without a reason as not covered, but not out-of-scope ones", () => {
    expect(isGap(row("a", 0, { reason: null }))).toBe(true);
    expect(isGap(row("a", 0, { reason: "out_of_scope" }))).toBe(false);
    expect(isGap(row("a", 0, { grounded: true, reason: null }))).toBe(false);
  });

  it("the seed's first question is on the seed's first day", () => {
    expect(utcDay(SEED_START)).toBe("2025-11-03");
  });
});
