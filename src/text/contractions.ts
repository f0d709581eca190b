/**
 * Contractions as people type them in chat, with or without the apostrophe ("whats", "whos",
 * "didnt"), expanded so the question reads as it means: "whats the name" → "what is the name".
 * Possessives without an apostrophe ("irans") are left to the vocabulary check, which knows
 * whether "iran" is a word of the articles.
 */
const CONTRACTIONS: Record<string, string> = {
  whats: "what is",
  whos: "who is",
  wheres: "where is",
  whens: "when is",
  hows: "how is",
  whys: "why is",
  thats: "that is",
  theres: "there is",
  whatre: "what are",
  whore: "who are",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  isnt: "is not",
  arent: "are not",
  wasnt: "was not",
  werent: "were not",
  hasnt: "has not",
  havent: "have not",
  hadnt: "had not",
  cant: "can not",
  cannot: "can not",
  couldnt: "could not",
  wont: "will not",
  wouldnt: "would not",
  shouldnt: "should not",
  im: "i am",
  ive: "i have",
  youre: "you are",
  theyre: "they are",
  "what's": "what is",
  "who's": "who is",
  "where's": "where is",
  "when's": "when is",
  "how's": "how is",
  "that's": "that is",
  "there's": "there is",
  "don't": "do not",
  "doesn't": "does not",
  "didn't": "did not",
  "isn't": "is not",
  "aren't": "are not",
  "wasn't": "was not",
  "weren't": "were not",
  "can't": "can not",
  "won't": "will not",
  "i'm": "i am",
};

/** The expansion of one normalised word (straight apostrophes, lower case), or null. */
export function expandContraction(term: string): string | null {
  if (Object.hasOwn(CONTRACTIONS, term)) return CONTRACTIONS[term] ?? null;
  // Every contraction typed with its apostrophe too: "hasn't", "couldn't", "they're".
  const bare = term.replace(/'/g, "");
  return bare !== term && Object.hasOwn(CONTRACTIONS, bare) ? (CONTRACTIONS[bare] ?? null) : null;
}

/** A question with its contractions expanded, word by word; other text is kept as written. */
export function expandContractions(text: string): string {
  return text.replace(/[\p{L}]+(?:['’][\p{L}]+)?/gu, (word) => {
    const expanded = expandContraction(word.toLowerCase().replace(/’/g, "'"));
    if (expanded === null) return word;
    return /^\p{Lu}/u.test(word) ? expanded.charAt(0).toUpperCase() + expanded.slice(1) : expanded;
  });
}
