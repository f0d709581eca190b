/**
 * The words that say what a question is about, for grouping unanswered questions into topics:
 * normalised tokens (lower case, no diacritics or punctuation), without stopwords and the words
 * that only frame a question about news ("did the articles mention …"), stemmed so "wages" and
 * "wage" meet. Each term knows whether it is a name (an acronym, or capitalised inside the
 * sentence) or a place: names weigh more when questions are compared, places less — "minimum wage
 * in Azerbaijan" and "president of Azerbaijan" are different gaps.
 */
import { looksLikeAcronym } from "../text/acronyms.js";
import { isPlace } from "../text/places.js";
import { stem } from "../text/stem.js";
import { STOPWORDS } from "../text/stopwords.js";
import { tokenize } from "../text/tokenize.js";

export type TermKind = "word" | "name" | "place";

export interface TopicTerm {
  /** The stem: what questions are compared by. */
  key: string;
  /** The word as it reads in a label: lower case, or as written for names and places ("ITUC", "Baku"). */
  surface: string;
  kind: TermKind;
}

/** Words that frame a question about the articles rather than say its topic. */
const FRAME_WORDS = new Set(
  (
    "article articles news report reports reported mention mentioned mentions happen happened happening information info " +
    "discuss discussed talk talked related regarding latest recent recently anything everything someone anyone " +
    "get got make made go going want like think really well yes ok okay hi hello thanks"
  ).split(" "),
);

/** The topic terms of a question, in order of appearance, each key once. */
export function topicTerms(question: string): TopicTerm[] {
  const out: TopicTerm[] = [];
  const seen = new Set<string>();
  const tokens = tokenize(question);
  tokens.forEach((token, i) => {
    const { term } = token;
    if (term.length < 2 || STOPWORDS.has(term) || FRAME_WORDS.has(term)) return;
    const raw = question.slice(token.start, token.end).replace(/['’]s$/u, "");
    const key = stem(term);
    if (seen.has(key)) return;
    seen.add(key);
    const acronym = looksLikeAcronym(raw);
    const kind: TermKind = isPlace(term) ? "place" : acronym || (i > 0 && /^\p{Lu}/u.test(raw)) ? "name" : "word";
    out.push({ key, surface: kind === "word" ? term : raw, kind });
  });
  return out;
}
