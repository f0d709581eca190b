/**
 * Decides how a question relates to the conversation so far, once: the text to retrieve with, the
 * question to answer, the previous question it builds on, the articles to favour, and the text to
 * remember for the next turn. With a rewriter (the language model) a follow-up becomes a standalone
 * question; without one (or when it fails) a question that refers back ("and who signed it?") is
 * read together with the previous question.
 */
import type { Logger } from "../core/logger.js";
import type { QuestionRewriter } from "../core/question-rewriter.js";
import type { Turn } from "../core/types.js";

export interface ResolvedQuestion {
  /** What the answerer answers: the standalone rewrite, or the question as asked. */
  question: string;
  /** What retrieval searches with. */
  retrievalText: string;
  /** Set when the question was read together with the previous one. */
  followUp?: { previousQuestion: string };
  /** Articles cited by the previous answer, favoured when this question builds on it. */
  boostPaths: ReadonlySet<string>;
  /** What to remember as this turn's question. */
  remembered: string;
}

export interface ResolveOptions {
  question: string;
  history: readonly Turn[];
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
  if (previous === undefined) return none;
  const standalone = await rewrite(options);
  const cited = new Set(previous.answer.citations.map((c) => c.path));
  if (standalone !== null) {
    return { question: standalone, retrievalText: standalone, boostPaths: standalone !== question ? cited : new Set(), remembered: standalone };
  }
  if (!options.refersBack(question)) return none;
  const combined = `${question} ${previous.question}`;
  return { question, retrievalText: combined, followUp: { previousQuestion: previous.question }, boostPaths: cited, remembered: combined };
}

/** A standalone version of a follow-up, or null (no rewriter, or it failed: the caller falls back). */
async function rewrite(options: ResolveOptions): Promise<string | null> {
  if (options.rewriter === undefined) return null;
  try {
    const turns = options.history.map((t) => ({ question: t.question, answer: t.answer.answer }));
    return await options.rewriter.rewrite(options.question, turns, options.signal);
  } catch (error) {
    options.logger.warn("follow-up rewrite failed; using the previous question as context", {
      reason: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
