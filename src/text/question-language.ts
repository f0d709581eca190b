/**
 * The question's language, decided once per question for every stage: certain cues first (the
 * script, English function words), then the statistical detector for the rest. "en" for English,
 * another ISO 639-1 code, or null when another language is certain but not which.
 */
import type { LanguageDetector } from "../core/language-detector.js";
import { languageCue } from "./language-cues.js";

export async function questionLanguage(question: string, detector: LanguageDetector | undefined): Promise<string | null> {
  const cue = languageCue(question);
  if (cue === "english") return "en";
  const detected = detector === undefined ? null : await detector.detect(question).catch(() => null);
  if (cue === "unclear") return detected === null || detected === "en" ? "en" : detected;
  return detected === "en" ? null : detected;
}
