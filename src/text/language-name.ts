/**
 * The English name of a language code ("ru" → "Russian"), for telling a model which language to
 * answer in: models drift to the passages' language unless it is named. Uses the runtime's CLDR
 * data (Intl.DisplayNames), so every code a detector returns has a name without a table here.
 */
const NAMES = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

export function languageName(code: string | null | undefined): string {
  if (code === null || code === undefined || code === "") return "the same language as the question";
  try {
    return NAMES.of(code) ?? "the same language as the question";
  } catch {
    return "the same language as the question";
  }
}
