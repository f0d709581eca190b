/**
 * The `npm run ask` contract: `--json` prints the Answer shape (DESIGN.md), quotes are verbatim
 * from the cited article file, stdin mode answers one line with one JSON line, and a question the
 * articles do not cover is refused with no citations.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/types.js";
import { reindex } from "../../src/ingest/reindex.js";
import { ABSENT_QUESTION, KYRGYZ_ARTICLE, KYRGYZ_QUESTION, TEHRAN_ARTICLE, copyCorpus, normalizeWhitespace } from "../helpers/articles.js";
import { runCli } from "../helpers/cli.js";
import { realEmbedder } from "../helpers/embedders.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("ask-cli");
let dataDir: string;
let indexDir: string;

beforeAll(async () => {
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  await reindex({ dataDir, indexDir, embedder: await realEmbedder() });
}, 60_000);
afterAll(() => dirs.cleanup());

/** Checks one printed answer against the contract; returns it typed. */
async function expectAnswerShape(value: unknown, question: string): Promise<Answer> {
  const answer = value as Answer;
  // The contract's fields, plus the optional ones (reason on refusals, the question's language, the answer's id for votes).
  const keys = Object.keys(answer).sort();
  expect(keys.filter((k) => k !== "reason" && k !== "language" && k !== "id")).toEqual(["answer", "citations", "grounded", "question", "timings"]);
  expect(answer.id).toMatch(/^[0-9a-f-]{36}$/);
  if (answer.grounded) expect(keys).not.toContain("reason");
  else expect(["not_covered", "out_of_scope", "unsupported_language"]).toContain(answer.reason);
  expect(answer.question).toBe(question);
  expect(typeof answer.answer).toBe("string");
  expect(answer.answer.trim().length).toBeGreaterThan(0);
  expect(typeof answer.grounded).toBe("boolean");
  expect(Object.keys(answer.timings).sort()).toEqual(["answerMs", "retrieveMs", "totalMs"]);
  for (const ms of Object.values(answer.timings)) {
    expect(typeof ms).toBe("number");
    expect(ms).toBeGreaterThanOrEqual(0);
  }
  answer.citations.forEach((c, i) => {
    expect(Object.keys(c).sort()).toEqual(["date", "n", "path", "quote", "source", "title", "url"]);
    expect(c.n).toBe(i + 1);
    expect(typeof c.title).toBe("string");
    expect(typeof c.source).toBe("string");
    expect(c.date === null || /^\d{4}-\d{2}-\d{2}$/.test(c.date)).toBe(true);
    expect(c.url === null || typeof c.url === "string").toBe(true);
    expect(path.isAbsolute(c.path)).toBe(false);
  });
  // Quotes are verbatim from the cited article file (after whitespace normalisation).
  for (const c of answer.citations) {
    const file = await fs.readFile(path.join(dataDir, c.path), "utf8");
    expect(c.quote.trim().length).toBeGreaterThan(0);
    expect(normalizeWhitespace(file)).toContain(normalizeWhitespace(c.quote));
  }
  // Every [n] in the answer refers to a citation.
  const refs = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  for (const n of refs) expect(answer.citations.map((c) => c.n)).toContain(n);
  if (answer.grounded) {
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(refs.length).toBeGreaterThan(0);
  } else {
    expect(answer.citations).toEqual([]);
  }
  return answer;
}

describe("ask CLI", () => {
  it("--json QUESTION prints one Answer object with verbatim quotes from the cited file", async () => {
    const result = await runCli("ask.ts", ["--index", indexDir, "--json", KYRGYZ_QUESTION]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = await expectAnswerShape(JSON.parse(lines[0] ?? ""), KYRGYZ_QUESTION);
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain("Muradil Jumadilde");
    expect(answer.citations[0]).toMatchObject({ n: 1, source: "AZERTAC", date: "2025-11-04", url: null, path: KYRGYZ_ARTICLE });
    expect(answer.citations[0]?.quote).toContain("Muradil Jumadilde");
  });

  it("stdin mode answers each non-empty line with one JSON line, in order (INDEX_DIR from the environment)", async () => {
    const questions = [KYRGYZ_QUESTION, ABSENT_QUESTION, "Where was the International Labor Conference held?"];
    const input = `${questions[0]}\n\n   \n${questions[1]}\n${questions[2]}`; // blank lines are ignored; no final newline
    const result = await runCli("ask.ts", ["--json"], { env: { INDEX_DIR: indexDir }, input });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const answers = await Promise.all(lines.map((line, i) => expectAnswerShape(JSON.parse(line), questions[i] ?? "")));

    expect(answers[0]?.grounded).toBe(true);
    expect(answers[0]?.citations[0]?.path).toBe(KYRGYZ_ARTICLE);

    // Not covered: refused plainly, nothing cited.
    expect(answers[1]).toMatchObject({ grounded: false, citations: [] });
    expect(answers[1]?.answer).not.toMatch(/Jumadilde/);

    expect(answers[2]?.grounded).toBe(true);
    expect(answers[2]?.citations[0]?.path).toBe(TEHRAN_ARTICLE);
    expect(answers[2]?.answer).toContain("Geneva");
  });

  it("without an index it fails with exit 2 and tells the user to run reindex (no stack trace)", async () => {
    const missing = path.join(await dirs.make("missing"), "index");
    const result = await runCli("ask.ts", ["--index", missing, "--json", KYRGYZ_QUESTION]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/npm run reindex/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.stdout).toBe("");
  });
});
