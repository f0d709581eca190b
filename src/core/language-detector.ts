/**
 * Tells which language a short text is written in. The offline reader understands English only
 * and says so in the asker's language; an LLM answerer answers in it.
 */
export interface LanguageDetector {
  /** ISO 639-1 code ("en", "ru", "az", "fa", "tr", "ky", …), or null when the text is too short or unclear. */
  detect(text: string): Promise<string | null>;
}
