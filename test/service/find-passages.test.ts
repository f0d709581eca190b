import { describe, expect, it } from "vitest";
import type { Passage } from "../../src/core/passage.js";
import type { Reranker } from "../../src/core/reranker.js";
import type { OverviewQuery, RetrievalQuery, Retriever } from "../../src/core/retriever.js";
import type { Vocabulary } from "../../src/core/vocabulary.js";
import { findPassages } from "../../src/service/find-passages.js";

function passage(n: number): Passage {
  const text = `Sentence ${n}.`;
  const article = { id: `a${n}.md`, path: `a${n}.md`, title: `Article ${n}`, source: "Test Wire", date: "2024-01-01", url: null, text, spans: [{ start: 0, end: text.length }] };
  return { article, start: 0, end: text.length, score: 1 / n, similarity: 0, lexicalScore: 0 };
}

const PASSAGES = Array.from({ length: 40 }, (_, i) => passage(i + 1));
const OVERVIEW = [passage(100), passage(101)];

function fakeRetriever() {
  const retrieveCalls: RetrievalQuery[] = [];
  const overviewCalls: OverviewQuery[] = [];
  const retriever: Retriever = {
    retrieve: async (q) => {
      retrieveCalls.push(q);
      return PASSAGES.slice(0, q.k ?? 8);
    },
    overview: async (q) => {
      overviewCalls.push(q);
      return OVERVIEW;
    },
  };
  return { retriever, retrieveCalls, overviewCalls };
}

const vocabulary: Vocabulary = { has: () => true, frequency: () => 1, size: 40 };

function fakeReranker() {
  const calls: { searchText: [string, Vocabulary][]; rerank: [string, number, Vocabulary][] } = { searchText: [], rerank: [] };
  const reranker: Reranker = {
    searchText: (question, v) => {
      calls.searchText.push([question, v]);
      return `corrected: ${question}`;
    },
    rerank: (question, passages, v) => {
      calls.rerank.push([question, passages.length, v]);
      return [...passages].reverse();
    },
  };
  return { reranker, calls };
}

describe("findPassages for questions about the collection", () => {
  it("reads a few newest articles for \"what's new?\", keeping the caller's filter", async () => {
    const { retriever, retrieveCalls, overviewCalls } = fakeRetriever();
    const found = await findPassages({ retriever, vocabulary, question: "what's new?", retrievalText: "what's new?", filter: { sources: ["AZERTAC"] } });
    expect(found).toBe(OVERVIEW);
    expect(overviewCalls).toStrictEqual([{ filter: { sources: ["AZERTAC"] }, limit: 5 }]);
    expect(retrieveCalls).toEqual([]);
  });

  it("limits the overview to the year asked about", async () => {
    const { retriever, overviewCalls } = fakeRetriever();
    const { reranker, calls } = fakeReranker();
    await findPassages({ retriever, reranker, vocabulary, question: "what happened in 2021?", retrievalText: "ignored", filter: { sources: ["AZERTAC"], dateFrom: "2019-01-01" } });
    expect(overviewCalls).toEqual([{ filter: { sources: ["AZERTAC"], dateFrom: "2021-01-01", dateTo: "2021-12-31" }, limit: 40 }]);
    expect(calls).toEqual({ searchText: [], rerank: [] });
  });

  it("asks the collection question the reader reads, typos repaired", async () => {
    const { retriever, retrieveCalls, overviewCalls } = fakeRetriever();
    const { reranker } = fakeReranker();
    const reading: Reranker = { ...reranker, readText: (q) => q.replace("countres", "countries") };
    await findPassages({ retriever, reranker: reading, vocabulary, question: "which countres are mentioned", retrievalText: "which countres are mentioned" });
    expect(overviewCalls).toEqual([{ filter: {}, limit: 200 }]);
    expect(retrieveCalls).toEqual([]);
  });

  it("reads many articles to list countries or sources, with an empty filter when none is given", async () => {
    const { retriever, overviewCalls } = fakeRetriever();
    await findPassages({ retriever, vocabulary, question: "which countries are mentioned?", retrievalText: "" });
    await findPassages({ retriever, vocabulary, question: "what sources do you have?", retrievalText: "" });
    expect(overviewCalls).toEqual([
      { filter: {}, limit: 200 },
      { filter: {}, limit: 200 },
    ]);
  });

  it("takes the intent from the question, not from the retrieval text", async () => {
    const { retriever, retrieveCalls, overviewCalls } = fakeRetriever();
    await findPassages({ retriever, vocabulary, question: "who chairs the federation?", retrievalText: "what's new?" });
    expect(overviewCalls).toEqual([]);
    expect(retrieveCalls).toHaveLength(1);
  });
});

describe("findPassages for other questions", () => {
  it("searches the retrieval text unchanged at depth 8 without a reranker", async () => {
    const { retriever, retrieveCalls } = fakeRetriever();
    const found = await findPassages({ retriever, vocabulary, question: "who chairs it?", retrievalText: "who chairs the federation of trade unions of kyrgyzstan?" });
    expect(retrieveCalls).toStrictEqual([{ text: "who chairs the federation of trade unions of kyrgyzstan?", k: 8 }]);
    expect(found).toEqual(PASSAGES.slice(0, 8));
  });

  it("passes k, boost paths, filter and signal through", async () => {
    const { retriever, retrieveCalls } = fakeRetriever();
    const boostPaths = new Set(["a1.md"]);
    const signal = new AbortController().signal;
    const found = await findPassages({ retriever, vocabulary, question: "q", retrievalText: "who met babayev?", k: 3, boostPaths, filter: { dateTo: "2020-12-31" }, signal });
    expect(retrieveCalls).toEqual([{ text: "who met babayev?", k: 3, boostPaths, filter: { dateTo: "2020-12-31" }, signal }]);
    expect(retrieveCalls[0]?.boostPaths).toBe(boostPaths);
    expect(retrieveCalls[0]?.signal).toBe(signal);
    expect(found).toHaveLength(3);
  });

  it("looks three times as wide when the reranker says the answer gathers many articles", async () => {
    const { retriever, retrieveCalls } = fakeRetriever();
    const { reranker, calls } = fakeReranker();
    const found = await findPassages({ retriever, reranker: { ...reranker, wantsMany: (q) => q.startsWith("which") }, vocabulary, question: "which ministers appear?", retrievalText: "which ministers appear?" });
    expect(retrieveCalls.map((c) => c.k)).toEqual([36]);
    expect(calls.rerank).toEqual([["which ministers appear?", 36, vocabulary]]);
    expect(found).toHaveLength(24);
  });

  // Re-ranking retrieves RERANK_DEPTH (1.5) times as deep as the answer needs (src/service/find-passages.ts).
  it("with a reranker, searches its text 1.5 times as deep, re-ranks by the question and keeps the default 8", async () => {
    const { retriever, retrieveCalls } = fakeRetriever();
    const { reranker, calls } = fakeReranker();
    const found = await findPassages({ retriever, reranker, vocabulary, question: "who chairs it?", retrievalText: "who chairs the union?" });
    expect(calls.searchText).toEqual([["who chairs the union?", vocabulary]]);
    expect(retrieveCalls).toStrictEqual([{ text: "corrected: who chairs the union?", k: 12 }]);
    expect(calls.rerank).toEqual([["who chairs it?", 12, vocabulary]]);
    expect(found).toEqual(PASSAGES.slice(0, 12).reverse().slice(0, 8));
  });

  it("with a reranker and k, cuts the re-ranked list to k", async () => {
    const { retriever, retrieveCalls } = fakeRetriever();
    const { reranker } = fakeReranker();
    const found = await findPassages({ retriever, reranker, vocabulary, question: "q", retrievalText: "t", k: 4 });
    expect(retrieveCalls.map((c) => c.k)).toEqual([6]);
    expect(found.map((p) => p.article.id)).toEqual(["a6.md", "a5.md", "a4.md", "a3.md"]);
  });

  it("keeps retrieval's order for a follow-up read with the previous question (it favours the previous answer's articles)", async () => {
    const { retriever, retrieveCalls } = fakeRetriever();
    const { reranker, calls } = fakeReranker();
    const found = await findPassages({ retriever, reranker, vocabulary, question: "and who signed it?", retrievalText: "and who signed it? what was agreed", followUp: true });
    expect(calls.rerank).toEqual([]);
    expect(retrieveCalls.map((c) => c.text)).toEqual(["and who signed it? what was agreed"]);
    expect(found).toEqual(PASSAGES.slice(0, 8));
  });
});
