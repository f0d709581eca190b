/**
 * The English stem of a word, so inflections and derivations meet ("disabled" / "disabilities" →
 * "disabl", "employ" / "employment" → "employ"): the Porter2 (Snowball English) stemmer, after
 * folding British spellings to American ones ("labour" → "labor", "organisation" →
 * "organization"), which Porter2 leaves apart. Used at index time (BM25 keys) and question time
 * (matching), so both sides agree.
 */
import { stem as porter2 } from "porter2";

/** Words ending in -our that are not British spellings of -or words. */
const OUR_KEEP = new Set(["four", "hour", "your", "pour", "tour", "sour", "flour", "dour", "devour", "detour", "contour", "velour", "amour", "paramour"]);
/** Words ending in -ise (and their inflections) that are not British spellings of -ize words. */
const ISE_KEEP =
  /^(?:promis|rais|prais|exercis|enterpris|otherwis|expertis|premis|franchis|advertis|compromis|surpris|revis|supervis|televis|devis|disguis|despis|precis|concis|wis|nois|cruis|ris|aris|paradis|merchandis|chastis|excis|incis|circumcis|pois|vis|bruis|guis|chais|treatis|mortis|apprais|demis|repris)e/;

/** American spelling of a lower-case word when it is a British -our / -ise / -isation form. */
export function americanSpelling(term: string): string {
  let t = term;
  const our = /our(s|ed|ing|ite|ites|able|er|ers)?$/.exec(t);
  if (our !== null && t.length >= 5 && !OUR_KEEP.has(t.slice(0, our.index + 3))) t = `${t.slice(0, our.index)}or${our[1] ?? ""}`;
  const ise = /is(e|es|ed|ing|ation|ations)$/.exec(t);
  if (ise !== null && t.length >= 6 && !ISE_KEEP.test(`${t.slice(0, ise.index)}ise`)) t = `${t.slice(0, ise.index)}iz${ise[1] ?? ""}`;
  return t;
}

/** The stem of one normalised (lower-case) word; numbers and words of three letters or fewer stay as they are. */
export function stem(term: string): string {
  if (term.length <= 3 || /\d/.test(term)) return term;
  return porter2(americanSpelling(term));
}
