/**
 * The `npm run add -- URL…` contract: exit 0 when every URL was added or already present, 1 when
 * some failed (each named with a one-line reason, the rest added), 2 on a fatal error; progress on
 * stderr; `--json` prints one report; the added article is answerable after the re-index.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAnswerService } from "../../src/compose.js";
import { NewsSite } from "../fakes/news-site.js";
import { copyCorpus } from "../helpers/articles.js";
import { runCli, runNpxTsx } from "../helpers/cli.js";
import { realEmbedder } from "../helpers/embedders.js";
import { readManifestFile } from "../helpers/index-dir.js";
import { newsPage, PORT_SAFETY, SEAFARERS } from "../helpers/news-pages.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("add-cli");
let site: NewsSite;
let dataDir: string;
let indexDir: string;
let env: Record<string, string>;

const SEAFARERS_FILE = "2024-03-12-harbour-labour-news-estonian-seafarers-and-nordic-transport-workers-sign.md";
const SAFETY_FILE = "2024-03-12-harbour-labour-news-finnish-and-estonian-dockers-agree-joint-safety-rules-for.md";

beforeAll(async () => {
  site = await NewsSite.start();
  site
    .page("/news/seafarers", newsPage({ ...SEAFARERS, canonical: site.url("/news/seafarers") }))
    .page("/news/port-safety", newsPage(PORT_SAFETY))
    .page("/feed.json", '{"ok":true}', "application/json")
    .page("/empty", "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    .set("/loop", { kind: "redirect", to: "/loop2" })
    .set("/loop2", { kind: "redirect", to: "/loop" })
    .set("/slow", { kind: "slow", delayMs: 5_000, body: "<p>late</p>" })
    .set("/big", { kind: "stream", chunk: "<p>".padEnd(4096, "x"), chunks: 10 });
  dataDir = await dirs.make("data");
  indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  env = { DATA_DIR: dataDir, INDEX_DIR: indexDir };
});
afterAll(async () => {
  await site.close();
  await dirs.cleanup();
});

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe("add CLI", () => {
  it("--help prints the usage; no URL or an unknown option is exit 2", async () => {
    const help = await runCli("add.ts", ["--help"], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run add -- URL/);
    const none = await runCli("add.ts", [], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/Give at least one URL/);
    const unknown = await runCli("add.ts", ["--frobnicate", site.url("/news/seafarers")], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option --frobnicate/);
    expectNoStackTrace(none.stderr + unknown.stderr);
  });

  it("exit 0: adds the page (`npx tsx`), shows progress on stderr, re-indexes, and the article is answerable", async () => {
    const url = site.url("/news/seafarers");
    const result = await runNpxTsx("add.ts", [url], { env, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`fetching 1/1 ${url}`);
    expect(result.stdout).toContain(`+ ${SEAFARERS_FILE}  ← ${url}`);
    expect(result.stdout).toMatch(/Added 1, already present 0, failed 0\./);
    expect(result.stdout).toMatch(/Re-indexed: 3 article\(s\)/);
    expect(await fs.readFile(path.join(dataDir, SEAFARERS_FILE), "utf8")).toMatch(/^---\ntitle: Estonian seafarers/);
    expect((await readManifestFile(indexDir)).articles.map((a) => a.id)).toContain(SEAFARERS_FILE);

    const embedder = await realEmbedder();
    const service = await openAnswerService({ indexDir, embedder, rarity: embedder, watch: false });
    try {
      const answer = await service.ask("Who signed the agreement for the Nordic Transport Workers' Federation?");
      expect(answer.grounded).toBe(true);
      expect(answer.citations[0]?.path).toBe(SEAFARERS_FILE);
      expect([answer.answer, ...answer.citations.map((c) => c.quote)].join(" ")).toMatch(/Ingrid Lindqvist/);
    } finally {
      service.close();
    }
  });

  it("exit 0 for a URL already present: reported, not duplicated, nothing re-indexed", async () => {
    const before = await fs.readdir(dataDir);
    const manifest = await fs.readFile(path.join(indexDir, "manifest.json"), "utf8");
    const result = await runCli("add.ts", [site.url("/news/seafarers")], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`= already present: ${site.url("/news/seafarers")} (${SEAFARERS_FILE})`);
    expect(result.stdout).not.toMatch(/Re-indexed/);
    expect(await fs.readdir(dataDir)).toEqual(before);
    expect(await fs.readFile(path.join(indexDir, "manifest.json"), "utf8")).toBe(manifest);
  });

  it("exit 1 when some URLs fail: each named with its reason, the others added (--json: one report)", async () => {
    const failing = ["/missing", "/feed.json", "/empty", "/loop", "/slow", "/big"].map((p) => site.url(p));
    const result = await runCli("add.ts", ["--json", ...failing, site.url("/news/port-safety")], {
      env: { ...env, FETCH_TIMEOUT_MS: "300", FETCH_MAX_BYTES: "20000" },
      timeoutMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? "") as { added: { path: string }[]; failed: { url: string; reason: string }[]; reindex: { ok: boolean; articles: number } };
    expect(report.added.map((a) => a.path)).toEqual([SAFETY_FILE]);
    expect(report.failed).toEqual([
      { url: site.url("/missing"), reason: "HTTP 404 Not Found" },
      { url: site.url("/feed.json"), reason: "not an HTML page (application/json)" },
      { url: site.url("/empty"), reason: "no article found on the page" },
      { url: site.url("/loop"), reason: `redirect loop: ${site.url("/loop")} → ${site.url("/loop2")} → ${site.url("/loop")}` },
      { url: site.url("/slow"), reason: "timed out after 300 ms" },
      { url: site.url("/big"), reason: "page over the size limit (more than 19.5 KB)" },
    ]);
    expect(report.reindex).toMatchObject({ ok: true, articles: 4 });
  });

  it("names an unreachable host in the human summary (exit 1)", async () => {
    const host = new URL(site.url("/")).host;
    await site.close();
    try {
      const result = await runCli("add.ts", [site.url("/news/other")], { env });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`! ${site.url("/news/other")}: could not reach ${host}: connection refused`);
      expect(result.stdout).toMatch(/Added 0, already present 0, failed 1\./);
    } finally {
      site = await NewsSite.start(); // afterAll closes it
    }
  });

  it("exit 2 when the data folder cannot be written", async () => {
    const file = path.join(await dirs.make("blocked"), "not-a-folder");
    await fs.writeFile(file, "x");
    const result = await runCli("add.ts", ["--data", path.join(file, "articles"), "http://127.0.0.1:9/x"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot write to the data folder .*not-a-folder\/articles \(ENOTDIR\)\./);
    expectNoStackTrace(result.stderr);
  });
});
