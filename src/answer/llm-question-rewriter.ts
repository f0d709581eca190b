/**
 * Turns a follow-up ("and who signed it?") into a standalone question with the language model,
 * using the conversation so far, so retrieval looks for the right thing.
 */
import type { QuestionRewriter } from "../core/question-rewriter.js";
import type { ChatModel } from "../core/chat-model.js";
import { fillTemplate, type PromptTemplates } from "./prompt-templates.js";

export class LlmQuestionRewriter implements QuestionRewriter {
  constructor(private readonly options: { model: ChatModel; prompts: PromptTemplates; timeoutMs: number }) {}

  async rewrite(question: string, history: { question: string; answer: string }[], signal?: AbortSignal): Promise<string> {
    const transcript = history.map((t) => `User: ${t.question}\nBot: ${t.answer}`).join("\n");
    const prompt = fillTemplate(this.options.prompts.rewriteFollowUp, { history: transcript, question });
    const signals = [AbortSignal.timeout(this.options.timeoutMs), ...(signal === undefined ? [] : [signal])];
    const reply = await this.options.model.invoke([{ role: "user", content: prompt }], { signal: AbortSignal.any(signals) });
    const rewritten = reply.trim().replace(/^["'“]|["'”]$/g, "").split("\n")[0]?.trim() ?? "";
    if (rewritten === "" || rewritten.length > 1000) throw new Error("the model returned no usable standalone question");
    return rewritten;
  }
}
