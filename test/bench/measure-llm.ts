/**
 * `npm run bench-llm -- [--n 100] [--token-ms 5]` — what LLM mode adds, measured against the fake
 * OpenAI server on 127.0.0.1 with the real LangChain client: the rewrite call of a question in
 * another language, streaming, and the time to the first streamed draft. The fake streams 8
 * characters per `--token-ms`, so the numbers are dossier's own overhead plus that pacing — not a
 * real model's speed. Prints one JSON object.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createConfiguredAnswering, createEmbedder, openAnswerService } from "../../src/compose.js";
import { loadConfig } from "../../src/config.js";
import { reindex } from "../../src/ingest/reindex.js";
import { FakeOpenAIServer, passageNumberWith, type ChatReply } from "../fakes/openai-server.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] ?? fallback) || fallback;
const n = args.includes("--n") ? arg("n", 100) : 100;
const tokenMs = args.includes("--token-ms") ? arg("token-ms", 5) : 5;

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN) * 100) / 100;
};
const summary = (values: number[]) => ({ p50: pct(values, 50), p95: pct(values, 95) });

const fake = await FakeOpenAIServer.start();
fake.chunkDelayMs = tokenMs;
fake.chat = (req): ChatReply => {
  if (req.tools[0]?.function.name === "prepare_search") {
    return { tool: { arguments: { standalone_question: "q", english_search_query: "Who chairs the Federation of Trade Unions of Kyrgyzstan?" } } };
  }
  const p = passageNumberWith(req.user, "Jumadilde") ?? 1;
  const quote = /Muradil Jumadilde, Chairman[^.\n]*\./.exec(req.user)?.[0] ?? "";
  return { tool: { arguments: { covered: true, answer: `Muradil Jumadilde chairs the Federation of Trade Unions of Kyrgyzstan [${p}].`, quotes: [{ passage: p, quote }] } } };
};
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-bench-llm-"));
try {
  const glove = await createEmbedder({ cacheDir: path.resolve(".cache") });
  await reindex({ dataDir: path.resolve("data/articles"), indexDir: path.join(tmp, "index"), embedder: glove });
  const config = loadConfig({ env: { ANSWER_MODE: "llm", LLM_BASE_URL: fake.baseUrl, LLM_MODEL: "gpt-4o-mini", LOG_LEVEL: "silent" }, cwd: process.cwd() });
  const answering = await createConfiguredAnswering(config, { rarity: glove });
  const service = await openAnswerService({ indexDir: path.join(tmp, "index"), embedder: glove, rarity: glove, ...answering, watch: false });
  const english: number[] = [];
  const russian: number[] = [];
  const rewrite: number[] = [];
  const firstDraft: number[] = [];
  const streamedTotal: number[] = [];
  for (let i = 0; i < n; i++) {
    english.push((await service.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?")).timings.totalMs);
    const ru = await service.ask("Кто возглавляет Федерацию профсоюзов Кыргызстана?");
    russian.push(ru.timings.totalMs);
    rewrite.push(ru.timings.rewriteMs ?? NaN);
    const started = performance.now();
    let first = NaN;
    const streamed = await service.ask("Who chairs the Federation of Trade Unions of Kyrgyzstan?", { onDraft: () => (first = Number.isNaN(first) ? performance.now() - started : first) });
    firstDraft.push(first);
    streamedTotal.push(streamed.timings.totalMs);
  }
  service.close();
  console.log(
    JSON.stringify(
      {
        n,
        tokenMs,
        englishAnswerMs: summary(english),
        russianAnswerMs: summary(russian),
        rewriteCallMs: summary(rewrite),
        streamedAnswerMs: summary(streamedTotal),
        streamingExtraMs: { p50: Math.round((pct(streamedTotal, 50) - pct(english, 50)) * 100) / 100, p95: Math.round((pct(streamedTotal, 95) - pct(english, 95)) * 100) / 100 },
        firstDraftMs: summary(firstDraft),
      },
      null,
      2,
    ),
  );
} finally {
  await fake.close();
  await fs.rm(tmp, { recursive: true, force: true });
}
