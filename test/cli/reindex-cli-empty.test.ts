/** `npm run reindex` on an empty data folder: a clear warning and exit 1 (not a silent 0), in text and --json. */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ReindexReport } from "../../src/ingest/reindex.js";
import { runCli } from "../helpers/cli.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("reindex-cli-empty");
afterAll(() => dirs.cleanup());

describe("reindex CLI on an empty data folder", () => {
  it("exit 1 with 'no articles found in DIR — add .md/.txt/.html/.json files'", async () => {
    const dataDir = await dirs.make("data");
    const indexDir = path.join(await dirs.make("index"), "index");
    const text = await runCli("reindex.ts", ["--data", dataDir, "--index", indexDir]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toContain(`warning: no articles found in ${dataDir} — add .md/.txt/.html/.json files`);

    const json = await runCli("reindex.ts", ["--data", dataDir, "--index", indexDir, "--json"]);
    expect(json.code, json.stderr).toBe(1);
    const report = JSON.parse(json.stdout) as ReindexReport;
    expect(report.articles).toBe(0);
    expect(report.warnings).toEqual([`no articles found in ${dataDir} — add .md/.txt/.html/.json files`]);
  });
});
