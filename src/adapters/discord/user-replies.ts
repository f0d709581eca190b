/**
 * Every short, fixed text the Discord bot says (refusals, hints). Kept in one place so the tone is
 * consistent and the tests can refer to them instead of copying strings.
 */
export const replies = {
  /** Mention with no text and the Message Content intent off: Discord hid the text from us. */
  useSlashCommand: "I can't read message text on this server — please ask with `/ask question:` followed by your question.",
  /** Mention with nothing after it. */
  emptyQuestion: "What would you like to know? Mention me with your question, or use `/ask`.",
  notAllowedHere: "I'm not enabled in this channel.",
  unknownCommand: "I don't know that command (it may be from an older version of me). Try `/help`.",
  tooLong: (length: number, max: number) =>
    `That question is too long (${length} characters; the limit is ${max}). Please shorten it and ask again.`,
  rateLimited: (retryAfterMs: number) =>
    `You're asking faster than I can keep up with — please wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and ask again.`,
} as const;
