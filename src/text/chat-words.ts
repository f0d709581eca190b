/**
 * Informal words and common misspellings of question words in chat ("wat", "wher", "ppl", "reps",
 * "govt", "b4"), mapped to what they stand for, so a question typed in a hurry reads like the
 * careful one. Typos of content words are corrected against the articles' own vocabulary elsewhere
 * (`typo-variants.ts`); this list covers short and function words that check cannot.
 */
const CHAT_WORDS: Record<string, string> = {
  wat: "what",
  wut: "what",
  wht: "what",
  whta: "what",
  waht: "what",
  wher: "where",
  whr: "where",
  wen: "when",
  wehn: "when",
  whn: "when",
  hu: "who",
  woh: "who",
  wich: "which",
  whcih: "which",
  whih: "which",
  hw: "how",
  hwo: "how",
  meny: "many",
  mny: "many",
  manny: "many",
  y: "why",
  r: "are",
  u: "you",
  ur: "your",
  n: "and",
  "&": "and",
  b4: "before",
  abt: "about",
  bout: "about",
  ppl: "people",
  ppls: "people",
  reps: "representatives",
  rep: "representative",
  govt: "government",
  gov: "government",
  intl: "international",
  dept: "department",
  org: "organization",
  orgs: "organizations",
  info: "information",
  pls: "please",
  plz: "please",
  thx: "thanks",
  tho: "though",
  w: "with",
  wo: "without",
  yr: "year",
  yrs: "years",
  prez: "president",
  agmt: "agreement",
};

/** What an informal or misspelt word stands for (normalised, lower case), or null. */
export function chatWord(term: string): string | null {
  return Object.hasOwn(CHAT_WORDS, term) ? (CHAT_WORDS[term] ?? null) : null;
}
