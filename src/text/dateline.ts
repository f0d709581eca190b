/**
 * The dateline that opens a news story — "TEHRAN —", "BISHKEK (24.kg) —", "TEHRAN, Mar. 10 (MNA) –",
 * "Tashkent, Uzbekistan (UzDaily.com) --", "GENEVA (ILO News) –" — and a Markdown heading mark.
 * It says where the story was filed, not what happened, so answers leave it out.
 */
// A place in capitals ("TEHRAN —", "BISHKEK (24.kg) —"), or a place in ordinary case that a date or an
// outlet marks as a dateline ("Tashkent, Uzbekistan (UzDaily.com) --", "TEHRAN, Mar. 10 (MNA) –") —
// never a name set off by a dash ("Sahil Babayev — Azerbaijan's labour minister — …").
const PLACE_CAPS = String.raw`\p{Lu}[\p{Lu}.'’-]+(?:\s\p{Lu}[\p{Lu}.'’-]+){0,3}`;
const PLACE = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}`;
const AFTER_COMMA = String.raw`(?:,\s(?:\p{Lu}[\p{L}.]*|\p{N}{1,2})(?:\s[\p{L}\p{N}.]+){0,2}){1,2}`;
const OUTLET = String.raw`\s\([^)]{2,30}\)`;
const DASH = String.raw`\s?(?:—|–|--|-)\s+`;
const DATELINE = new RegExp(
  String.raw`^(?:#+\s+)?(?:${PLACE_CAPS}(?:${AFTER_COMMA})?(?:${OUTLET})?|${PLACE}(?:${AFTER_COMMA}(?:${OUTLET})?|${OUTLET}))${DASH}`,
  "u",
);
const HEADING = /^#+\s+/;

/** The dateline (or heading mark) at the start of a sentence, or "" when it has none. */
export function datelineOf(sentence: string): string {
  return DATELINE.exec(sentence)?.[0] ?? HEADING.exec(sentence)?.[0] ?? "";
}

/** The sentence without its opening dateline or heading mark. */
export function withoutDateline(sentence: string): string {
  return sentence.slice(datelineOf(sentence).length);
}
