/**
 * Every short, fixed text the Discord bot says (refusals, hints). Kept in one place so the tone is
 * consistent and the tests can refer to them instead of copying strings.
 */
export const replies = {
  /** Mention with no text and the Message Content intent off: Discord hid the text from us. */
  useSlashCommand: "I can't read message text on this server — please ask with `/ask question:` followed by your question.",
  /** Mention with nothing after it. */
  emptyQuestion: "What would you like to know? Mention me with your question, or use `/ask`.",
  unknownCommand: "I don't know that command (it may be from an older version of me). Try `/help`.",
} as const;
