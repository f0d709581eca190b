/**
 * A light guess of the question's language, so the language model is told explicitly which
 * language to answer in (models drift to English when the passages are English).
 */
export function detectLanguage(text: string): string {
  if (/[əƏ]/.test(text)) return "Azerbaijani";
  if (/[\u0400-\u04FF]/.test(text)) return /[үөңҮӨҢ]/.test(text) ? "Kyrgyz" : /[іїєґІЇЄҐ]/.test(text) ? "Ukrainian" : "Russian";
  if (/[\u0600-\u06FF]/.test(text)) return /[پچژگکی]/.test(text) ? "Persian" : "Arabic";
  if (/[ğışĞİŞ]/.test(text)) return "Turkish";
  if (/^[\p{ASCII}’“”—–…]*$/u.test(text)) return "English";
  return "the same language as the question";
}
