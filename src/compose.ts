/**
 * Wiring shared by `npm start`, the CLI and tests: the configured embedder, an answer service over
 * an index folder (with hot reload), and "build the index first if it is missing or stale".
 */
import fs from "node:fs";
import type { Config } from "./config.js";
import { ExtractiveAnswerer } from "./answer/extractive-answerer.js";
import type { Answerer } from "./core/answerer.js";
import type { WordRarity } from "./answer/question-analysis.js";
import { DossierAnswerService, type QuestionRewriter } from "./service/answer-service.js";
import { ConversationMemory } from "./service/conversation-memory.js";
import type { Logger } from "./core/logger.js";
import { silentLogger } from "./core/logger.js";
import { manifestPath } from "./index/index-files.js";
import { reindex, type ReindexReport } from "./ingest/reindex.js";
import type { Embedder } from "./core/embedder.js";
import { GloveEmbeddings } from "./providers/glove/glove-embeddings.js";
import { LoadedIndex } from "./index/loaded-index.js";

/** The local GloVe embeddings (also the word-frequency source that sharpens refusals). */
export async function createEmbedder(options: { cacheDir: string; logger?: Logger }): Promise<GloveEmbeddings> {
  return GloveEmbeddings.load({ cacheDir: options.cacheDir, ...(options.logger === undefined ? {} : { logger: options.logger }) });
}

/** The embedder the configuration asks for: local GloVe by default, or an OpenAI-compatible server. */
export async function createConfiguredEmbedder(
  config: Pick<Config, "cacheDir" | "embeddings">,
  logger?: Logger,
): Promise<{ embedder: Embedder; glove: GloveEmbeddings }> {
  const glove = await createEmbedder({ cacheDir: config.cacheDir, ...(logger === undefined ? {} : { logger }) });
  if (config.embeddings.kind === "local") return { embedder: glove, glove };
  const { createOpenAIEmbedder } = await import("./providers/openai-embedder.js");
  return { embedder: await createOpenAIEmbedder(config.embeddings), glove };
}

/** The answerer and follow-up rewriter the configuration asks for (extractive by default). */
export async function createConfiguredAnswering(
  config: Pick<Config, "answerMode" | "llm">,
  options: { rarity?: WordRarity; logger?: Logger; promptsDir?: string },
): Promise<{ answerer: Answerer; rewriter?: QuestionRewriter }> {
  const extractive = new ExtractiveAnswerer(options.rarity === undefined ? {} : { rarity: options.rarity });
  if (config.answerMode === "extractive") return { answerer: extractive };
  const [{ createOpenAIChatModel }, { LlmAnswerer }, { LlmQuestionRewriter }, { loadPromptTemplates }] = await Promise.all([
    import("./providers/openai-chat-model.js"),
    import("./answer/llm-answerer.js"),
    import("./answer/llm-question-rewriter.js"),
    import("./answer/prompt-templates.js"),
  ]);
  const model = createOpenAIChatModel(config.llm);
  const prompts = loadPromptTemplates(options.promptsDir);
  return {
    answerer: new LlmAnswerer({
      model,
      prompts,
      fallback: extractive,
      timeoutMs: config.llm.timeoutMs,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    }),
    rewriter: new LlmQuestionRewriter({ model, prompts, timeoutMs: config.llm.timeoutMs }),
  };
}

export interface OpenServiceOptions {
  indexDir: string;
  embedder: Embedder;
  answerer?: Answerer;
  rewriter?: QuestionRewriter;
  rarity?: WordRarity;
  memory?: { turns: number; ttlMs: number };
  maxQuestionLength?: number;
  logger?: Logger;
  /** Reload when `manifest.json` changes (default true); poll interval in ms. */
  watch?: boolean;
  watchIntervalMs?: number;
}

/** Watches the manifest by polling its stat, which survives the atomic rename a re-index does. */
export function watchManifest(indexDir: string, intervalMs: number): (onChange: () => void) => () => void {
  return (onChange) => {
    const file = manifestPath(indexDir);
    const listener = (curr: fs.Stats, prev: fs.Stats) => {
      if (curr.mtimeMs !== prev.mtimeMs || curr.ino !== prev.ino) onChange();
    };
    const watcher = fs.watchFile(file, { interval: intervalMs, persistent: false }, listener);
    return () => {
      watcher.unref();
      fs.unwatchFile(file, listener);
    };
  };
}

export async function openAnswerService(options: OpenServiceOptions): Promise<DossierAnswerService> {
  const logger = options.logger ?? silentLogger;
  const rarity = options.rarity ?? (options.embedder instanceof GloveEmbeddings ? options.embedder : undefined);
  return DossierAnswerService.create({
    loadIndex: () => LoadedIndex.load({ indexDir: options.indexDir, embedder: options.embedder }),
    embedQuery: (text) => options.embedder.embedQuery(text),
    answerer: options.answerer ?? new ExtractiveAnswerer(rarity === undefined ? {} : { rarity }),
    ...(options.rewriter === undefined ? {} : { rewriter: options.rewriter }),
    memory: new ConversationMemory(options.memory ?? { turns: 3, ttlMs: 15 * 60_000 }),
    logger,
    ...(rarity === undefined ? {} : { rarity }),
    ...(options.maxQuestionLength === undefined ? {} : { maxQuestionLength: options.maxQuestionLength }),
    ...(options.watch === false ? {} : { watch: watchManifest(options.indexDir, options.watchIntervalMs ?? 1000) }),
  });
}

/** The answer service exactly as the configuration describes it (embeddings, answer mode, memory). */
export async function openConfiguredService(
  config: Config,
  options: { logger: Logger; indexDir?: string; watch?: boolean; memory?: { turns: number; ttlMs: number }; ensureFresh?: boolean },
): Promise<DossierAnswerService> {
  const { embedder, glove } = await createConfiguredEmbedder(config, options.logger);
  const indexDir = options.indexDir ?? config.indexDir;
  if (options.ensureFresh === true) await ensureFreshIndex({ config: { dataDir: config.dataDir, indexDir }, embedder, logger: options.logger });
  const answering = await createConfiguredAnswering(config, { rarity: glove, logger: options.logger });
  return openAnswerService({
    indexDir,
    embedder,
    rarity: glove,
    logger: options.logger,
    memory: options.memory ?? config.memory,
    maxQuestionLength: config.maxQuestionLength,
    answerer: answering.answerer,
    ...(answering.rewriter === undefined ? {} : { rewriter: answering.rewriter }),
    ...(options.watch === undefined ? {} : { watch: options.watch }),
  });
}

/** Re-indexes when the index is missing, built with another model, or behind the data folder. */
export async function ensureFreshIndex(options: {
  config: Pick<Config, "dataDir" | "indexDir">;
  embedder: Embedder;
  logger: Logger;
}): Promise<ReindexReport | null> {
  const plan = await reindex({ dataDir: options.config.dataDir, indexDir: options.config.indexDir, embedder: options.embedder, dryRun: true });
  const stale = plan.fullRebuild || plan.added.length + plan.updated.length + plan.removed.length > 0;
  if (!stale) return null;
  options.logger.info(
    plan.fullRebuild
      ? `Building the index (${plan.rebuildReason ?? "first run"})…`
      : `The index is stale (${plan.added.length} added, ${plan.updated.length} updated, ${plan.removed.length} removed); re-indexing…`,
  );
  const report = await reindex({ dataDir: options.config.dataDir, indexDir: options.config.indexDir, embedder: options.embedder, logger: options.logger });
  for (const s of report.skipped) options.logger.warn(`skipped ${s.path}: ${s.reason}`);
  return report;
}
