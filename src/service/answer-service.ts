/**
 * The answer service adapters call: question in, cited `Answer` out. It owns the loaded index (hot
 * swapped after a re-index; questions in flight finish on the index they started with) and the
 * per-conversation memory used for follow-ups. It never throws for a normal question; problems
 * come back as typed `AppError`s with a user-safe message.
 */
import { AppError } from "../core/errors.js";
import type { Answerer } from "../core/answerer.js";
import { analyzeQuestion, type QuestionTerm, type WordRarity } from "../answer/question-analysis.js";
import { parseDateIntent } from "../retrieval/date-intent.js";
import { retrieve } from "../retrieval/hybrid-retriever.js";
import type { LoadedIndex } from "../index/loaded-index.js";
import { stem } from "../text/term-keys.js";
import { pickArticleMeta } from "../index/article-record.js";
import type { ConversationMemory } from "./conversation-memory.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import type { Answer, AnswerService, AskContext, CorpusInfo, Turn } from "../core/types.js";

/** Rewrites a follow-up into a standalone question (optional; the language model provides one). */
export interface QuestionRewriter {
  rewrite(question: string, history: { question: string; answer: string }[], signal?: AbortSignal): Promise<string>;
}

export interface AnswerServiceOptions {
  /** Loads the current index from disk (called at start and on every reload). */
  loadIndex: () => Promise<LoadedIndex>;
  /** Embeds a question for dense retrieval. */
  embedQuery: (text: string) => Promise<number[]>;
  answerer: Answerer;
  memory?: ConversationMemory;
  rarity?: WordRarity;
  logger?: Logger;
  maxQuestionLength?: number;
  rewriter?: QuestionRewriter;
  /** Calls `onChange` when the index on disk changes; returns an unsubscribe function. */
  watch?: (onChange: () => void) => () => void;
}

export class DossierAnswerService implements AnswerService {
  private index: LoadedIndex;
  private reloading: Promise<void> | null = null;
  private readonly unwatch: (() => void) | null;
  private readonly logger: Logger;

  private constructor(
    private readonly options: AnswerServiceOptions,
    index: LoadedIndex,
  ) {
    this.index = index;
    this.logger = options.logger ?? silentLogger;
    this.unwatch = options.watch?.(() => void this.reload()) ?? null;
  }

  static async create(options: AnswerServiceOptions): Promise<DossierAnswerService> {
    return new DossierAnswerService(options, await options.loadIndex());
  }

  /** The index questions are answered from right now. */
  get current(): LoadedIndex {
    return this.index;
  }

  /** Loads the index again and swaps it in; a failed load keeps the old one. */
  async reload(): Promise<void> {
    if (this.reloading !== null) return this.reloading;
    this.reloading = (async () => {
      try {
        const next = await this.options.loadIndex();
        if (next.manifest.generation !== this.index.manifest.generation) {
          this.index = next;
          this.logger.info("index reloaded", { articles: next.articles.length, generation: next.manifest.generation });
        }
      } catch (error) {
        this.logger.warn("index reload failed; still answering from the previous index", { error });
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /** A standalone version of a follow-up, or null (no rewriter, or it failed: the caller falls back). */
  private async rewrite(question: string, history: Turn[], signal?: AbortSignal): Promise<string | null> {
    if (this.options.rewriter === undefined) return null;
    try {
      const turns = history.map((t) => ({ question: t.question, answer: t.answer.answer }));
      return await this.options.rewriter.rewrite(question, turns, signal);
    } catch (error) {
      this.logger.warn("follow-up rewrite failed; using the previous question as context", {
        reason: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }

  close(): void {
    this.unwatch?.();
  }

  corpus(): CorpusInfo {
    const { manifest, dateExtremes } = this.index;
    return {
      articles: manifest.articles.map((a) => ({ path: a.path, ...pickArticleMeta(a), chunks: a.chunks })),
      dateRange: dateExtremes === null ? null : { from: dateExtremes.oldest, to: dateExtremes.newest },
      sources: [...new Set(manifest.articles.map((a) => a.source).filter((s) => s !== ""))].sort(),
      builtAt: manifest.builtAt,
    };
  }

  async ask(rawQuestion: string, context: AskContext = {}): Promise<Answer> {
    const started = performance.now();
    const question = rawQuestion.replace(/\s+/g, " ").trim();
    const max = this.options.maxQuestionLength ?? 500;
    if (question.length === 0) throw new AppError("QUESTION_INVALID", "Please ask a question about the articles.");
    if (question.length > max) {
      throw new AppError("QUESTION_INVALID", `That question is too long (${question.length} characters; the limit is ${max}). Please shorten it.`);
    }
    const index = this.index; // questions in flight finish on this index even if a reload swaps it
    const memory = this.options.memory;
    const history: Turn[] = context.conversationId === undefined || memory === undefined ? [] : memory.get(context.conversationId);

    const known = (t: string) => index.lexical.has("words", stem(t));
    const analyze = (q: string) => analyzeQuestion(q, { known, ...(this.options.rarity === undefined ? {} : { rarity: this.options.rarity }) });
    const previous = history.at(-1);
    const standalone = previous === undefined ? null : await this.rewrite(question, history, context.signal);
    const analysis = analyze(standalone ?? question);
    const isFollowUp = standalone === null && previous !== undefined && analysis.followUp;
    let contextTerms: QuestionTerm[] = [];
    const boost = new Set<string>();
    let retrievalText = standalone ?? question;
    if (isFollowUp) {
      contextTerms = analyze(previous.question).terms;
      retrievalText = `${question} ${previous.question}`;
    }
    // Favour what the previous answer cited when this question builds on it.
    if (previous !== undefined && (isFollowUp || (standalone !== null && standalone !== question))) {
      for (const c of previous.answer.citations) {
        const article = index.articleByPath.get(c.path);
        if (article !== undefined) boost.add(article.id);
      }
    }

    const dateIntent = parseDateIntent(retrievalText);
    const vector = await this.options.embedQuery(retrievalText);
    const retrieved = retrieve(index, { text: retrievalText, vector }, {
      dateIntent,
      boostArticles: boost,
      ...(context.filter === undefined ? {} : { filter: context.filter }),
    });
    const retrievedAt = performance.now();
    const draft = await this.options.answerer.answer({
      question: standalone ?? question,
      analysis,
      retrieved,
      index,
      contextTerms,
      history: history.map((t) => ({ question: t.question, answer: t.answer.answer })),
      ...(context.signal === undefined ? {} : { signal: context.signal }),
    });
    const done = performance.now();
    const answer: Answer = {
      question,
      answer: draft.answer,
      grounded: draft.grounded,
      citations: draft.citations,
      timings: {
        retrieveMs: round(retrievedAt - started),
        answerMs: round(done - retrievedAt),
        totalMs: round(done - started),
      },
    };
    if (context.conversationId !== undefined && memory !== undefined && answer.grounded) {
      const remembered = standalone ?? (isFollowUp && previous !== undefined ? `${question} ${previous.question}` : question);
      memory.add(context.conversationId, { question: remembered, answer });
    }
    return answer;
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
