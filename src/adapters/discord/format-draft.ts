/**
 * The message shown while a language model writes: first "Searching the articles…", then the draft
 * so far with a "…" marker that says it is still being written. Drafts are unchecked, so they get
 * the same Markdown escaping as answers (no formatting, masked links or mentions from model text)
 * and always fit one message; the checked answer replaces them.
 */
import { escapeMarkdown } from "./escape-markdown.js";
import { formatEchoedQuestion } from "./format-answer.js";
import { DISCORD_MESSAGE_LIMIT, splitText } from "./split-message.js";

export const DRAFT_PLACEHOLDER = "Searching the articles…";
const MARKER = " …";

/** Control characters (other than line breaks) from a model would show as boxes. */
const CONTROL = /[^\P{Cc}\n]/gu;

export interface FormatDraftOptions {
  /** Echo this question above the draft, as the slash command's answer will. */
  echoQuestion?: string;
  maxLength?: number;
}

/** The draft message's content; `draft` null (or blank) gives the placeholder. */
export function formatDraft(draft: string | null, options: FormatDraftOptions = {}): string {
  const echo = options.echoQuestion === undefined || options.echoQuestion.trim() === "" ? "" : `${formatEchoedQuestion(options.echoQuestion)}\n\n`;
  const text = (draft ?? "").replace(CONTROL, " ").trim();
  if (text === "") return `${echo}${DRAFT_PLACEHOLDER}`;
  const budget = (options.maxLength ?? DISCORD_MESSAGE_LIMIT) - echo.length - MARKER.length;
  const [head = ""] = splitText(escapeMarkdown(text), Math.max(1, budget));
  return `${echo}${head}${MARKER}`;
}
