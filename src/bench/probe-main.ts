/**
 * Child-process entry for cold start and resident memory: a fresh process loads one system's index
 * (dossier's answer service, the LangChain HNSWLib store, or BM25 alone), answers the first
 * question, prints `first`, answers the rest and prints its memory as JSON. Run by `probe-process.ts`.
 *
 *   tsx src/bench/probe-main.ts --system dossier|dense|bm25 --index DIR --cache DIR --questions FILE
 */
import fs from "node:fs/promises";
import { createEmbedder, openAnswerService } from "../compose.js";
import { silentLogger } from "../core/logger.js";
import { tuneHeap } from "../heap-tuning.js";
import { readLexical, readManifest } from "../index/read-index.js";
import { parseArgs } from "../cli/parse-args.js";

const USAGE = "Usage: tsx src/bench/probe-main.ts --system dossier|dense|bm25 --index DIR --cache DIR --questions FILE";

async function main(): Promise<void> {
  tuneHeap(); // as `npm start` and `ask` do

  const args = parseArgs(process.argv.slice(2), { values: ["system", "index", "cache", "questions"], booleans: [] }, USAGE);
  const { system, index, cache, questions: questionsFile } = args.values;
  if (system === undefined || index === undefined || cache === undefined || questionsFile === undefined) throw new Error(USAGE);
  const embedder = await createEmbedder({ cacheDir: cache, logger: silentLogger });
  let ask: (q: string) => Promise<unknown>;
  if (system === "dossier") {
    const service = await openAnswerService({ indexDir: index, embedder, rarity: embedder, watch: false });
    ask = (q) => service.ask(q);
  } else if (system === "dense") {
    const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
    const { LangChainEmbeddings } = await import("./langchain-embeddings.js");
    const store = await HNSWLib.load(index, new LangChainEmbeddings(embedder));
    ask = (q) => store.similaritySearch(q, 5);
  } else {
    const manifest = await readManifest(index);
    if (manifest === null) throw new Error(`no index in ${index}`);
    const lexical = await readLexical(index, manifest);
    ask = async (q) => lexical.search(q, 5);
  }
  const questions = JSON.parse(await fs.readFile(questionsFile, "utf8")) as string[];
  await ask(questions[0] ?? "Who signed the memorandum?");
  process.stdout.write("first\n");
  for (const q of questions.slice(1)) await ask(q);
  const mem = process.memoryUsage();
  const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({ rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed), externalMb: mb(mem.external + mem.arrayBuffers), peakRssMb: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
