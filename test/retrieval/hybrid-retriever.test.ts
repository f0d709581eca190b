/**
 * `HybridRetriever` end to end on a small real index (real GloVe embedder): ranking and metadata,
 * `k`, conversation boosts, year preferences, source/date filters and collapsing of identical chunks.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Passage } from "../../src/core/passage.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { reindex } from "../../src/ingest/reindex.js";
import { HybridRetriever } from "../../src/retrieval/hybrid-retriever.js";
import { normalizeWhitespace } from "../../src/text/normalize-whitespace.js";
import { copyCorpus, KYRGYZ_ARTICLE, KYRGYZ_QUESTION, writeArticle, writeGeneratedArticles } from "../helpers/articles.js";
import { realEmbedder } from "../helpers/embedders.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const RIGA_2019 = "riga/2019-dockers-wage.md";
const RIGA_2023 = "riga/2023-dockers-wage.md";
const RIGA_QUESTION = "Which minimum wage agreement did the Riga dockworkers union sign with the port authority?";

/** About 600 characters: a chunk of its own, in the short story and in the longer reprint. */
const HARBOUR_STORY =
  "Zanzibar, March 3, Island Wire\n\n" +
  "The Zanzibar seaweed farmers cooperative elected Amina Mwinyi as its first woman president on Monday. " +
  "She promised better drying racks, a shared boat for the outer reefs and a fair price agreement with the exporters in Stone Town. " +
  "Members of the cooperative said the vote was the largest turnout in its history, with more than four hundred farmers taking part. " +
  "The outgoing president thanked the farmers for twelve years of patience and hard work on the tidal flats.";
const HARBOUR_REPRINT =
  HARBOUR_STORY +
  "\n\nIn a later statement, the regional labour office welcomed the election and announced a survey of working conditions on seaweed farms across both islands, " +
  "to be published before the next planting season.";

const dirs = tempDirs("hybrid");
let index: LoadedIndex;
let retriever: HybridRetriever;

beforeAll(async () => {
  const embedder = await realEmbedder();
  const dataDir = await dirs.make("data");
  const indexDir = path.join(await dirs.make("index"), "index");
  await copyCorpus(dataDir);
  await writeGeneratedArticles(dataDir, 6);
  await writeArticle(dataDir, RIGA_2019, {
    title: "Riga dockers win a minimum wage deal",
    source: "Baltic Wire",
    date: "2019-05-14",
    body: "Riga, May 14, Baltic Wire\n\nThe Riga dockworkers union signed a minimum wage agreement with the port authority on Tuesday. The deal raises pay for crane operators and night shifts.",
  });
  await writeArticle(dataDir, RIGA_2023, {
    title: "New minimum wage agreement for Riga port",
    source: "Nordic Post",
    date: "2023-05-16",
    body: "Riga, May 16, Nordic Post\n\nThe port authority and the Riga dockworkers union agreed on a new minimum wage agreement. Warehouse staff and pilots are covered as well.",
  });
  await writeArticle(dataDir, "island/seaweed.md", { title: "Seaweed farmers elect a president", source: "Island Wire", date: "2022-03-03", body: HARBOUR_STORY });
  await writeArticle(dataDir, "reprints/seaweed-reprint.md", { title: "Cooperative vote on Zanzibar", source: "Ocean Daily", date: "2022-03-04", body: HARBOUR_REPRINT });
  await reindex({ dataDir, indexDir, embedder });
  index = await LoadedIndex.load({ indexDir, embedder });
  retriever = new HybridRetriever({ index, embedder });
}, 60_000);

afterAll(async () => {
  index.close();
  await dirs.cleanup();
});

const paths = (passages: readonly Passage[]) => passages.map((p) => p.article.path);
const textOf = (p: Passage) => p.article.text.slice(p.start, p.end);

describe("HybridRetriever", () => {
  it("returns passages best first, with article metadata and a span inside the article text", async () => {
    const passages = await retriever.retrieve({ text: KYRGYZ_QUESTION });
    expect(passages.length).toBeGreaterThan(1);
    const [top] = passages;
    expect(top?.article).toMatchObject({ path: KYRGYZ_ARTICLE, source: "AZERTAC", date: "2025-11-04" });
    expect(top?.article.title).toMatch(/Kyrgyzstan Trade Unions/);
    expect(top?.lexicalScore).toBeGreaterThan(0);
    expect(top && textOf(top)).toMatch(/Federation of Trade Unions of Kyrgyzstan/);
    for (let i = 0; i < passages.length; i++) {
      const p = passages[i] as Passage;
      if (i > 0) expect(p.score).toBeLessThanOrEqual(passages[i - 1]?.score ?? Infinity);
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeGreaterThan(p.start);
      expect(p.end).toBeLessThanOrEqual(p.article.text.length);
      expect(p.similarity).toBeGreaterThanOrEqual(-1);
      expect(p.similarity).toBeLessThanOrEqual(1);
      expect(index.articleByPath.get(p.article.path)).toBe(p.article);
      // A span is one of the index's chunks, not an arbitrary slice.
      expect(index.chunks.some((c) => c.article === p.article && c.start === p.start && c.end === p.end)).toBe(true);
    }
  });

  it("returns k passages (8 by default)", async () => {
    const question = "trade unions cooperation and wages";
    expect(await retriever.retrieve({ text: question, k: 1 })).toHaveLength(1);
    expect(await retriever.retrieve({ text: question, k: 3 })).toHaveLength(3);
    expect(await retriever.retrieve({ text: question })).toHaveLength(8);
    const three = await retriever.retrieve({ text: question, k: 3 });
    expect((await retriever.retrieve({ text: question, k: 5 })).slice(0, 3)).toEqual(three);
  });

  it("moves an article named in boostPaths up", async () => {
    const plain = paths(await retriever.retrieve({ text: RIGA_QUESTION, k: 4 }));
    expect(plain.slice(0, 2).sort()).toEqual([RIGA_2019, RIGA_2023]);
    const second = plain[1] ?? "";
    const boosted = await retriever.retrieve({ text: RIGA_QUESTION, k: 4, boostPaths: new Set([second]) });
    expect(paths(boosted)[0]).toBe(second);
    const unknown = await retriever.retrieve({ text: RIGA_QUESTION, k: 4, boostPaths: new Set(["no/such-article.md"]) });
    expect(paths(unknown)).toEqual(plain);
  });

  it("prefers the article of a year named in the question", async () => {
    const in2019 = paths(await retriever.retrieve({ text: `${RIGA_QUESTION} It was in 2019.`, k: 20 }));
    const in2023 = paths(await retriever.retrieve({ text: `${RIGA_QUESTION} It was in 2023.`, k: 20 }));
    expect(in2019[0]).toBe(RIGA_2019);
    expect(in2023[0]).toBe(RIGA_2023);
    // The other Riga story is still found, just further down.
    expect(in2019.indexOf(RIGA_2023)).toBeGreaterThan(0);
    expect(in2023.indexOf(RIGA_2019)).toBeGreaterThan(0);
  });

  it("keeps to a source filter (case-insensitive) and a date filter", async () => {
    const bySource = await retriever.retrieve({ text: RIGA_QUESTION, filter: { sources: ["NORDIC post"] } });
    expect(bySource.length).toBeGreaterThan(0);
    expect(bySource.every((p) => p.article.source === "Nordic Post")).toBe(true);
    expect(paths(bySource)[0]).toBe(RIGA_2023);

    const byDate = await retriever.retrieve({ text: RIGA_QUESTION, k: 20, filter: { dateFrom: "2019-01-01", dateTo: "2019-12-31" } });
    expect(new Set(paths(byDate))).toEqual(new Set([RIGA_2019, "2019-06-19-tehran-times-azerbaijan-iran-labor.md"]));
    expect(await retriever.retrieve({ text: RIGA_QUESTION, filter: { sources: ["No Such Outlet"] } })).toEqual([]);
  });

  it("applies date bounds read from the question, merged with the caller's filter", async () => {
    const after = await retriever.retrieve({ text: `${RIGA_QUESTION} Only after 2020.`, k: 20 });
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((p) => (p.article.date ?? "") >= "2021-01-01")).toBe(true);
    expect(paths(after)[0]).toBe(RIGA_2023);
    // After 2020 (question) and up to 2022 (caller): only the seaweed stories of 2022 remain.
    const merged = await retriever.retrieve({ text: "Zanzibar seaweed cooperative after 2020", k: 20, filter: { dateTo: "2022-12-31" } });
    expect(merged.length).toBeGreaterThan(0);
    expect(merged.every((p) => p.article.date?.startsWith("2022") === true)).toBe(true);
  });

  it("collapses identical chunks (the same text in two files) into one passage", async () => {
    const norm = (text: string) => normalizeWhitespace(text).toLowerCase();
    const story = norm(HARBOUR_STORY);
    const copies = index.chunks.filter((c) => norm(c.text) === story);
    expect(new Set(copies.map((c) => c.article.path))).toEqual(new Set(["island/seaweed.md", "reprints/seaweed-reprint.md"]));

    const passages = await retriever.retrieve({ text: "Who did the Zanzibar seaweed farmers cooperative elect as president?", k: 20 });
    expect(passages.filter((p) => norm(textOf(p)) === story)).toHaveLength(1);
    const texts = passages.map((p) => norm(textOf(p)));
    expect(new Set(texts).size).toBe(texts.length);
    // The reprint's other chunk is still there: only the identical text is collapsed.
    expect(passages.some((p) => p.article.path === "reprints/seaweed-reprint.md" && norm(textOf(p)) !== story)).toBe(true);
  });
});
