/**
 * The dateline that opens a news story — "TEHRAN —", "BISHKEK (24.kg) —", "TEHRAN, Mar. 10 (MNA) –",
 * "Tashkent, Uzbekistan (UzDaily.com) --", "GENEVA (ILO News) –" — and a Markdown heading mark.
 * It says where the story was filed, not what happened, so answers leave it out.
 */
const DATELINE =
  /^(?:#+\s+)?\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s(?:\p{Lu}[\p{L}.]*|\p{N}{1,2})(?:\s[\p{L}\p{N}.]+){0,2}){0,2}(?:\s\([^)]{2,30}\))?\s?(?:—|–|--|-)\s+/u;
const HEADING = /^#+\s+/;

/** The dateline (or heading mark) at the start of a sentence, or "" when it has none. */
export function datelineOf(sentence: string): string {
  return DATELINE.exec(sentence)?.[0] ?? HEADING.exec(sentence)?.[0] ?? "";
}

/** The sentence without its opening dateline or heading mark. */
export function withoutDateline(sentence: string): string {
  return sentence.slice(datelineOf(sentence).length);
}
