/**
 * Quick, certain cues of a question's language, before any statistical detector: the script
 * (Cyrillic, Arabic/Persian, …), letters only some Latin-script languages use (Azerbaijani "ə"),
 * and English function words. A question with English function words is English even when it
 * names "Türk-İş" or "Jumadilde"; one in another script is not.
 */
import { STOPWORDS } from "./stopwords.js";
import { tokenize } from "./tokenize.js";

export type LanguageCue = "english" | "foreign" | "unclear";

/** Question words and function words that only an English question uses. */
const ENGLISH = new Set([...STOPWORDS].filter((w) => w.length > 1 && !/^(o|a|i|de|da|ne|bu|ve|in|on|an|am|to|me|mi|mu|us|as|so|no|do)$/.test(w)));

export function languageCue(text: string): LanguageCue {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return "unclear";
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin / letters.length < 0.5) return "foreign";
  if (/[əƏ]/.test(text)) return "foreign";
  // Words as written (lower case, not folded): Turkish "iş" must not read as English "is".
  const words = tokenize(text).map((t) => text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"));
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (english >= 1) return "english";
  return words.length >= 3 ? "unclear" : "english";
}
