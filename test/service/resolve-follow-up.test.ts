import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import { silentLogger } from "../../src/core/logger.js";
import type { QuestionRewriter } from "../../src/core/question-rewriter.js";
import type { Answer, Turn } from "../../src/core/types.js";
import { resolveFollowUp, type ResolveOptions } from "../../src/service/resolve-follow-up.js";

function turn(question: string, answer: string, paths: string[]): Turn {
  const citations = paths.map((path, i) => ({ n: i + 1, title: "T", source: "S", date: null, url: null, path, quote: "q" }));
  const a: Answer = { question, answer, grounded: true, citations, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  return { question, answer: a, at: 0 };
}

const history = [
  turn("Where was the conference held?", "In Geneva [1].", ["iran.md"]),
  turn("Who chairs the Kyrgyz federation?", "Jumadilde [1] [2].", ["kyrgyz.md", "kyrgyz-2.md", "kyrgyz.md"]),
];
const refersBack = (q: string) => /\b(he|his|it)\b/i.test(q);
const resolve = (options: Partial<ResolveOptions> & { question: string }) => resolveFollowUp({ history, refersBack, logger: silentLogger, ...options });

describe("resolveFollowUp", () => {
  it("takes the question as asked without history", async () => {
    const r = await resolve({ question: "What did he sign?", history: [] });
    expect(r).toEqual({ question: "What did he sign?", retrievalText: "What did he sign?", boostPaths: new Set(), remembered: "What did he sign?" });
  });

  it("reads a question that refers back together with the previous one", async () => {
    const r = await resolve({ question: "What did his federation sign?" });
    const combined = "What did his federation sign? Who chairs the Kyrgyz federation?";
    expect(r.question).toBe("What did his federation sign?");
    expect(r.retrievalText).toBe(combined);
    expect(r.remembered).toBe(combined);
    expect(r.followUp).toEqual({ previousQuestion: "Who chairs the Kyrgyz federation?" });
    expect(r.boostPaths).toEqual(new Set(["kyrgyz.md", "kyrgyz-2.md"]));
  });

  it("takes a question that does not refer back as asked", async () => {
    const r = await resolve({ question: "Where did the dockers strike?" });
    expect(r.retrievalText).toBe("Where did the dockers strike?");
    expect(r.followUp).toBeUndefined();
    expect(r.boostPaths.size).toBe(0);
  });

  it("uses the rewriter's standalone question and boosts the previous answer's articles", async () => {
    const rewrite = vi.fn(async () => ({ standalone: "What did the Kyrgyz federation sign?", search: "Kyrgyz federation signed" }));
    const r = await resolve({ question: "What did his federation sign?", rewriter: { rewrite } });
    expect(r).toEqual({
      question: "What did the Kyrgyz federation sign?",
      retrievalText: "Kyrgyz federation signed",
      searchQuery: "Kyrgyz federation signed",
      boostPaths: new Set(["kyrgyz.md", "kyrgyz-2.md"]),
      remembered: "What did the Kyrgyz federation sign?",
      rewriteMs: expect.any(Number),
    });
  });

  it("boosts nothing when the rewriter returns the question unchanged, even if it seems to refer back", async () => {
    const rewriter: QuestionRewriter = { rewrite: async ({ question }) => ({ standalone: question, search: question }) };
    const r = await resolve({ question: "Who is he?", rewriter });
    expect(r.question).toBe("Who is he?");
    expect(r.retrievalText).toBe("Who is he?");
    expect(r.followUp).toBeUndefined();
    expect(r.boostPaths.size).toBe(0);
  });

  it("gives the rewriter the history as {question, answer}, oldest first, and the signal", async () => {
    const rewrite = vi.fn(async () => ({ standalone: "standalone", search: "standalone" }));
    const signal = new AbortController().signal;
    await resolve({ question: "And his deputy?", rewriter: { rewrite }, signal, language: "en" });
    expect(rewrite).toHaveBeenCalledWith({
      question: "And his deputy?",
      history: [
        { question: "Where was the conference held?", answer: "In Geneva [1]." },
        { question: "Who chairs the Kyrgyz federation?", answer: "Jumadilde [1] [2]." },
      ],
      language: "en",
      signal,
    });
  });

  it("does not call the rewriter for a first question in English (or of unknown language)", async () => {
    const rewrite = vi.fn(async () => ({ standalone: "standalone", search: "standalone" }));
    await resolve({ question: "Who is he?", history: [], rewriter: { rewrite }, language: "en" });
    await resolve({ question: "Who is he?", history: [], rewriter: { rewrite } });
    expect(rewrite).not.toHaveBeenCalled();
  });

  it("searches a first question in another language with the model's English query, and answers it as asked", async () => {
    const rewrite = vi.fn(async () => ({ standalone: "Кто возглавляет федерацию профсоюзов Кыргызстана?", search: "Who heads the Federation of Trade Unions of Kyrgyzstan?" }));
    const r = await resolve({ question: "Кто возглавляет федерацию профсоюзов Кыргызстана?", history: [], rewriter: { rewrite }, language: "ru" });
    expect(rewrite).toHaveBeenCalledWith(expect.objectContaining({ language: "ru", history: [] }));
    expect(r.question).toBe("Кто возглавляет федерацию профсоюзов Кыргызстана?");
    expect(r.retrievalText).toBe("Who heads the Federation of Trade Unions of Kyrgyzstan?");
    expect(r.searchQuery).toBe("Who heads the Federation of Trade Unions of Kyrgyzstan?");
    expect(r.boostPaths.size).toBe(0);
  });

  it("takes a question in another language as asked when the rewrite fails and there is no history", async () => {
    const rewriter: QuestionRewriter = { rewrite: async () => Promise.reject(new Error("HTTP 500")) };
    const r = await resolve({ question: "Kim rəhbərlik edir?", history: [], rewriter, language: "az" });
    expect(r).toEqual({ question: "Kim rəhbərlik edir?", retrievalText: "Kim rəhbərlik edir?", boostPaths: new Set(), remembered: "Kim rəhbərlik edir?" });
  });

  it("falls back to the previous question and warns when the rewriter fails", async () => {
    const warn = vi.fn();
    const logger: Logger = { ...silentLogger, warn };
    const rewriter: QuestionRewriter = { rewrite: async () => Promise.reject(new Error("model timed out")) };
    const r = await resolve({ question: "What did his federation sign?", rewriter, logger });
    expect(r.retrievalText).toBe("What did his federation sign? Who chairs the Kyrgyz federation?");
    expect(r.followUp).toEqual({ previousQuestion: "Who chairs the Kyrgyz federation?" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("rewrite failed"), { reason: "model timed out" });
  });
});
