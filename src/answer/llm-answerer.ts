/**
 * Optional language-model answers. The model sees only the retrieved passages (numbered, with
 * outlet and date) and must cite them; its answer then goes through the citation check, so every
 * citation shown is real. Any failure — timeout, refused connection, 429/5xx, a malformed or empty
 * reply — falls back to the extractive answer for that question, and the reason is logged.
 */
import type { AnswerInput, Answerer, DraftAnswer } from "../core/answerer.js";
import type { ChatModel } from "../core/chat-model.js";
import { isAppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { silentLogger } from "../core/logger.js";
import { detectLanguage } from "../text/detect-language.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";
import { checkCitations, type NumberedPassage } from "./check-citations.js";
import { notCoveredAnswer } from "./not-covered.js";
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
    const language = detectLanguage(input.question);
    const system = fillTemplate(this.options.prompts.system, { language });
    const user = fillTemplate(this.options.prompts.answer, { passages: formatPassages(passages), question: input.question, language });
    let text: string;
    try {
      const signals = [AbortSignal.timeout(this.options.timeoutMs), ...(input.signal === undefined ? [] : [input.signal])];
      const reply = await this.options.model.invoke(
        [
          { role: "system", content: system },
          { role: "user", content: user },
        ],
        { signal: AbortSignal.any(signals) },
      );
      text = reply.trim();
      if (text === "") throw new Error("the model returned an empty answer");
    } catch (error) {
      this.logger.warn("LLM answer failed; falling back to the extractive answer", { reason: describeFailure(error) });
      return this.options.fallback.answer(input);
    }
    const checked = checkCitations(text, passages);
    if (!checked.grounded) return notCoveredAnswer(input.question, "none");
    return checked;
  }
}

/** A short reason for the log: status and message, never request headers (which hold the key). */
export function describeFailure(error: unknown): string {
  if (isAppError(error) && error.code === "LLM_FAILED") return error.message.slice(0, 300);
  if (!(error instanceof Error)) return String(error);
  const status = (error as { status?: unknown }).status;
  const name = error.name === "Error" ? "" : `${error.name}: `;
  return `${status === undefined ? "" : `HTTP ${String(status)} `}${name}${error.message}`.slice(0, 300);
}
