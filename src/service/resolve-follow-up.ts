/**
 * Decides how a question relates to the conversation so far, once: the text to retrieve with, the
 * question to answer, the previous question it builds on, the articles to favour, and the text to
 * remember for the next turn. With a rewriter (the language model) a follow-up becomes a standalone
 * question, and a question in another language gets an English search query, in one call; without
 * one (or when it fails) a question that refers back ("and who signed it?") is read together with
 * the previous question.
 */
import type { Logger } from "../core/logger.js";
import type { QuestionRewriter, RewrittenQuestion } from "../core/question-rewriter.js";
import type { Turn } from "../core/types.js";

export interface ResolvedQuestion {
  /** What the answerer answers: the standalone rewrite, or the question as asked. */
  question: string;
  /** What retrieval searches with. */
  retrievalText: string;
  /** The English search query the model wrote (when a rewrite ran). */
  searchQuery?: string;
  /** Set when the question was read together with the previous one. */
  followUp?: { previousQuestion: string };
  /** Articles cited by the previous answer, favoured when this question builds on it. */
  boostPaths: ReadonlySet<string>;
  /** What to remember as this turn's question. */
  remembered: string;
  /** How long the rewrite call took (when one ran). */
  rewriteMs?: number;
}

export interface ResolveOptions {
  question: string;
  history: readonly Turn[];
  /** The question's language (ISO 639-1), or null when unknown: another language than English is rewritten too. */
  language?: string | null;
  /** Whether the question refers back to an earlier turn (pronouns, "and …", no name of its own). */
  refersBack: (question: string) => boolean;
  rewriter?: QuestionRewriter;
  logger: Logger;
  signal?: AbortSignal;
}

export async function resolveFollowUp(options: ResolveOptions): Promise<ResolvedQuestion> {
  const { question, history } = options;
  const previous = history.at(-1);
  const none: ResolvedQuestion = { question, retrievalText: question, boostPaths: new Set(), remembered: question };
  const foreign = options.language !== undefined && options.language !== null && options.language !== "en";
  if (previous === undefined && !foreign) return none;
  const started = performance.now();
  const rewritten = await rewrite(options);
  const rewriteMs = Math.round((performance.now() - started) * 100) / 100;
  const cited = new Set(previous?.answer.citations.map((c) => c.path) ?? []);
  if (rewritten !== null) {
    const { standalone, search } = rewritten;
    return { question: standalone, retrievalText: search, searchQuery: search, boostPaths: standalone !== question ? cited : new Set(), remembered: standalone, rewriteMs };
  }
  if (previous === undefined || !options.refersBack(question)) return none;
  const combined = `${question} ${previous.question}`;
  return { question, retrievalText: combined, followUp: { previousQuestion: previous.question }, boostPaths: cited, remembered: combined };
}

/** The rewrite, or null (no rewriter, or it failed: the caller falls back). */
async function rewrite(options: ResolveOptions): Promise<RewrittenQuestion | null> {
  if (options.rewriter === undefined) return null;
  try {
    const turns = options.history.map((t) => ({ question: t.question, answer: t.answer.answer }));
    return await options.rewriter.rewrite({
      question: options.question,
      history: turns,
      language: options.language ?? null,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    options.logger.warn("question rewrite failed; searching with the question as asked", {
      reason: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
