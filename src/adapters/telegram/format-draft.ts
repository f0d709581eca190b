/**
 * The text of a draft while a model writes it. Drafts are unchecked, so they are sent as plain text
 * (no `parse_mode`): nothing the model wrote can break Telegram's HTML parser or turn into a link.
 * The trailing "…" says the text is still being written; the checked answer replaces it.
 */
import { truncate } from "./html.js";

/** Shown before the model's first words reach the chat. */
export const DRAFT_PLACEHOLDER = "Searching the articles…";

/** Room for the marker; Telegram counts UTF-16 units, code points undercount astral characters. */
const MAX_DRAFT_LENGTH = 4000;

/** Control characters (other than line breaks) would show as boxes or be rejected. */
const CONTROL = /[^\P{Cc}\n]/gu;

/** The draft as plain text with the "still writing" marker, or null when there is nothing to show yet. */
export function formatDraftText(draft: string): string | null {
  const text = draft.replace(CONTROL, " ").replace(/[ \t]+\n/g, "\n").trim();
  if (text === "") return null;
  const shown = truncate(text, MAX_DRAFT_LENGTH);
  return shown === text ? `${text} …` : shown;
}
