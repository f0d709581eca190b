/**
 * The `npm run report` contract, run as child processes: text by default, `--json` machine-readable,
 * `--html FILE` a standalone page with inline SVG charts, `--since` a UTC day; exit 2 with a clear
 * message when there is no log to read (missing file, or QUESTION_LOG off) or the arguments are
 * wrong — and the report never creates or changes a log.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GapReport } from "../../src/report/build-report.js";
import { runCli, runNpxTsx } from "../helpers/cli.js";
import { SEED_TOTALS, seedQuestionLog } from "../helpers/question-log.js";
import { snapshotTree, tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("report-cli");
let dir: string;
let log: string;

beforeAll(async () => {
  dir = await dirs.make("log");
  log = path.join(dir, "questions.sqlite");
  await seedQuestionLog(log);
});
afterAll(() => dirs.cleanup());

describe("report CLI", () => {
  it("prints the text report from QUESTION_LOG_PATH (the documented npx tsx form, with --), and leaves the log as it was", async () => {
    // A read-only reader of a WAL database may leave SQLite's empty -wal / -shm companions; the log itself is untouched.
    const logFile = async () => (await snapshotTree(dir)).filter((line) => line.startsWith("questions.sqlite "));
    const before = await logFile();
    const result = await runNpxTsx("report.ts", ["--"], { env: { QUESTION_LOG_PATH: log }, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Question log report: 2025-11-03 to 2025-11-09");
    expect(result.stdout).toContain(`${SEED_TOTALS.questions} question(s) from ${SEED_TOTALS.askers} asker(s)`);
    expect(result.stdout).toMatch(/4× minimum wage, 3 asker\(s\)/);
    expect(result.stdout).toContain("Most-cited articles");
    expect(result.stdout).toContain("Downvoted answers");
    expect(await logFile()).toEqual(before);
  }, 70_000);

  it("--json prints one GapReport object; --html writes a standalone page with SVG charts", async () => {
    const html = path.join(dir, "out", "report.html");
    const result = await runCli("report.ts", ["--log", log, "--json", "--html", html]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? "") as GapReport;
    expect(Object.keys(report).sort()).toEqual(["downvoted", "gaps", "generatedAt", "mostCited", "perDay", "perPlatform", "period", "since", "totals"]);
    expect(report.totals).toMatchObject({ questions: 20, refusalRate: 0.7, llmFallbackRate: 0.1, outOfScope: 2, unsupportedLanguage: 1, notCovered: 11 });
    expect(Object.keys(report.gaps[0] ?? {}).sort()).toEqual(["askers", "count", "example", "ids", "label", "lastAskedAt", "questions", "terms"]);
    expect(report.gaps[0]).toMatchObject({ label: "minimum wage", count: 4 });
    expect(report.perDay).toHaveLength(7);
    expect(report.mostCited[0]?.count).toBe(5);
    expect(report.downvoted[0]).toMatchObject({ question: "When did the Azerbaijan delegation visit Tehran?", down: 3, up: 1 });
    expect(result.stderr).toContain(`Wrote ${html}`);
    const page = fs.readFileSync(html, "utf8");
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<svg");
    expect(page).toContain("minimum wage");
    expect(page).not.toContain("<script");
  });

  it("--since keeps questions from that UTC day on", async () => {
    const result = await runCli("report.ts", ["--log", log, "--json", "--since", "2025-11-08"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as GapReport;
    expect(report.since).toBe("2025-11-08");
    expect(report.totals.questions).toBe(5);
    expect(report.period).toEqual({ from: "2025-11-08", to: "2025-11-09" });
  });

  it("exits 2 with a clear message when the log is missing, and creates nothing", async () => {
    const missing = path.join(dir, "nowhere", "questions.sqlite");
    const result = await runCli("report.ts", [], { env: { QUESTION_LOG_PATH: missing } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`No question log at ${missing}`);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it("exits 2 when QUESTION_LOG is off (unless --log names a file)", async () => {
    const off = await runCli("report.ts", [], { env: { QUESTION_LOG: "off", QUESTION_LOG_PATH: log } });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain("The question log is off (QUESTION_LOG=off)");
    const explicit = await runCli("report.ts", ["--log", log, "--json"], { env: { QUESTION_LOG: "off" } });
    expect(explicit.code, explicit.stderr).toBe(0);
  });

  it("exits 2 with the usage on a bad --since, an unknown flag or a stray argument", async () => {
    for (const args of [["--since", "2025-13-01"], ["--since", "last week"], ["--weekly"], ["extra"]]) {
      const result = await runCli("report.ts", ["--log", log, ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run report");
    }
  });

  it("exits 2 when the file is not a question log", async () => {
    const other = path.join(dir, "not-a-log.sqlite");
    fs.writeFileSync(other, "hello, I am not SQLite");
    const result = await runCli("report.ts", ["--log", other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Cannot open the question log");
  });
});
