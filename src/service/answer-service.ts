/**
 * The answer service every front end calls: question in, cited `Answer` out. One `ask` is a short
 * pipeline — check the question, resolve it against the conversation, retrieve, answer, remember —
 * run on one index generation (hot-swapped after a re-index; questions in flight finish on the
 * generation they started on). It never throws for a normal question; problems come back as typed
 * `AppError`s with a user-safe message.
 */
import { randomUUID } from "node:crypto";
import type { AnswerObserver, FeedbackStore, Vote, VoteTally } from "../core/answer-log.js";
import type { Answerer } from "../core/answerer.js";
import type { ConversationStore } from "../core/conversation-store.js";
import type { LanguageDetector } from "../core/language-detector.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import type { QuestionRewriter } from "../core/question-rewriter.js";
import type { Reranker } from "../core/reranker.js";
import type { Retriever } from "../core/retriever.js";
import type { Answer, AnswerService, AskContext, CorpusInfo } from "../core/types.js";
import type { WordRarity } from "../core/word-rarity.js";
import { readQuestion } from "../answer/reader/question-reading.js";
import { questionLanguage } from "../text/question-language.js";
import { TermKeys } from "../text/term-keys.js";
import { pickArticleMeta } from "../index/article-record.js";
import type { LoadedIndex } from "../index/loaded-index.js";
import { checkQuestion } from "./admission.js";
import { findPassages } from "./find-passages.js";
import { IndexHolder } from "./index-holder.js";
import { resolveFollowUp } from "./resolve-follow-up.js";

export interface AnswerServiceOptions {
  /** Loads the current index from disk (called at start and on every reload). */
  loadIndex: () => Promise<LoadedIndex>;
  /** The retriever over one loaded index. */
  retrieverFor: (index: LoadedIndex) => Retriever;
  answerer: Answerer;
  /** Answer-aware re-ranking and question repair before retrieval (the offline reader). */
  reranker?: Reranker;
  memory?: ConversationStore;
  /** Word frequencies: tell names from common words when judging whether a question refers back. */
  rarity?: WordRarity;
  logger?: Logger;
  maxQuestionLength?: number;
  rewriter?: QuestionRewriter;
  /** Tells the question's language (with a rewriter, a question in another language is searched in English). */
  languageDetector?: LanguageDetector;
  /**
   * The embeddings understand other languages (remote multilingual models): retrieval also uses
   * the question as asked, beside the English search query.
   */
  multilingualSearch?: boolean;
  /** Told about every answer (the question log, metrics). */
  observers?: readonly AnswerObserver[];
  /** Keeps users' votes on answers (the question log); without it there are no feedback buttons. */
  feedback?: FeedbackStore;
  /** Calls `onChange` when the index on disk changes; returns an unsubscribe function. */
  watch?: (onChange: () => void) => () => void;
}

export class DossierAnswerService implements AnswerService {
  private readonly logger: Logger;
  /** Word keys memoised for the service's lifetime (follow-up detection). */
  private readonly keys = new TermKeys();

  private constructor(
    private readonly options: AnswerServiceOptions,
    private readonly holder: IndexHolder,
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  static async create(options: AnswerServiceOptions): Promise<DossierAnswerService> {
    const holder = await IndexHolder.open({
      load: options.loadIndex,
      retrieverFor: options.retrieverFor,
      logger: options.logger ?? silentLogger,
      ...(options.watch === undefined ? {} : { watch: options.watch }),
    });
    return new DossierAnswerService(options, holder);
  }

  /** The index questions are answered from right now. */
  get current(): LoadedIndex {
    return this.holder.index;
  }

  /** Loads the index again and swaps it in; a failed load keeps the old one. */
  reload(): Promise<void> {
    return this.holder.reload();
  }

  close(): void {
    this.holder.close();
  }

  get acceptsVotes(): boolean {
    return this.options.feedback !== undefined;
  }

  async vote(vote: Vote): Promise<VoteTally | null> {
    return this.options.feedback === undefined ? null : this.options.feedback.vote(vote);
  }

  /** Tells every observer; an observer that fails is logged, never the asker's problem. */
  private report(event: Parameters<AnswerObserver["answered"]>[0]): void {
    const failed = (error: unknown) => this.logger.warn("an answer observer failed", { reason: error instanceof Error ? error.message : String(error) });
    for (const observer of this.options.observers ?? []) {
      try {
        void Promise.resolve(observer.answered(event)).catch(failed);
      } catch (error) {
        failed(error);
      }
    }
  }

  corpus(): CorpusInfo {
    const { manifest, dateExtremes } = this.holder.index;
    return {
      articles: manifest.articles.map((a) => ({ path: a.path, ...pickArticleMeta(a), chunks: a.chunks })),
      dateRange: dateExtremes === null ? null : { from: dateExtremes.oldest, to: dateExtremes.newest },
      sources: [...new Set(manifest.articles.map((a) => a.source).filter((s) => s !== ""))].sort(),
      builtAt: manifest.builtAt,
    };
  }

  async ask(rawQuestion: string, context: AskContext = {}): Promise<Answer> {
    const started = performance.now();
    const question = checkQuestion(rawQuestion, this.options.maxQuestionLength ?? 500);
    const { memory } = this.options;
    const key = context.conversationId;
    const history = key === undefined || memory === undefined ? [] : await memory.get(key);
    const signal = context.signal;
    // null: another language than English, but which is not known.
    const language = this.options.rewriter === undefined && this.options.languageDetector === undefined ? undefined : await questionLanguage(question, this.options.languageDetector);
    const knownLanguage = language ?? undefined;
    const id = randomUUID();
    const answer = await this.holder.use(async ({ index, retriever }) => {
      const rarity = this.options.rarity;
      const resolved = await resolveFollowUp({
        question,
        history,
        ...(language === undefined ? {} : { language }),
        refersBack: (q) => readQuestion(q, { vocabulary: index.vocabulary, keys: this.keys, ...(rarity === undefined ? {} : { rarity }) }).refersBack,
        logger: this.logger,
        ...(this.options.rewriter === undefined ? {} : { rewriter: this.options.rewriter }),
        ...(signal === undefined ? {} : { signal }),
      });
      const crossLingual = resolved.searchQuery !== undefined && language !== "en" && language !== undefined;
      const passages = await findPassages({
        retriever,
        vocabulary: index.vocabulary,
        // The reader's re-ranking and repair read English: give them the English query.
        question: crossLingual ? (resolved.searchQuery ?? resolved.question) : resolved.question,
        retrievalText: crossLingual && this.options.multilingualSearch === true ? `${resolved.retrievalText}\n${question}` : resolved.retrievalText,
        boostPaths: resolved.boostPaths,
        followUp: resolved.followUp !== undefined,
        ...(this.options.reranker === undefined ? {} : { reranker: this.options.reranker }),
        ...(context.filter === undefined ? {} : { filter: context.filter }),
        ...(signal === undefined ? {} : { signal }),
      });
      const retrievedAt = performance.now();
      const draft = await this.options.answerer.answer({
        question: resolved.question,
        passages,
        vocabulary: index.vocabulary,
        ...(resolved.followUp === undefined ? {} : { followUp: { ...resolved.followUp, previousPaths: [...resolved.boostPaths] } }),
        history: history.map((t) => ({ question: t.question, answer: t.answer.answer })),
        ...(signal === undefined ? {} : { signal }),
        ...(knownLanguage === undefined ? {} : { language: knownLanguage }),
        ...(resolved.searchQuery === undefined ? {} : { searchQuery: resolved.searchQuery }),
        ...(context.onDraft === undefined ? {} : { onDraft: context.onDraft }),
      });
      const done = performance.now();
      const result: Answer = {
        id,
        question,
        answer: draft.answer,
        grounded: draft.grounded,
        citations: draft.citations,
        ...(draft.reason === undefined ? {} : { reason: draft.reason }),
        ...answerLanguage(draft.language, knownLanguage),
        timings: {
          retrieveMs: round(retrievedAt - started),
          answerMs: round(done - retrievedAt),
          totalMs: round(done - started),
          ...(resolved.rewriteMs === undefined ? {} : { rewriteMs: resolved.rewriteMs }),
        },
      };
      return { result, remembered: resolved.remembered, llmFallback: draft.llmFallback === true };
    });
    this.report({
      id,
      at: Date.now(),
      platform: context.platform ?? "cli",
      userId: context.userId ?? null,
      chat: context.chat ?? null,
      question,
      answer: answer.result,
      llmFallback: answer.llmFallback,
    });
    if (key !== undefined && memory !== undefined && answer.result.grounded) await memory.add(key, { question: answer.remembered, answer: answer.result });
    return answer.result;
  }
}

/** The answerer's language, else the one the service detected, as an optional field. */
function answerLanguage(fromAnswerer: string | undefined, detected: string | undefined): { language?: string } {
  const language = fromAnswerer ?? detected;
  return language === undefined ? {} : { language };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
