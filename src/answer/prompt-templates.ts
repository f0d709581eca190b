/**
 * Prompt templates live in `prompts/` as files, never as string literals in code. `{{name}}`
 * placeholders are filled in one pass, so text inside a value (an article passage containing
 * "{{question}}", say) is never expanded again.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface PromptTemplates {
  system: string;
  answer: string;
  /** Follow-up made standalone + English search query, in one call. */
  rewriteQuestion: string;
}

/** The project's `prompts/` folder. */
export const DEFAULT_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prompts");

export function loadPromptTemplates(dir: string = DEFAULT_PROMPTS_DIR): PromptTemplates {
  const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8").trim();
  return { system: read("system.md"), answer: read("answer.md"), rewriteQuestion: read("rewrite-question.md") };
}

/** Replaces `{{name}}` with `values[name]`; unknown placeholders are an error (a typo in a prompt file). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt placeholder {{${name}}} has no value`);
    return value;
  });
}
