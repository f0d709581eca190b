import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createConfiguredAnswering, createEmbedder, openAnswerService } from "../../src/compose.js";
import type { DossierAnswerService } from "../../src/service/answer-service.js";
import { createLogger } from "../../src/providers/console-logger.js";
import { reindex } from "../../src/ingest/reindex.js";
import { quoteIsVerbatim } from "../../src/text/verify-quote.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { FakeAnthropicServer, type MessagesRequestView } from "../fakes/anthropic-server.js";

const KEY = "sk-ant-test-SECRETKEY1234567890";
const KYRGYZ = "2025-11-04-azertac-kyrgyz-trade-unions.md";

let fake: FakeAnthropicServer;
let glove: GloveEmbeddings;
let tmp: string;
let service: DossierAnswerService;
const logLines: string[] = [];

/** The prompt text of a request (the user message's text). */
function userText(req: MessagesRequestView): string {
  return req.messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n");
}

beforeAll(async () => {
  glove = await createEmbedder({ cacheDir: path.resolve(".cache") });
  fake = await FakeAnthropicServer.start();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-anthropic-"));
  await reindex({ dataDir: path.resolve("data/articles"), indexDir: path.join(tmp, "index"), embedder: glove });
  const config = loadConfig({
    env: { ANSWER_MODE: "llm", LLM_PROVIDER: "anthropic", LLM_BASE_URL: fake.baseUrl, LLM_API_KEY: KEY, LLM_MODEL: "claude-test", LLM_TIMEOUT_MS: "2000" },
    cwd: process.cwd(),
  });
  const logger = createLogger({ level: "debug", secrets: [KEY], write: (line) => logLines.push(line) });
  const answering = await createConfiguredAnswering(config, { rarity: glove, logger, probe: true });
  service = await openAnswerService({ indexDir: path.join(tmp, "index"), embedder: glove, rarity: glove, ...answering, logger, watch: false });
});

afterAll(async () => {
  service?.close();
  await fake?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("LLM mode through the real LangChain Anthropic client", () => {
  it("answers a Russian question from English passages, streamed, with a verified quote and its translation", async () => {
    const translation = "Мурадил Джумадилде, председатель Федерации профсоюзов Кыргызстана.";
    fake.chunkDelayMs = 1;
    fake.messages = (req) => {
      const tool = req.tools[0]?.name;
      if (tool === "prepare_search") return { tool: { input: { standalone_question: "Кто возглавляет Федерацию профсоюзов Кыргызстана?", english_search_query: "Who chairs the Federation of Trade Unions of Kyrgyzstan?" } } };
      const text = userText(req).replace(/\\n/g, "\n");
      const block = text.split(/\n\n(?=\[\d+\] )/).find((b) => b.includes("Muradil Jumadilde, Chairman")) ?? "";
      const n = Number(/\[(\d+)\] /.exec(block)?.[1] ?? 1);
      const quote = /Muradil Jumadilde, Chairman[^.]*\./.exec(block)?.[0] ?? "";
      return { tool: { input: { covered: true, answer: `${translation} [${n}]`, quotes: [{ passage: n, quote, translation }] } } };
    };
    const drafts: string[] = [];
    const answer = await service.ask("Кто возглавляет Федерацию профсоюзов Кыргызстана?", { onDraft: (d) => drafts.push(d) });
    expect(logLines.join("\n")).not.toContain("LLM mode is off");
    const requests = fake.messageRequests();
    expect(requests.map((r) => r.tools[0]?.name)).toEqual(["prepare_search", "cited_answer"]);
    expect(requests[1]?.system).toContain("Write the answer in Russian");
    expect(drafts.length).toBeGreaterThan(1);
    expect(answer.language).toBe("ru");
    expect(answer.answer).toBe(`${translation} [1]`);
    expect(answer.citations[0]?.path).toBe(KYRGYZ);
    expect(answer.citations[0]?.translation).toBe(translation);
    const article = await fs.readFile(path.resolve("data/articles", KYRGYZ), "utf8");
    expect(quoteIsVerbatim(answer.citations[0]?.quote ?? "", article)).toBe(true);
    expect(logLines.join("\n")).not.toContain(KEY);
  });

  it("falls back to the extractive answer on a 529 overload", async () => {
    fake.messages = () => ({ status: 529, body: JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }) });
    const answer = await service.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?");
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toMatch(/^Muradil Jumadilde, Chairman/);
    expect(logLines.join("\n")).not.toContain(KEY);
  });
});
