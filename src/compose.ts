/**
 * The composition root shared by `npm start`, the CLI, the benchmark and tests: it picks the
 * providers the configuration asks for (GloVe or remote embeddings, extractive or LLM answers),
 * wires them into the answer service and the admission rules, and builds the index first when it
 * is missing or stale. Nothing else constructs providers.
 */
import type { Config } from "./config.js";
import { secretsOf } from "./config.js";
import { ExtractiveReader } from "./answer/extractive-reader.js";
import type { AnswerObserver, FeedbackStore } from "./core/answer-log.js";
import type { Answerer } from "./core/answerer.js";
import type { ChatModel } from "./core/chat-model.js";
import type { ConversationStore } from "./core/conversation-store.js";
import type { LockService } from "./core/lock-service.js";
import type { RateLimiter } from "./core/rate-limiter.js";
import type { Embedder } from "./core/embedder.js";
import type { LanguageDetector } from "./core/language-detector.js";
import type { Level, Logger } from "./core/logger.js";
import { silentLogger } from "./core/logger.js";
import { AppError } from "./core/errors.js";
import type { QuestionRewriter } from "./core/question-rewriter.js";
import type { Reranker } from "./core/reranker.js";
import type { WordRarity } from "./core/word-rarity.js";
import { LoadedIndex } from "./index/loaded-index.js";
import { watchManifest } from "./index/watch-manifest.js";
import { reindex, type ReindexReport } from "./ingest/reindex.js";
import { createLogger } from "./providers/console-logger.js";
import { createEldLanguageDetector } from "./providers/eld-language-detector.js";
import { GloveEmbeddings } from "./providers/glove/glove-embeddings.js";
import { HybridRetriever } from "./retrieval/hybrid-retriever.js";
import { AdmissionRules, type Asker } from "./service/admission.js";
import { DossierAnswerService } from "./service/answer-service.js";
import { ConversationMemory } from "./service/conversation-memory.js";
import { SlidingWindowRateLimiter } from "./service/sliding-window-rate-limiter.js";

/** The logger of an entry point: the configured level (or `level`), every configured secret redacted. */
export function createAppLogger(config: Config, level?: Level): Logger {
  return createLogger({ level: level ?? config.logLevel, secrets: secretsOf(config) });
}

/** The local GloVe embeddings; they are also the word-rarity provider that sharpens refusals. */
export async function createEmbedder(options: { cacheDir: string; logger?: Logger }): Promise<GloveEmbeddings> {
  return GloveEmbeddings.load({ cacheDir: options.cacheDir, ...(options.logger === undefined ? {} : { logger: options.logger }) });
}

/** The embedder the configuration asks for (local GloVe by default, or an OpenAI-compatible server) and the word rarity. */
export async function createConfiguredEmbedder(
  config: Pick<Config, "cacheDir" | "embeddings">,
  logger?: Logger,
): Promise<{ embedder: Embedder; rarity: WordRarity }> {
  const glove = await createEmbedder({ cacheDir: config.cacheDir, ...(logger === undefined ? {} : { logger }) });
  if (config.embeddings.kind === "local") return { embedder: glove, rarity: glove };
  const { createOpenAIEmbedder } = await import("./providers/openai-embedder.js");
  return { embedder: await createOpenAIEmbedder(config.embeddings), rarity: glove };
}

/** The offline reader: the default answerer, and the re-ranker of every answer mode. */
export function createReader(options: { rarity?: WordRarity; languageDetector?: LanguageDetector } = {}): ExtractiveReader {
  return new ExtractiveReader({ languageDetector: options.languageDetector ?? createEldLanguageDetector(), ...(options.rarity === undefined ? {} : { rarity: options.rarity }) });
}

/** The chat model of the configured provider (LangChain clients, loaded only in LLM mode). */
export async function createChatModel(llm: Config["llm"]): Promise<ChatModel> {
  const { provider, structured, ...options } = llm;
  if (provider === "anthropic") {
    const { createAnthropicChatModel } = await import("./providers/anthropic-chat-model.js");
    return createAnthropicChatModel(options);
  }
  const { createOpenAIChatModel } = await import("./providers/openai-chat-model.js");
  return createOpenAIChatModel({ ...options, structured });
}

export interface Answering {
  answerer: Answerer;
  reranker: Reranker;
  rewriter?: QuestionRewriter;
  /** Tells the question's language, so the rewriter searches in English for a question in another. */
  languageDetector?: LanguageDetector;
}

/**
 * The answerer and question rewriter the configuration asks for (the offline reader by default).
 * With `probe`, the model's server is asked first whether it serves the model; when it does not,
 * the reason is logged (without the key) and the offline reader answers — the bot still starts.
 */
export async function createConfiguredAnswering(
  config: Pick<Config, "answerMode" | "llm">,
  options: { rarity?: WordRarity; logger?: Logger; promptsDir?: string; model?: ChatModel; probe?: boolean },
): Promise<Answering> {
  // One detector for the reader and the service: eld's n-gram tables load once.
  const languageDetector = createEldLanguageDetector();
  const extractive = createReader({ languageDetector, ...(options.rarity === undefined ? {} : { rarity: options.rarity }) });
  if (config.answerMode === "extractive") return { answerer: extractive, reranker: extractive };
  const model = options.model ?? (await createChatModel(config.llm));
  if (options.probe === true) {
    const problem = await model.probe().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (problem !== null) {
      options.logger?.warn(`LLM mode is off: ${problem}. Answering with the offline reader; fix LLM_* in .env and restart.`);
      return { answerer: extractive, reranker: extractive };
    }
    options.logger?.info("language model ready", { provider: config.llm.provider, model: config.llm.model });
  }
  const [{ LlmAnswerer }, { LlmQuestionRewriter }, { loadPromptTemplates }] = await Promise.all([
    import("./answer/llm-answerer.js"),
    import("./answer/llm-question-rewriter.js"),
    import("./answer/prompt-templates.js"),
  ]);
  const prompts = loadPromptTemplates(options.promptsDir);
  return {
    reranker: extractive,
    answerer: new LlmAnswerer({
      model,
      prompts,
      fallback: extractive,
      timeoutMs: config.llm.timeoutMs,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    }),
    rewriter: new LlmQuestionRewriter({ model, prompts, timeoutMs: config.llm.timeoutMs }),
    languageDetector,
  };
}

/**
 * The admission rules of the bots: length limit, per-user rate limit, allow-lists per platform.
 * `rateLimiter`: a shared one (Redis) when several instances run; default the in-process one.
 */
export function createAdmission(
  config: Pick<Config, "maxQuestionLength" | "rateLimit" | "telegram" | "discord">,
  options: { now?: () => number; onRefused?: (asker: Asker, code: string) => void; rateLimiter?: RateLimiter } = {},
): AdmissionRules {
  const { now, onRefused } = options;
  return new AdmissionRules({
    ...(onRefused === undefined ? {} : { onRefused }),
    maxQuestionLength: config.maxQuestionLength,
    rateLimiter: options.rateLimiter ?? new SlidingWindowRateLimiter({ ...config.rateLimit, ...(now === undefined ? {} : { now }) }),
    access: {
      telegram: { chat: config.telegram?.allowedChatIds ?? null },
      discord: { guild: config.discord?.allowedGuildIds ?? null, channel: config.discord?.allowedChannelIds ?? null },
    },
  });
}

export interface OpenServiceOptions {
  indexDir: string;
  embedder: Embedder;
  /** Word frequencies for refusal judgement (the GloVe provider); without it every unknown word counts as specific. */
  rarity?: WordRarity;
  /** Default: the offline reader (which also re-ranks). */
  answerer?: Answerer;
  /** Default: the answerer when it is the offline reader, else a new reader. Pass null for plain retrieval order. */
  reranker?: Reranker | null;
  rewriter?: QuestionRewriter;
  languageDetector?: LanguageDetector;
  /** The embeddings understand other languages: retrieval also searches with the question as asked. */
  multilingualSearch?: boolean;
  observers?: readonly AnswerObserver[];
  feedback?: FeedbackStore;
  memory?: { turns: number; ttlMs: number };
  /** Where conversations are kept (a shared store when several instances run); default in-process, sized by `memory`. */
  conversations?: ConversationStore;
  maxQuestionLength?: number;
  logger?: Logger;
  /** Reload when `manifest.json` changes (default true); poll interval in ms. */
  watch?: boolean;
  watchIntervalMs?: number;
}

export async function openAnswerService(options: OpenServiceOptions): Promise<DossierAnswerService> {
  const logger = options.logger ?? silentLogger;
  const { rarity, embedder } = options;
  const answerer = options.answerer ?? createReader(rarity === undefined ? {} : { rarity });
  const reranker = options.reranker === null ? undefined : (options.reranker ?? (answerer instanceof ExtractiveReader ? answerer : createReader(rarity === undefined ? {} : { rarity })));
  return DossierAnswerService.create({
    loadIndex: () => LoadedIndex.load({ indexDir: options.indexDir, embedder }),
    retrieverFor: (index) => new HybridRetriever({ index, embedder }),
    answerer,
    ...(reranker === undefined ? {} : { reranker }),
    ...(options.rewriter === undefined ? {} : { rewriter: options.rewriter }),
    ...(options.languageDetector === undefined ? {} : { languageDetector: options.languageDetector }),
    ...(options.multilingualSearch === true ? { multilingualSearch: true } : {}),
    ...(options.observers === undefined ? {} : { observers: options.observers }),
    ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
    memory: options.conversations ?? new ConversationMemory(options.memory ?? { turns: 3, ttlMs: 15 * 60_000 }),
    logger,
    ...(rarity === undefined ? {} : { rarity }),
    ...(options.maxQuestionLength === undefined ? {} : { maxQuestionLength: options.maxQuestionLength }),
    ...(options.watch === false ? {} : { watch: watchManifest(options.indexDir, options.watchIntervalMs ?? 1000) }),
  });
}

/** The answer service exactly as the configuration describes it (embeddings, answer mode, memory). */
export async function openConfiguredService(
  config: Config,
  options: {
    logger: Logger;
    indexDir?: string;
    watch?: boolean;
    memory?: { turns: number; ttlMs: number };
    /** Where conversations are kept (the shared store when REDIS_URL is set). */
    conversations?: ConversationStore;
    /** Leases shared by every instance: the re-index at start takes the writer lease. */
    writerLock?: LockService;
    ensureFresh?: boolean;
    probe?: boolean;
    /** Told about every answer (the question log, metrics). */
    observers?: readonly AnswerObserver[];
    /** Keeps votes on answers (the question log). */
    feedback?: FeedbackStore;
    onReindexed?: (run: { ms: number; ok: boolean }) => void;
  },
): Promise<DossierAnswerService> {
  const { embedder, rarity } = await createConfiguredEmbedder(config, options.logger);
  const indexDir = options.indexDir ?? config.indexDir;
  if (options.ensureFresh === true) {
    await ensureFreshIndex({
      config: { dataDir: config.dataDir, indexDir },
      embedder,
      logger: options.logger,
      ...(options.onReindexed === undefined ? {} : { onReindexed: options.onReindexed }),
      ...(options.writerLock === undefined ? {} : { writerLock: options.writerLock }),
    });
  }
  const answering = await createConfiguredAnswering(config, { rarity, logger: options.logger, probe: options.probe ?? true });
  return openAnswerService({
    indexDir,
    embedder,
    rarity,
    logger: options.logger,
    memory: options.memory ?? config.memory,
    ...(options.conversations === undefined ? {} : { conversations: options.conversations }),
    maxQuestionLength: config.maxQuestionLength,
    answerer: answering.answerer,
    reranker: answering.reranker,
    ...(answering.rewriter === undefined ? {} : { rewriter: answering.rewriter }),
    ...(answering.languageDetector === undefined ? {} : { languageDetector: answering.languageDetector }),
    multilingualSearch: config.embeddings.multilingual,
    ...(options.observers === undefined ? {} : { observers: options.observers }),
    ...(options.feedback === undefined ? {} : { feedback: options.feedback }),
    ...(options.watch === undefined ? {} : { watch: options.watch }),
  });
}

/** How long a starting instance waits for another writer (another instance building the shared index). */
const WAIT_FOR_WRITER_MS = 15 * 60_000;

/**
 * Re-indexes when the index is missing, built with another model, or behind the data folder. When
 * another writer holds the index (another instance building the shared index folder), waits for
 * it and uses what it wrote instead of failing the start.
 */
export async function ensureFreshIndex(options: {
  config: Pick<Config, "dataDir" | "indexDir">;
  embedder: Embedder;
  logger: Logger;
  /** Told how each real re-index went (metrics). */
  onReindexed?: (run: { ms: number; ok: boolean }) => void;
  /** Leases shared by every instance: the writer lease across machines. */
  writerLock?: LockService;
  /** Between checks while another writer works (default 1 s). */
  waitIntervalMs?: number;
}): Promise<ReindexReport | null> {
  const { dataDir, indexDir } = options.config;
  const deadline = Date.now() + WAIT_FOR_WRITER_MS;
  let told = false;
  for (;;) {
    const plan = await reindex({ dataDir, indexDir, embedder: options.embedder, dryRun: true });
    const stale = plan.fullRebuild || plan.added.length + plan.updated.length + plan.removed.length > 0;
    if (!stale) return null;
    if (!told) {
      options.logger.info(
        plan.fullRebuild
          ? `Building the index (${plan.rebuildReason ?? "first run"})…`
          : `The index is stale (${plan.added.length} added, ${plan.updated.length} updated, ${plan.removed.length} removed); re-indexing…`,
      );
    }
    const started = performance.now();
    let report: ReindexReport;
    try {
      report = await reindex({ dataDir, indexDir, embedder: options.embedder, logger: options.logger, ...(options.writerLock === undefined ? {} : { writerLock: options.writerLock }) });
    } catch (error) {
      if (error instanceof AppError && error.code === "INDEX_LOCKED" && Date.now() < deadline) {
        if (!told) options.logger.info("another writer is re-indexing this index; waiting for it, then using what it wrote");
        told = true;
        await new Promise((resolve) => setTimeout(resolve, options.waitIntervalMs ?? 1000));
        continue;
      }
      options.onReindexed?.({ ms: performance.now() - started, ok: false });
      throw error;
    }
    options.onReindexed?.({ ms: performance.now() - started, ok: true });
    for (const s of report.skipped) options.logger.warn(`skipped ${s.path}: ${s.reason}`);
    for (const w of report.warnings) options.logger.warn(w);
    for (const u of report.undated) options.logger.warn(`undated ${u.path}: ${u.reason}`);
    return report;
  }
}
