/**
 * Hand-made inputs for the extractive reader's tests: a vocabulary over a word list or the words
 * of some texts, a general-English word rarity over a short frequency list, and passages built
 * from invented articles (sentence spans from the project's own splitter).
 */
import type { Passage } from "../../src/core/passage.js";
import type { Vocabulary } from "../../src/core/vocabulary.js";
import type { WordRarity } from "../../src/core/word-rarity.js";
import { splitSentences } from "../../src/text/split-sentences.js";
import { stem } from "../../src/text/stem.js";
import { terms } from "../../src/text/tokenize.js";

/** A vocabulary that knows `words` in any inflection (by stem, as the index's does), each in one passage. */
export function fakeVocabulary(words: Iterable<string>): Vocabulary {
  const known = new Set([...words].map(stem));
  return { has: (t) => known.has(stem(t)), frequency: (t) => (known.has(stem(t)) ? 1 : 0), size: Math.max(1, known.size) };
}

/** A vocabulary of every word of `passages` (what an index over them would know). */
export function vocabularyOf(passages: readonly Passage[]): Vocabulary {
  return fakeVocabulary(passages.flatMap((p) => terms(p.article.text)));
}

/** Common English words, most common first (their rank is their place in the list). */
const ENGLISH = (
  "the of and to a in is was for that on with he it as at by from be his are this which or have an they not who what had but were " +
  "been has their one all would there her we more can when if so will no out about up into some them than other its only could new " +
  "time two also may people after did over year first like now how where many just years any most said made these state way through " +
  "down work should well very because even me much back those while being under still does last never own world day city country place " +
  "share workers women members union unions minister meeting delegation delegations conference travel visit labour labor trade mayor " +
  "traffic hope weather poem write hello agency reported report latest recent current name delegates signed sign memorandum capital " +
  "hosted held cooperation discuss discussed happen happened mentioned federation met meet attended session sessions member states " +
  "founded agreement document training experience said expressed sides did head chairman leader talks government week month date " +
  "like held take took part number percent rate unemployment wages wage rose fell grew founded opened lasted days news summary " +
  "visited visit council plan planned attend host guests oldest fall open strike hope hopes leaders attend studied rights focused " +
  "talks migrant exchanging vocational envisage envisages record largest shared views development protection social"
).split(" ");

/** General-English rarity: the words above are common, every other word is unknown (a name). */
export function fakeRarity(extra: Readonly<Record<string, number>> = {}): WordRarity {
  const ranks = new Map<string, number>();
  ENGLISH.forEach((w, i) => {
    if (!ranks.has(w)) ranks.set(w, i + 1);
  });
  for (const [w, r] of Object.entries(extra)) ranks.set(w, r);
  return { rank: (t) => ranks.get(t) };
}

export interface ArticleOptions {
  title?: string;
  source?: string;
  date?: string | null;
}

/** One passage covering a whole invented article. */
export function articlePassage(id: string, text: string, options: ArticleOptions = {}, score = 1): Passage {
  const article = {
    id,
    path: id,
    title: options.title ?? `About ${id}`,
    source: options.source ?? "Test Wire",
    date: options.date === undefined ? "2024-01-15" : options.date,
    url: null,
    text,
    spans: splitSentences(text),
  };
  return { article, start: 0, end: text.length, score, similarity: 0, lexicalScore: 0 };
}
