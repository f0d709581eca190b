/**
 * Prepares a question for retrieval with one model call: a follow-up ("and who signed it?") made
 * standalone with the conversation, and an English search query for a question in another
 * language, since the articles (and BM25 and the local word vectors) are English.
 */
import type { ChatModel } from "../core/chat-model.js";
import type { QuestionRewriter, RewriteInput, RewrittenQuestion } from "../core/question-rewriter.js";
import { languageName } from "../text/language-name.js";
import { fillTemplate, type PromptTemplates } from "./prompt-templates.js";

const REWRITE = {
  name: "prepare_search",
  description: "The user's question made standalone, and the same question as an English search query.",
  schema: {
    type: "object",
    properties: {
      standalone_question: { type: "string", description: "The question, standalone, in the user's language." },
      english_search_query: { type: "string", description: "The standalone question in English, as a search query." },
    },
    required: ["standalone_question", "english_search_query"],
  },
} as const;

/** Longest rewrite taken: a longer one is not a question any more. */
const MAX_LENGTH = 1000;

export class LlmQuestionRewriter implements QuestionRewriter {
  constructor(private readonly options: { model: ChatModel; prompts: PromptTemplates; timeoutMs: number }) {}

  async rewrite(input: RewriteInput): Promise<RewrittenQuestion> {
    const transcript = input.history.length === 0 ? "(none)" : input.history.map((t) => `User: ${t.question}\nBot: ${t.answer}`).join("\n");
    const prompt = fillTemplate(this.options.prompts.rewriteQuestion, { history: transcript, question: input.question, language: languageName(input.language) });
    const signals = [AbortSignal.timeout(this.options.timeoutMs), ...(input.signal === undefined ? [] : [input.signal])];
    const reply = await this.options.model.invokeObject([{ role: "user", content: prompt }], REWRITE, { signal: AbortSignal.any(signals) });
    const standalone = line(reply, "standalone_question") ?? input.question;
    const search = line(reply, "english_search_query");
    if (search === null) throw new Error("the model returned no usable search query");
    return { standalone, search };
  }
}

/** One line of text from the reply's field, or null when it is missing, empty or too long. */
function line(reply: unknown, field: string): string | null {
  if (typeof reply !== "object" || reply === null) return null;
  const value = (reply as Record<string, unknown>)[field];
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/^["'“«]|["'”»]$/g, "").split("\n")[0]?.trim() ?? "";
  return text === "" || text.length > MAX_LENGTH ? null : text;
}
