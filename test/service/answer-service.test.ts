import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder, openAnswerService } from "../../src/compose.js";
import { DossierAnswerService } from "../../src/service/answer-service.js";
import { LoadedIndex } from "../../src/index/loaded-index.js";
import { HybridRetriever } from "../../src/retrieval/hybrid-retriever.js";
import { quoteIsVerbatim } from "../../src/text/verify-quote.js";
import { reindex } from "../../src/ingest/reindex.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";

const ARTICLES = path.resolve("data/articles");
const KYRGYZ = "2025-11-04-azertac-kyrgyz-trade-unions.md";
const IRAN = "2019-06-19-tehran-times-azerbaijan-iran-labor.md";

let embedder: GloveEmbeddings;
let tmp: string;
let service: DossierAnswerService;
const texts = new Map<string, string>();

beforeAll(async () => {
  embedder = await createEmbedder({ cacheDir: path.resolve(".cache") });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-service-"));
  await reindex({ dataDir: ARTICLES, indexDir: path.join(tmp, "index"), embedder });
  service = await openAnswerService({ indexDir: path.join(tmp, "index"), embedder, rarity: embedder, watch: false });
  for (const f of await fs.readdir(ARTICLES)) texts.set(f, await fs.readFile(path.join(ARTICLES, f), "utf8"));
});

afterAll(async () => {
  service?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("answers from the bundled articles", () => {
  const seeds: [string, string, RegExp][] = [
    ["Who chairs the Federation of Trade Unions of Kyrgyzstan?", KYRGYZ, /Jumadilde/],
    ["Who is Dzhumadilde?", KYRGYZ, /Jumadilde/],
    ["Where was the International Labour Conference held?", IRAN, /Geneva/],
    ["How many delegates attended the conference?", IRAN, /6,000/],
    ["What did Babaev say about people with disabilities?", IRAN, /disabilities/],
    ["What was signed between AHIK and the Kyrgyz federation?", KYRGYZ, /Memorandum of Understanding/],
    ["Which Iranian minister met Sahel Babayev?", IRAN, /Shariatmadari/],
  ];
  it.each(seeds)("%s", async (question, source, fact) => {
    const answer = await service.ask(question);
    expect(answer.grounded).toBe(true);
    expect(answer.citations[0]?.path).toBe(source);
    // The key fact is in the answer or in the evidence it quotes (the answer contract).
    expect([answer.answer, ...answer.citations.map((c) => c.quote)].join(" ")).toMatch(fact);
    for (const c of answer.citations) expect(quoteIsVerbatim(c.quote, texts.get(c.path) ?? "")).toBe(true);
    for (const m of answer.answer.matchAll(/\[(\d+)\]/g)) expect(answer.citations.map((c) => c.n)).toContain(Number(m[1]));
  });

  it("cites both articles when the answer spans them, without repeating a quote", async () => {
    const answer = await service.ask("Which memorandums of understanding are mentioned?");
    expect(new Set(answer.citations.map((c) => c.path))).toEqual(new Set([KYRGYZ, IRAN]));
    expect(new Set(answer.citations.map((c) => c.quote)).size).toBe(answer.citations.length);
  });

  it("shows the article date and outlet on every citation", async () => {
    const answer = await service.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
    expect(answer.citations[0]).toMatchObject({ n: 1, source: "AZERTAC", date: "2025-11-04", url: null });
  });

  it("prefers articles from a year the question names", async () => {
    const answer = await service.ask("What memorandum was discussed in 2019?");
    expect(answer.citations[0]?.path).toBe(IRAN);
  });

  it("honours source and date filters", async () => {
    const answer = await service.ask("Which memorandum of understanding was mentioned?", { filter: { sources: ["Tehran Times"] } });
    expect(answer.citations.every((c) => c.path === IRAN)).toBe(true);
    const late = await service.ask("Which memorandum of understanding was mentioned?", { filter: { dateFrom: "2025-01-01" } });
    expect(late.citations.every((c) => c.path === KYRGYZ)).toBe(true);
  });
});

describe("refusals", () => {
  const unanswerable = [
    "Who chairs the Federation of Trade Unions of Kazakhstan?",
    "What is the capital of France?",
    "What is the minimum wage in Azerbaijan?",
    "When did the Kyrgyz delegation visit Tehran?",
    "How many members does the Azerbaijan Trade Unions Confederation have?",
    "Write me a poem about unions",
    "hello",
  ];
  it.each(unanswerable)("%s", async (question) => {
    const answer = await service.ask(question);
    expect(answer.grounded).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/don't cover|only answer questions about the indexed/);
  });

  it("rejects empty and over-long questions with a typed error", async () => {
    await expect(service.ask("   ")).rejects.toMatchObject({ code: "QUESTION_INVALID" });
    await expect(service.ask("x".repeat(2000))).rejects.toMatchObject({ code: "QUESTION_INVALID" });
  });
});

describe("follow-ups", () => {
  it("uses the previous turn of the same conversation only", async () => {
    await service.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?", { conversationId: "a" });
    const followUp = await service.ask("What did his federation sign?", { conversationId: "a" });
    expect(followUp.grounded).toBe(true);
    expect(followUp.answer).toMatch(/Memorandum of Understanding/);
    expect(followUp.citations[0]?.path).toBe(KYRGYZ);

    await service.ask("Where was the International Labour Conference held?", { conversationId: "b" });
    const other = await service.ask("And what did they sign?", { conversationId: "b" });
    expect(other.citations[0]?.path).toBe(IRAN);
  });
});

describe("hot reload", () => {
  it("answers from the new index after a re-index, while an in-flight question finishes on the old one", async () => {
    const dataDir = path.join(tmp, "data");
    const indexDir = path.join(tmp, "hot-index");
    await fs.mkdir(dataDir);
    await fs.copyFile(path.join(ARTICLES, IRAN), path.join(dataDir, IRAN));
    await reindex({ dataDir, indexDir, embedder });
    const hot = await openAnswerService({ indexDir, embedder, rarity: embedder, watchIntervalMs: 50 });
    try {
      const before = await hot.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
      expect(before.grounded).toBe(false);
      const oldIndex = hot.current;

      await fs.copyFile(path.join(ARTICLES, KYRGYZ), path.join(dataDir, KYRGYZ));
      const inFlight = hot.ask("Where was the International Labour Conference held?");
      await reindex({ dataDir, indexDir, embedder });
      await expect(inFlight).resolves.toMatchObject({ grounded: true });
      await expect.poll(() => hot.current !== oldIndex, { timeout: 10_000, interval: 50 }).toBe(true);

      const after = await hot.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
      expect(after.grounded).toBe(true);
      expect(after.citations[0]?.path).toBe(KYRGYZ);
      expect(hot.corpus().articles).toHaveLength(2);
    } finally {
      hot.close();
    }
  });

  it("keeps answering from the previous index when a reload fails", async () => {
    const indexDir = path.join(tmp, "broken-index");
    await reindex({ dataDir: ARTICLES, indexDir, embedder });
    const svc = await openAnswerService({ indexDir, embedder, rarity: embedder, watch: false });
    await fs.writeFile(path.join(indexDir, "manifest.json"), "{ not json");
    await svc.reload();
    const answer = await svc.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
    expect(answer.grounded).toBe(true);
    svc.close();
  });
});

describe("corpus info", () => {
  it("lists articles, outlets and the date range", () => {
    const info = service.corpus();
    expect(info.articles.map((a) => a.path).sort()).toEqual([IRAN, KYRGYZ]);
    expect(info.sources).toEqual(["AZERTAC", "Tehran Times"]);
    expect(info.dateRange).toEqual({ from: "2019-06-19", to: "2025-11-04" });
  });
});

describe("questions in other languages, with a rewriter", () => {
  async function serviceWith(multilingualSearch: boolean) {
    const searched: string[] = [];
    const answered: { question: string; language?: string; searchQuery?: string }[] = [];
    const svc = await DossierAnswerService.create({
      loadIndex: () => LoadedIndex.load({ indexDir: path.join(tmp, "index"), embedder }),
      retrieverFor: (index) => {
        const real = new HybridRetriever({ index, embedder });
        return { retrieve: (q) => (searched.push(q.text), real.retrieve(q)), overview: (q) => real.overview(q) };
      },
      answerer: {
        answer: async (input) => {
          answered.push({ question: input.question, ...(input.language === undefined ? {} : { language: input.language }), ...(input.searchQuery === undefined ? {} : { searchQuery: input.searchQuery }) });
          return { answer: "ok", grounded: false, citations: [] };
        },
      },
      rewriter: { rewrite: async ({ question }) => ({ standalone: question, search: "Who chairs the Federation of Trade Unions of Kyrgyzstan?" }) },
      languageDetector: { detect: async () => "ru" },
      multilingualSearch,
    });
    return { svc, searched, answered };
  }
  const question = "Кто возглавляет Федерацию профсоюзов Кыргызстана?";

  it("searches with the English query and answers the question as asked, in its language", async () => {
    const { svc, searched, answered } = await serviceWith(false);
    const answer = await svc.ask(question);
    expect(searched.every((t) => !t.includes("Кто"))).toBe(true);
    expect(searched.some((t) => t.includes("Federation of Trade Unions of Kyrgyzstan"))).toBe(true);
    expect(answered).toEqual([{ question, language: "ru", searchQuery: "Who chairs the Federation of Trade Unions of Kyrgyzstan?" }]);
    expect(answer.language).toBe("ru");
    expect(answer.timings.rewriteMs).toBeGreaterThanOrEqual(0);
    svc.close();
  });

  it("also searches with the question as asked when the embeddings are multilingual", async () => {
    const { svc, searched } = await serviceWith(true);
    await svc.ask(question);
    expect(searched.some((t) => t.includes("Federation of Trade Unions of Kyrgyzstan") && t.includes(question))).toBe(true);
    svc.close();
  });
});
