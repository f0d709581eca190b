/**
 * Optional language-model answers. The model sees only the retrieved passages (numbered, with
 * outlet and date) and returns one object: the answer with `[n]` markers, in the asker's language,
 * and for each cited passage the exact sentence it relied on. Every quote is looked up in its
 * passage's article; a marker whose quote is not there is dropped, and an answer left without a
 * citation is not covered — so every citation shown is real, whatever the model wrote. Any
 * failure (timeout, refused connection, 429/5xx, a malformed reply) falls back to the extractive
 * answer for that question, and the reason is logged. The draft is streamed through `onDraft`.
 */
import type { AnswerInput, Answerer, DraftAnswer } from "../core/answerer.js";
import type { ChatModel, ObjectRequest } from "../core/chat-model.js";
import { isAppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import { languageName } from "../text/language-name.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";
import { checkCitations, type NumberedPassage } from "./check-citations.js";
import { modelQuotes, readModelAnswer } from "./model-answer.js";
import { refusal } from "./not-covered.js";
import { fillTemplate, type PromptTemplates } from "./prompt-templates.js";
import { OFF_TOPIC_REQUEST } from "./reader/question-words.js";

export interface LlmAnswererOptions {
  model: ChatModel;
  prompts: PromptTemplates;
  /** Used when the model fails, and for questions that are not about the articles. */
  fallback: Answerer;
  logger?: Logger;
  timeoutMs: number;
  /** Passages shown to the model. */
  maxPassages?: number;
}

/** What the model must return: tool calling where the server has it, JSON in the reply otherwise. */
export const CITED_ANSWER: ObjectRequest = {
  name: "cited_answer",
  description: "The answer to the question from the numbered passages, with the exact sentence each cited passage supports it with.",
  schema: {
    type: "object",
    properties: {
      covered: { type: "boolean", description: "False when the passages do not answer the question." },
      answer: { type: "string", description: "The answer in the question's language, with [n] after each sentence citing passage n." },
      quotes: {
        type: "array",
        description: "One entry per cited passage.",
        items: {
          type: "object",
          properties: {
            passage: { type: "integer", description: "The passage number n." },
            quote: { type: "string", description: "The one sentence of passage n the answer relies on, copied character for character." },
            translation: { type: "string", description: "That sentence translated into the question's language, when it is in another language." },
          },
          required: ["passage", "quote"],
        },
      },
    },
    required: ["covered", "answer", "quotes"],
  },
};

/** The numbered passages block of the prompt. */
export function formatPassages(passages: readonly NumberedPassage[]): string {
  return passages
    .map((p) => {
      const a = p.article;
      const head = `[${p.n}] ${a.source || "Unknown outlet"}, ${a.date ?? "undated"} — ${a.title || a.path}`;
      return `${head}\n${normalizeWhitespace(a.text.slice(p.start, p.end))}`;
    })
    .join("\n\n");
}

export class LlmAnswerer implements Answerer {
  private readonly logger: Logger;

  constructor(private readonly options: LlmAnswererOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  async answer(input: AnswerInput): Promise<DraftAnswer> {
    if (OFF_TOPIC_REQUEST.test(input.question.trim()) || input.passages.length === 0) return this.options.fallback.answer(input);
    const passages: NumberedPassage[] = input.passages.slice(0, this.options.maxPassages ?? 6).map((p, i) => ({
      n: i + 1,
      article: p.article,
      start: p.start,
      end: p.end,
    }));
    const language = languageName(input.language);
    const system = fillTemplate(this.options.prompts.system, { language });
    const user = fillTemplate(this.options.prompts.answer, { passages: formatPassages(passages), question: input.question, language });
    let reply: unknown;
    try {
      const signals = [AbortSignal.timeout(this.options.timeoutMs), ...(input.signal === undefined ? [] : [input.signal])];
      const onDraft = input.onDraft;
      reply = await this.options.model.invokeObject(
        [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        CITED_ANSWER,
        {
          signal: AbortSignal.any(signals),
          ...(onDraft === undefined ? {} : { onPartial: draftStreamer(onDraft) }),
        },
      );
    } catch (error) {
      this.logger.warn("LLM answer failed; falling back to the extractive answer", { reason: describeFailure(error) });
      return this.fallback(input);
    }
    const read = readModelAnswer(reply);
    if (read === null) {
      this.logger.warn("LLM answer failed; falling back to the extractive answer", { reason: "the model's reply has no answer text" });
      return this.fallback(input);
    }
    const withLanguage = input.language === undefined ? {} : { language: input.language };
    if (!read.covered) return { ...refusal("not_covered"), ...withLanguage };
    const { chosen, dropped } = modelQuotes(read.quotes, passages);
    if (dropped > 0) this.logger.info("dropped model quotes not found in their passage's article", { dropped, kept: chosen.size });
    const checked = checkCitations(read.answer, passages, chosen);
    if (!checked.grounded) return { ...refusal("not_covered"), ...withLanguage };
    return { ...checked, ...withLanguage };
  }

  /**
   * The extractive answer. A question in another language is answered from its English search
   * query (in English: better than refusing a user the model could not serve just now).
   */
  private async fallback(input: AnswerInput): Promise<DraftAnswer> {
    const foreign = input.language !== undefined && input.language !== "en";
    const draft = !foreign || input.searchQuery === undefined ? await this.options.fallback.answer(input) : await this.options.fallback.answer({ ...input, question: input.searchQuery, language: "en" });
    return { ...draft, llmFallback: true };
  }
}

/** Turns the partial objects of a streamed reply into drafts: the answer text so far, each time it grows. */
function draftStreamer(onDraft: (draft: string) => void): (partial: unknown) => void {
  let last = "";
  return (partial) => {
    const answer = typeof partial === "object" && partial !== null ? (partial as { answer?: unknown }).answer : undefined;
    if (typeof answer !== "string" || answer === last || answer.trim() === "") return;
    last = answer;
    try {
      onDraft(answer);
    } catch {
      // A front end that fails to show a draft must not fail the answer.
    }
  };
}

/** A short reason for the log: status and message, never request headers (which hold the key). */
export function describeFailure(error: unknown): string {
  if (isAppError(error) && error.code === "LLM_FAILED") return error.message.slice(0, 300);
  if (!(error instanceof Error)) return String(error);
  const status = (error as { status?: unknown }).status;
  const name = error.name === "Error" ? "" : `${error.name}: `;
  return `${status === undefined ? "" : `HTTP ${String(status)} `}${name}${error.message}`.slice(0, 300);
}
