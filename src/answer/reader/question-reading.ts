/**
 * The first stage of the reader: what a question asks (a person, a date, a number, yes or no, a
 * description…), about what (its terms, each with the ways an article may say it), under which
 * constraints (years, "latest"), and whether it is a question about the articles at all. Chat
 * spellings, contractions, typos and acronyms are bridged here, once, so later stages only match.
 */
import type { Vocabulary } from "../../core/vocabulary.js";
import type { WordRarity } from "../../core/word-rarity.js";
import { commonExpansions, looksLikeAcronym } from "../../text/acronyms.js";
import { chatWord } from "../../text/chat-words.js";
import { collectionIntent, type CollectionIntent } from "../../text/collection-intent.js";
import { expandContraction } from "../../text/contractions.js";
import { countryOf } from "../../text/places.js";
import { STOPWORDS } from "../../text/stopwords.js";
import { synonymPhrasesOf, synonymStems } from "../../text/synonyms.js";
import type { TermKeys } from "../../text/term-keys.js";
import { normalizeTerm, tokenize } from "../../text/tokenize.js";
import { insertionVariants, typoVariants } from "../../text/typo-variants.js";
import type { NearWords } from "../../text/near-words.js";
import { answerSpans } from "./answer-spans.js";
import { EVENT_VERBS, BODY_HEADS, FILLER_NOUNS, FRAME_WORDS, LIGHT_VERBS, OFF_TOPIC, OFF_TOPIC_REQUEST, PEOPLE_NOUNS, ROLE_WORDS, ROLE_VERBS, TYPE_NOUNS, singularRole } from "./question-words.js";

export type AnswerKind = "person" | "role" | "organization" | "place" | "date" | "number" | "duration" | "description" | "reason" | "yesno" | "definition";
export type TermKind = "name" | "place" | "number" | "acronym" | "content" | "frame";

export interface ReadTerm {
  /** The normalised word (after chat-word and typo correction). */
  term: string;
  /** The word as typed, when it was corrected. */
  typed?: string;
  stem: string;
  /** Other stems that count as this word (curated synonyms). */
  synonyms: ReadonlySet<string>;
  /** Phrases that count as this word, as stem lists (acronym expansions). */
  phrases: readonly string[][];
  /** The same phrases as words, for retrieval. */
  expansions: readonly string[];
  kind: TermKind;
  /** Canonical country of a place ("kyrgyz" → "kyrgyzstan"). */
  country?: string;
  /** Must be found in the evidence, or the articles do not answer the question. */
  required: boolean;
  weight: number;
  /** Token position in the question. */
  position: number;
}

export interface QuestionReading {
  /** The question as read: lower case, contractions expanded, chat words replaced. */
  text: string;
  expects: AnswerKind;
  /** Terms to find in the evidence (stopwords and question words dropped). */
  terms: ReadTerm[];
  /** The thing asked about ("mayor", "traffic", "members"): never missable. */
  focus: ReadTerm | null;
  /** "the chairman of AHIK", "Kyrgyzstan's labour minister": the role and whose it is. */
  role: { role: ReadTerm; of: ReadTerm[] } | null;
  /** "Which official…", "what is the name of…": only a person's name answers (not an organisation). */
  personOnly: boolean;
  /** "What is Shariatmadari's first name?": the person the question names is the answer. */
  asksName: boolean;
  /** The counted noun of "how many X". */
  counted: ReadTerm | null;
  /** "By how much will pay rise?", "what percentage…": a rate or share answers, not a head count. */
  asksRate: boolean;
  /** The words before the counted noun ("deadly" in "how many deadly accidents"): a number they describe is the one asked for. */
  countedModifiers: ReadTerm[];
  /** "Which countries…", "which officials…": several answers of the asked kind, from one sentence as well as from several articles. */
  pluralType: boolean;
  /** Years asked about exactly ("in 2021", "2019 congress"). */
  years: number[];
  /** Bounds on the article's year: "before 2020" (articles up to 2019), "since 2021" / "after 2021". */
  yearsBetween: { from?: number; to?: number } | null;
  recency: "latest" | "earliest" | null;
  /** "who is …", "what is the current …": the answer is true as of an article's date. */
  presentTense: boolean;
  /** Several answers expected ("which delegations…", "all the …"). */
  list: boolean;
  collection: CollectionIntent | null;
  /** Not a question about the articles (greeting, request for a poem, the weather). */
  offTopic: boolean;
  /** Asks whether or when something happened ("did X travel", "when did X travel"), not about a hope or plan. */
  pastFact: boolean;
  /** Asks which outlet reported something ("which agency reported the visit?"): the article's source answers. */
  asksSource: boolean;
  /**
   * Full names the question writes out ("Andrei Tamm", "the Kyrgyz Confederation of Labour"), as
   * their terms: an article that never names one of them as one name is about someone else, even
   * when it uses each word somewhere ("Igor Tamm", "the Kyrgyz Union of …").
   */
  names: ReadTerm[][];
  /** Builds on the previous question ("and who signed it?", "what did he say?"): no name of its own, a pronoun or "and …". */
  refersBack: boolean;
}

export interface ReadOptions {
  vocabulary: Vocabulary;
  rarity?: WordRarity;
  keys: TermKeys;
  /** Common English words two edits from a misspelling (built on first use), for typos a single edit does not reach. */
  nearWords?: () => NearWords | undefined;
}

const WH = /^(who|whom|whose|what|which|when|where|why|how)$/;
const FOLLOW_UP = /^ (and|also|what about|how about|but|so)\b|\b(he|she|they|them|him|her|his|their|it|its|this|that|these|those|there)\b/;
const AUX = /^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|might)$/;

/** One word of the question after chat-word, contraction and typo repair. */
interface Word {
  term: string;
  typed?: string;
  raw: string;
  capitalised: boolean;
}

function repairWords(question: string, options: ReadOptions): Word[] {
  const words: Word[] = [];
  for (const [i, token] of tokenize(question).entries()) {
    const raw = question.slice(token.start, token.end);
    // "what's" / "who's" lose their "'s" in the tokenizer, which takes it for a possessive.
    if (/^(what|who|where|when|how|that|there|it|he|she)['’]s$/i.test(raw)) {
      words.push({ term: token.term, raw: token.term, capitalised: false }, { term: "is", raw: "is", capitalised: false });
      continue;
    }
    const capitalised = /^\p{Lu}/u.test(raw) && (i > 0 || /^\p{Lu}{2,}/u.test(raw));
    const convention = /^c(\d{2,3})$/.exec(token.term);
    if (convention?.[1] !== undefined) {
      words.push({ term: "convention", typed: token.term, raw: "convention", capitalised: false }, { term: convention[1], typed: token.term, raw: convention[1], capitalised: false });
      continue;
    }
    const expanded = expandContraction(token.term) ?? chatWord(token.term);
    if (expanded !== null) {
      for (const part of expanded.split(" ")) words.push({ term: part, typed: token.term, raw: part, capitalised: false });
      continue;
    }
    const corrected = possessiveBase(token.term, options) ?? correctTypo(token.term, options);
    words.push(corrected === null ? { term: token.term, raw, capitalised } : { term: corrected, typed: token.term, raw, capitalised });
  }
  return words;
}

/** "irans" → "iran", "ahiks" → "ahik": a possessive typed without its apostrophe. */
function possessiveBase(term: string, options: ReadOptions): string | null {
  if (term.length < 4 || !term.endsWith("s") || countryOf(term) !== null) return null;
  const base = term.slice(0, -1);
  if (countryOf(base) !== null) return base;
  if (options.vocabulary.has(term) || options.rarity?.rank(term) !== undefined) return null;
  return options.vocabulary.has(base) ? base : null;
}

/**
 * The word one edit away from an unknown word: a word of the articles (the most frequent one), or
 * else a common English word (the most common one), or nothing. Words general English knows are
 * left alone (they are not typos, just not in the articles).
 */
function correctTypo(term: string, options: ReadOptions): string | null {
  if (term.length === 4) return leftOutLetter(term, options);
  if (term.length < 5 || STOPWORDS.has(term) || countryOf(term) !== null) return null;
  const rank = options.rarity?.rank(term);
  if (options.vocabulary.has(term)) return rank === undefined ? knownSpelling(term, options) : null;
  // A British spelling rarer in the word list than its American twin ("summarise") is a word, not a typo.
  const american = americanSpelling(term);
  if (american !== term && (options.rarity?.rank(american) ?? Infinity) < 60_000) return null;
  if (rank !== undefined && rank < 20_000) return null;
  const variants = typoVariants(term);
  // A rare English word ("discus") is corrected only to a word of the articles ("discuss"), an unknown one to either.
  // A word English knows ("diggers") is changed only into a commoner one ("discus" → "discuss", never "diggers" → "biggers").
  const commoner = rank === undefined ? variants : variants.filter((v) => (options.rarity?.rank(v) ?? Infinity) < rank);
  const oneEdit = mostUsed(commoner, options) ?? (rank === undefined || rank > 60_000 ? commonestEnglish(variants, options) : null);
  if (oneEdit !== null || term.length < 7 || rank !== undefined) return oneEdit;
  // Two edits ("undrestanding", "coonfrence"): only a long word English does not know at all, and only to a word of the articles.
  return mostUsed(options.nearWords?.()?.near(term) ?? [], options);
}

/**
 * A word English does not know whose stem the articles still use ("inspecters" ~ "inspection",
 * "registr" ~ "registration"): a misspelling when one edit gives a common English word the
 * articles use as often ("inspectors", "register"). Names the articles use (Jumadilde) have none.
 */
function knownSpelling(term: string, options: ReadOptions): string | null {
  const own = options.vocabulary.frequency(term);
  const stem = options.keys.stem(term);
  // Another inflection ("memorandums" → "memorandum") is matched by stem already: not a repair.
  return commonestEnglish(
    typoVariants(term).filter((v) => options.keys.stem(v) !== stem && options.vocabulary.frequency(v) >= own),
    options,
  );
}

/** The variant general English uses most, among its 30,000 commonest words; null when none is. */
function commonestEnglish(variants: readonly string[], options: ReadOptions): string | null {
  let best: { term: string; rank: number } | null = null;
  for (const v of variants) {
    const rank = options.rarity?.rank(v);
    if (rank === undefined || rank >= 30_000 || STOPWORDS.has(v)) continue;
    if (best === null || rank < best.rank) best = { term: v, rank };
  }
  return best?.term ?? null;
}

/** "summarise" → "summarize", "labour" → "labor", "centre" → "center", "travelled" → "traveled". */
function americanSpelling(term: string): string {
  return term
    .replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1")
    .replace(/our(s|ed|ing|er|ers|able)?$/, "or$1")
    .replace(/tre(s)?$/, "ter$1")
    .replace(/lled$|lling$/, (m) => m.slice(1))
    .replace(/ogue(s)?$/, "og$1");
}

/**
 * The variant the articles use most; between variants of one stem ("countries", "countris"), the
 * one English knows best.
 */
function mostUsed(variants: readonly string[], options: ReadOptions): string | null {
  let best: { term: string; frequency: number; rank: number } | null = null;
  for (const v of variants) {
    if (STOPWORDS.has(v)) continue;
    const frequency = options.vocabulary.frequency(v);
    if (frequency === 0) continue;
    const rank = options.rarity?.rank(v) ?? Infinity;
    if (best === null || frequency > best.frequency || (frequency === best.frequency && rank < best.rank)) best = { term: v, frequency, rank };
  }
  return best?.term ?? null;
}

/** A four-letter word neither the articles nor English know, missing a letter of an article word ("unon" → "union"). */
function leftOutLetter(term: string, options: ReadOptions): string | null {
  if (options.vocabulary.has(term) || STOPWORDS.has(term) || countryOf(term) !== null || (options.rarity?.rank(term) ?? Infinity) < 60_000) return null;
  return mostUsed(insertionVariants(term), options);
}

/** Years asked about exactly, and bounds on the year ("before 2020": up to 2019; "since 2021", "after 2021"), with the words and years that made the bounds. */
function readYears(lower: string): { years: number[]; yearsBetween: QuestionReading["yearsBetween"]; boundYears: Set<string>; boundWords: Set<string> } {
  const bounds = [...lower.matchAll(/\b(before|after|since|until|till|prior to|by|from) (19[5-9]\d|20\d\d)\b/g)];
  const boundYears = new Set(bounds.map((m) => m[2] ?? ""));
  const years = [...lower.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].filter((m) => !boundYears.has(m[1] ?? "")).map((m) => Number(m[1]));
  const between: { from?: number; to?: number } = {};
  for (const [, word = "", year] of bounds) {
    const y = Number(year);
    if (word === "before" || word === "prior to") between.to = y - 1;
    else if (word === "until" || word === "till" || word === "by") between.to = y;
    else between.from = word === "after" ? y + 1 : y;
  }
  return { years, yearsBetween: bounds.length === 0 ? null : between, boundYears, boundWords: new Set(bounds.flatMap((m) => (m[1] ?? "").split(" "))) };
}

/** "which city", "what year", "what is his position": the noun names the answer's type, not its topic. */
function typeNounPosition(words: readonly Word[], at: number): boolean {
  const before = words.slice(Math.max(0, at - 3), at).map((w) => w.term);
  return before.some((b) => /^(which|what|whose|whats)$/.test(b)) || /^(his|her|their|its)$/.test(before.at(-1) ?? "") || words[at - 1]?.typed !== undefined;
}

/** A rate or share asked for. */
const RATE_ASKED = / by how much\b| (what|which) (percentage|percent|share|proportion|rate)\b| how much (\w+ ){0,6}?(rise|rises|rose|risen|increase|increased|grow|grew|raise|raised|go up|went up|fall|fell|drop|dropped|decline|declined)\b/;

/** "which official", "what minister": a person is asked for by the noun. */
const PERSON_NOUN =
  / (which|what) ((?!(?:did|does|do|is|are|was|were|will|would|can|could|has|have|had)\b)\w+ ){0,3}?(minister|chairman|chair|president|official|officials|person|people|leader|head|representative|delegate|secretary|director)s?\b/;
/** "what's the name of…", "his full name": a person's name is asked for. */
const NAME_ASKED = / (first |full |last |family )?name (of|is)\b|'?s? (first |full |last |family )name\b/;

function expectsOf(words: readonly Word[], text: string, question: string): AnswerKind {
  const t = ` ${text} `;
  if (/ how (many|much|old)\b| by what (percentage|share|amount)\b| what (percentage|share|proportion|number|amount|figure|rate)\b| how (big|high|large)\b/.test(t)) return "number";
  if (/ how long\b| for how long\b| what (period|duration)\b/.test(t)) return "duration";
  if (/ when\b| what (date|year|day|month|time)\b| which (date|year|day|month)\b| on what (date|day)\b| in what (year|month)\b| what dates\b/.test(t)) return "date";
  if (/ where\b| which (city|cities|country|countries|place|places|town|towns|venue|venues)\b| what (city|cities|country|countries|place|places|town|venue)\b| in what (city|country)\b/.test(t)) return "place";
  if (/ why\b| what (was|is) the reason\b/.test(t)) return "reason";
  if (/ (who|whom|whose)\b/.test(t) || / (first |full |last |family )?name (of|is)\b/.test(t) || /'?s? (first |full |last |family )name\b/.test(t)) return "person";
  if (/ (position|title|job|role|post)\b/.test(t) && /^ (what|which) (is|was|are)\b/.test(t)) return "role";
  if (PERSON_NOUN.test(t)) return "person";
  if (/ (which|what) ((?!(?:did|does|do|is|are|was|were|will|would|can|could|has|have|had)\b)\w+ ){0,2}?(union|unions|federation|confederation|agency|agencies|organi[sz]ation|organi[sz]ations|ministry|ministries|centre|center|body|bodies|outlet|newspaper|association)s?\b/.test(t)) return "organization";
  const first = words[0]?.term ?? "";
  if (AUX.test(first)) return "yesno";
  if (/^\s*(what|who) (is|are|was|does) (the )?[\w-]+( stand for| mean)?\s*$/.test(text) || / stand for\b/.test(t) || /^\s*[\p{L}\d-]+\s*(=|\?|stands? for)\s*\??\s*$/u.test(question.trim())) return "definition";
  return "description";
}

const PLURAL = String.raw`(?!(?:is|was|has|does|this|news|series|status|process|business|analysis|basis|crisis|thesis|yes|plus|bus|gas|us|his|its|ahiks)\b)[a-z-]{3,}s`;
const LIST_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`^ (which|what) (\w+ ){0,3}?${PLURAL} (appear|are|were|have|has|had|did|does|do|is|was|came|come|took|take|signed|met|attended|hosted)\b`),
  new RegExp(String.raw`^ (which|what) (\w+ ){0,3}?${PLURAL} \w+ (in|across) the (articles|collection)\b`),
  new RegExp(String.raw`^ (which|what) (\w+ ){0,3}?${PLURAL}( \w+){0,3} (are |were |is |was )?(mentioned|named|covered|listed|reported)\b`),
  /^ who (have|has) been\b|^ who (are|were) (all )?the \w+s\b/,
  / (all|each|every) (of )?the (articles|reports)\b| in each (article|report)\b| (list|name) (all|every|the) \w+s\b/,
];

/** Several answers are asked for, one per article ("which delegations has AHIK hosted?"). */
function isList(text: string): boolean {
  return LIST_PATTERNS.some((re) => re.test(text));
}

/** Reads a question; `options.keys` memoises stems for the reader's lifetime. */
export function readQuestion(question: string, options: ReadOptions): QuestionReading {
  const words = repairWords(question, options);
  const text = words.map((w) => w.term).join(" ");
  const expects = expectsOf(words, text, question);
  const lower = ` ${text} `;
  const { years, yearsBetween, boundYears, boundWords } = readYears(lower);
  const terms: ReadTerm[] = [];
  const seen = new Set<string>();
  words.forEach((w, position) => {
    const t = w.term;
    if (seen.has(t) || WH.test(t) || (STOPWORDS.has(t) && !/^\d/.test(t)) || (t.length < 2 && !/^\d$/.test(t))) return;
    // A bound's word ("since") need not be in the answer's sentence.
    if (boundWords.has(t)) return;
    if (FILLER_NOUNS.has(t) || (TYPE_NOUNS.has(t) && typeNounPosition(words, position))) return;
    // "how long", "how many", "how big": part of the question word.
    if (/^(long|many|much|big|large|high|low|far|often|old)$/.test(t) && words[position - 1]?.term === "how") return;
    // "take place" / "took place": a frame, not a place.
    if (t === "place" && /^(take|takes|took|taking|taken)$/.test(words[position - 1]?.term ?? "")) return;
    seen.add(t);
    const term = readTerm(w, position, options);
    // Nor need the bound's year be written there.
    terms.push(term.kind === "number" && boundYears.has(term.term) ? { ...term, required: false, weight: term.weight * 0.25 } : term);
  });
  const reading: QuestionReading = {
    text,
    expects,
    terms,
    focus: null,
    role: expects === "person" ? findRole(words, terms) : null,
    personOnly: expects === "person" && (PERSON_NOUN.test(` ${text} `) || NAME_ASKED.test(` ${text} `)),
    asksName: expects === "person" && NAME_ASKED.test(` ${text} `),
    counted: expects === "number" ? countedNoun(terms, words) : null,
    countedModifiers: [],
    asksRate: expects === "number" && RATE_ASKED.test(` ${text} `),
    years,
    yearsBetween,
    pluralType: /^ (which|what) (countries|cities|places|states|nations|people|persons|officials|ministers|leaders|organi[sz]ations|unions|bodies)\b/.test(lower),
    recency: /\b(latest|most recent|newest|recent(ly)?|current(ly)?|now|today|nowadays)\b|\bthe last\b|\blast (year|month|week|time|meeting|session|visit|agreement|congress|conference)\b/.test(lower) ? "latest" : /\b(earliest|oldest|first time)\b/.test(lower) ? "earliest" : null,
    presentTense: /^ (who|what|which) (is|are)\b/.test(lower) && years.length === 0 && yearsBetween === null,
    list: isList(lower),
    // As written or as repaired: retrieval asks both (find-passages), so the answer must too.
    collection: collectionIntent(question) ?? collectionIntent(text),
    names: [],
    offTopic: false,
    asksSource: /\b(which|what) (news )?(agency|agencies|outlet|outlets|newspaper|newspapers|media|site|website|source)\b.*\b(report|reported|wrote|published|covered|said)\b|^ who (reported|published|wrote about)\b/.test(lower),
    // A pronoun or "and …" with no name of its own ("who signed it on the azerbaijani side?" names only a place).
    refersBack: FOLLOW_UP.test(lower) && !terms.some((t) => t.required && t.kind !== "place"),
    // "so did…", "and did…", "but was…": the same question after a conversational opener.
    pastFact: /^ (?:(?:so|and|but|then|ok|okay|well) )?(?:(did|was|were|has|have|had|when did|where did|who did)\b|(when|where|how) did\b)/.test(lower) && !/\b(hope|hoped|plan|planned|expect|expected|want|wanted|wish|would|will|intend|propose|suggest|suggested)\b/.test(lower),
  };
  reading.names = fullNames(question, words, terms);
  const counted = reading.counted;
  if (counted !== null) {
    const first = terms.find((t) => t.position < counted.position && words[t.position - 1]?.term === "many" && t.kind !== "frame");
    reading.countedModifiers = first === undefined ? [] : terms.filter((t) => t.position >= first.position && t.position < counted.position);
  }
  // A role is held by a person: "who is the mayor of …", "who have been ITUC general secretaries".
  if (reading.role !== null && !ROLE_VERBS.has(reading.role.role.term)) reading.personOnly = true;
  reading.focus = findFocus(reading);
  reading.offTopic = isOffTopic(question, reading);
  return reading;
}

const NAME_CONNECTOR = /^(of|for|the|on|and)$/;

/**
 * A body's name with its connectors ("Ministry of Labour and Social Protection of Belarus"), and
 * people's full names as the span finder reads them ("Kamila Rzayev"). "and the" and "and" before
 * another body start a new name. Runs with an acronym are left out (its expansion is another name).
 */
function fullNames(question: string, words: readonly Word[], terms: readonly ReadTerm[]): ReadTerm[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = () => {
    while (run.length > 0 && NAME_CONNECTOR.test(run.at(-1)?.term ?? "")) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  words.forEach((w, i) => {
    if (w.capitalised) {
      run.push(w);
      return;
    }
    const next = words[i + 1];
    const startsAnother = w.term === "and" && (next?.term === "the" || BODY_HEADS.has(next?.term ?? ""));
    if (run.length > 0 && NAME_CONNECTOR.test(w.term) && !startsAnother && (next?.capitalised === true || NAME_CONNECTOR.test(next?.term ?? ""))) run.push(w);
    else close();
  });
  close();
  const out: ReadTerm[][] = [];
  for (const r of runs) {
    const capitals = r.filter((w) => w.capitalised);
    if (capitals.length < 2) continue;
    const group = capitals.map((w) => terms.find((t) => t.term === w.term)).filter((t): t is ReadTerm => t !== undefined && t.kind !== "frame");
    if (group.length < 2 || group.some((t) => t.kind === "acronym" || t.kind === "number")) continue;
    if (r.some((w) => BODY_HEADS.has(w.term) || BODY_HEADS.has(w.typed ?? ""))) out.push(group);
  }
  // People: the names the span finder sees in the question as written ("Andrei Tamm").
  for (const span of answerSpans(question)) {
    if (span.kind !== "person") continue;
    const group = tokenize(span.text).map((tk) => terms.find((t) => t.term === tk.term || t.typed === tk.term)).filter((t): t is ReadTerm => t !== undefined);
    if (group.length >= 2 && group.every((t) => t.kind === "name" || t.kind === "content")) out.push(group);
  }
  return out;
}

function readTerm(w: Word, position: number, options: ReadOptions): ReadTerm {
  const t = w.term;
  const stem = options.keys.stem(t);
  const country = countryOf(t);
  const rank = options.rarity?.rank(t);
  const known = options.vocabulary.has(t);
  const base = { term: t, ...(w.typed === undefined ? {} : { typed: w.typed }), stem, synonyms: synonymStems(stem), expansions: [] as string[], position };
  if (/\d/.test(t)) return { ...base, phrases: [], kind: "number", required: true, weight: 2 };
  if (country !== null) return { ...base, phrases: [], kind: "place", country, required: true, weight: 2 };
  const expansions = commonExpansions(w.raw);
  if (expansions.length > 0 || (looksLikeAcronym(w.raw) && w.raw.length <= 6)) {
    const phrases = expansions.map((e) => e.split(/\s+/).filter((x) => !STOPWORDS.has(x)).map((x) => options.keys.stem(normalizeTerm(x))));
    return { ...base, phrases, expansions: [...expansions], kind: "acronym", required: true, weight: 2.5 };
  }
  if (FRAME_WORDS.has(t) || LIGHT_VERBS.has(stem)) return { ...base, phrases: [], kind: "frame", required: false, weight: 0.3 };
  // A name: capitalised mid-question, or a word general English does not know (spelling is no guide in chat).
  const unknownEnglish = rank === undefined || rank > 20_000;
  const name = (w.capitalised && (unknownEnglish || !known)) || (unknownEnglish && w.typed === undefined);
  if (name) return { ...base, phrases: [], kind: "name", required: true, weight: Math.max(1.5, weightOf(rank)) };
  if (w.capitalised) return { ...base, phrases: synonymPhrases(t, options), kind: "content", required: false, weight: Math.max(1.5, weightOf(rank)) };
  return { ...base, phrases: synonymPhrases(t, options), kind: "content", required: !known && unknownEnglish, weight: weightOf(rank) * (w.typed === undefined ? 1 : 0.8) };
}

/** Several-word synonyms ("cybersecurity" → "information security"), as stem lists. */
function synonymPhrases(term: string, options: ReadOptions): string[][] {
  return synonymPhrasesOf(term).map((p) => p.split(" ").filter((x) => !STOPWORDS.has(x)).map((x) => options.keys.stem(x)));
}

/** Rarer words say more about what is asked: the weight grows with the log of the frequency rank. */
function weightOf(rank: number | undefined): number {
  return rank === undefined ? 3 : Math.min(3, Math.max(0.8, Math.log10(rank + 10) - 1));
}

/** The noun "how many" counts: the head of the words right after it ("how many disabled young people" → people). */
function countedNoun(terms: readonly ReadTerm[], words: readonly Word[]): ReadTerm | null {
  let noun = termAfter(terms, words, /^many$/);
  if (noun === null || words[noun.position - 1]?.term !== "many") return noun;
  // Walk over modifiers to the head noun: it is usually plural ("countries", "inspectors") or "people".
  for (;;) {
    if (/s$|^(people|staff|personnel|police|youth|children)$/.test(noun.term)) return noun;
    const position: number = noun.position;
    const next = terms.find((t) => t.position === position + 1 && (t.kind === "content" || t.kind === "name"));
    if (next === undefined) return noun;
    noun = next;
  }
}

function termAfter(terms: readonly ReadTerm[], words: readonly Word[], after: RegExp): ReadTerm | null {
  const at = words.findIndex((w) => after.test(w.term));
  if (at < 0) return null;
  return terms.find((t) => t.position > at && (t.kind === "content" || t.kind === "name")) ?? null;
}

/** "the mayor of baku", "kyrgyzstan's labour minister", "who chairs the FTUK": a role and whose it is. */
function findRole(words: readonly Word[], terms: readonly ReadTerm[]): { role: ReadTerm; of: ReadTerm[] } | null {
  const at = words.findIndex((w) => ROLE_WORDS.has(w.term) || ROLE_WORDS.has(singularRole(w.term)) || ROLE_VERBS.has(w.term));
  if (at < 0) return null;
  const role = terms.find((t) => t.position === at);
  if (role === undefined) return null;
  const verb = ROLE_VERBS.has(words[at]?.term ?? "");
  const next = words[at + 1]?.term;
  const of = verb || next === "of" || next === "at" || next === "for"
    ? terms.filter((t) => t.position > at && t.kind !== "frame")
    : terms.filter((t) => t.position < at && t.position >= at - 4 && (t.kind === "place" || t.kind === "name" || t.kind === "acronym"));
  return { role: { ...role, required: true }, of };
}

/**
 * The thing asked about, when the question makes it plain: the role of "who is the mayor of…",
 * the counted noun of "how many members…", the noun of "what is the traffic like in…" / "how high
 * is unemployment in…". Null when the question does not single one out.
 */
function findFocus(r: QuestionReading): ReadTerm | null {
  if (r.role !== null) return r.role.role;
  if (r.counted !== null) return PEOPLE_NOUNS.test(r.counted.term) ? null : r.counted;
  const subject = /^ (?:what|how) (?:is|are|was|were|high|big|large|low|much) (?:is |are |was )?(?:the )?((?:[a-z-]+ ){0,2}?[a-z-]+) (?:like|rate|level|in|of|for|at|today|now|this)\b/.exec(` ${r.text} `)
    ?? /^ how (?:high|big|large|low) (?:is|are|was) (?:the )?([a-z-]+)\b/.exec(` ${r.text} `);
  // "When was Babayev appointed?", "when was the union founded?": the event itself must be in the sentence, not just its people.
  if (r.expects === "date" || r.expects === "place" || r.expects === "yesno") {
    const event = r.terms.find((t) => t.kind === "content" && EVENT_VERBS.has(t.stem));
    if (event !== undefined) return event;
  }
  const words = subject?.[1]?.split(" ") ?? [];
  for (const w of words.reverse()) {
    const term = r.terms.find((t) => t.term === w && t.kind === "content");
    if (term !== undefined) return term;
  }
  return null;
}

function isOffTopic(question: string, r: QuestionReading): boolean {
  if (r.collection !== null) return false;
  if (OFF_TOPIC_REQUEST.test(question.trim())) return true;
  if (r.terms.some((t) => OFF_TOPIC.has(t.term))) return true;
  return r.terms.filter((t) => t.kind !== "frame").length === 0;
}
