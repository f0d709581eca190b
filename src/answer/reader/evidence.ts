/**
 * The evidence stage: every sentence of the retrieved passages (and the sentence after each
 * passage, where "It…" / "The two sides…" often carries the answer) is read as a window — the
 * sentence, the one before it, the article's lead and title — and scored on features of how well
 * it answers the question. Windows that lack a required name, the asked-about thing, the asked
 * year or the asked role are not evidence at all: those are the refusals "by what is asked".
 */
import type { Passage, PassageArticle } from "../../core/passage.js";
import { withoutDateline } from "../../text/dateline.js";
import { countryOf } from "../../text/places.js";
import type { TermKeys } from "../../text/term-keys.js";
import { answerKinds, freshSpans } from "./answer-kinds.js";
import type { AnswerSpan } from "./answer-spans.js";
import type { QuestionReading, ReadTerm } from "./question-reading.js";
import { BODY_HEADS, PEOPLE_NOUNS, ROLE_SYNONYMS, singularRole } from "./question-words.js";
import { READER_WEIGHTS, type Features, type ReaderWeights } from "./reader-weights.js";
import { matchTerm, mergeSentenceKeys, positionsOf, sentenceKeys, type SentenceKeys } from "./sentence-keys.js";

export interface Evidence {
  article: PassageArticle;
  /** Sentence index in the article. */
  sentence: number;
  /** Retrieval rank of the passage it came from (0 = best). */
  rank: number;
  text: string;
  keys: SentenceKeys;
  /** The previous sentence carries the subject ("It…", "The two sides…"): quote both. */
  anaphoric: boolean;
  features: Features;
  score: number;
  /** Terms matched, and how (1 = in the sentence itself). */
  matched: Map<ReadTerm, number>;
  spans: AnswerSpan[];
}

export interface ArticleKeys {
  sentence(i: number): SentenceKeys;
  title(): SentenceKeys;
  meta(): SentenceKeys;
  /** Title, outlet and year, and the first sentence: what sets the scene for every sentence. */
  context(): SentenceKeys;
  /** Candidate answers in sentence `i` (computed once per sentence). */
  spans(i: number): AnswerSpan[];
  /** Each run of capitalised words in the title, text and outlet ("Federation of Trade Unions of Ukraine, Olga Pavlova"). */
  names(): readonly SentenceKeys[];
  /** True when the article names the (normalised) word anywhere. */
  mentions(term: string): boolean;
  /** True when a word of the article has this stem. */
  mentionsStem(stem: string): boolean;
}

/** Sentences that start by pointing back: the subject is in the sentence before. */
const ANAPHORIC =
  /^(?:(?:it|he|she|they|this|these|those|its|his|her|their|both sides|both parties|both organi[sz]ations)\b|the (?:two |both |new |latest )?(?:sides?|parties|leaders|guests|visitors|visit|talks|event|commission|mission|report|study|survey|campaign|government|minister|ministers|chairman|official|officials|delegation|delegates|document|memorandum|agreement|deal|organi[sz]ation|conference|congress|summit|session|federation|confederation|union|agency|centre|center|programme|program|project|law|convention|council|course|training|forum|meeting|plan|roadmap)\b)/i;
/** A sentence about a hope, plan or wish: it cannot confirm that something happened. */
const HYPOTHETICAL = /\b(hope[sd]?|hoping|can|expects?|expected|plans?|planned|wish(es|ed)?|intends?|intended|propos(es|ed)|would|will|could|might|may|is to|are to|set to|aims? to)\b/i;
/** How many of the best-ranked articles are read whole, not only around their passages. */
const WHOLE_ARTICLES = 3;
const BOILERPLATE = /\b(all content by|licensed under|creative commons|all rights reserved|copyright|©)\b/i;


export interface EvidenceOptions {
  reading: QuestionReading;
  /** Terms of the previous question, for follow-ups (optional, half weight). */
  contextTerms: readonly ReadTerm[];
  /** Articles the previous answer cited (follow-ups are usually about them). */
  previousPaths?: ReadonlySet<string>;
  passages: readonly Passage[];
  keysOf: (article: PassageArticle) => ArticleKeys;
  termKeys: TermKeys;
  /** Scoring weights (default: the fitted `READER_WEIGHTS`). */
  weights?: ReaderWeights;
  /** Told why each rejected window was rejected (diagnostics). */
  onReject?: (article: PassageArticle, sentence: number, why: string) => void;
}

/** Scored evidence windows that pass the gate, best first. */
export function findEvidence(options: EvidenceOptions): Evidence[] {
  const { passages } = options;
  const cues = cuesOf(options.reading);
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const newest = passages.reduce((max, p) => (p.article.date !== null && (max === null || p.article.date > max) ? p.article.date : max), null as string | null);
  const oldest = passages.reduce((min, p) => (p.article.date !== null && (min === null || p.article.date < min) ? p.article.date : min), null as string | null);
  const namesHeld = new Map<string, boolean>();
  const read = (article: PassageArticle, rank: number, wanted: (i: number) => { after: boolean } | null, look: readonly string[] = cues) => {
    let held = namesHeld.get(article.id);
    if (held === undefined) {
      namesHeld.set(article.id, (held = holdsNames(options.reading, options.keysOf(article), options.termKeys)));
      if (!held) options.onReject?.(article, -1, "full name");
    }
    if (!held) return;
    const spans = article.spans;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const where = span === undefined ? null : wanted(i);
      if (span === undefined || where === null) continue;
      const id = `${article.id}#${i}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const text = article.text.slice(span.start, span.end);
      if (BOILERPLATE.test(text) || text.split(/\s+/).length < 4) continue;
      // The headline repeated in the text sets the scene (it is in every window's context) but says
      // less than the body: the body's sentence is the one to quote.
      if (i <= 1 && headlineOf(text, article.title)) continue;
      // Cheap first look: a sentence naming none of the question's words (as a prefix of its stem)
      // and not pointing back to the one before cannot answer; most sentences stop here.
      if (!mayMatch(text, look) && !ANAPHORIC.test(withoutDateline(text).trim())) continue;
      const e = evaluate({ ...options, article, i, rank, text, newest, oldest, after: where.after });
      if (e !== null) out.push(e);
    }
  };
  // Each passage's sentences, and the sentence after it.
  passages.forEach((passage, rank) => {
    const spans = passage.article.spans;
    read(passage.article, rank, (i) => {
      const span = spans[i];
      if (span === undefined) return null;
      if (span.end > passage.start && span.start < passage.end) return { after: false };
      const before = spans[i - 1];
      return span.start >= passage.end && before !== undefined && before.start < passage.end ? { after: true } : null;
    });
  });
  // Then the rest of the best-ranked articles, as if retrieved last: news often names the
  // signatories or the figures a paragraph below the passage that matched the question.
  // Best-ranked first among those that name every required word of the question ("the 110th ILC").
  const articles = [...new Map(passages.map((p) => [p.article.id, p.article] as const)).values()];
  const required = options.reading.terms.filter((t) => t.required);
  const namesAll = (a: PassageArticle) => {
    const keys = options.keysOf(a);
    return required.every((t) => mentionedAnywhere(t, keys) > 0 || keys.mentionsStem(t.stem));
  };
  const named = articles.filter(namesAll);
  const whole = [...named, ...articles.filter((a) => !named.includes(a))].slice(0, WHOLE_ARTICLES);
  // Outside the passages, a sentence must at least use one of the question's ordinary words (names
  // and places go by many spellings, but "signed", "memorandum", "wage" do not): most stop here.
  const contentCues = cuesOf({ ...options.reading, terms: options.reading.terms.filter((t) => t.kind === "content") });
  for (const article of whole) read(article, passages.length, () => ({ after: false }), contentCues);
  return out.sort((a, b) => b.score - a.score);
}

function headlineOf(text: string, title: string): boolean {
  const fold = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return title !== "" && fold(text) === fold(title);
}

/** Every full name the question writes out is one name of the article: all its words in one run of capitalised words. */
function holdsNames(reading: QuestionReading, keys: ArticleKeys, termKeys: TermKeys): boolean {
  if (reading.names.length === 0) return true;
  const runs = keys.names();
  return reading.names.every((group) => runs.some((run) => group.every((t) => matchTerm(t, run, termKeys) > 0)));
}

/** Lower-case fragments any matching sentence contains: each term's stem, synonyms, countries' names, acronym expansions' first words. */
function cuesOf(reading: QuestionReading): string[] {
  const cues = new Set<string>();
  for (const t of reading.terms) {
    if (t.kind === "frame") continue;
    cues.add(t.stem.slice(0, 4));
    for (const s of t.synonyms) cues.add(s.slice(0, 4));
    for (const p of t.phrases) if (p[0] !== undefined) cues.add(p[0].slice(0, 4));
    if (t.country !== undefined) return []; // places go by many names (demonyms, cities): no cheap look
    if (t.kind === "name" || t.kind === "acronym") return []; // transliterations and initials: no cheap look
    if (t.kind === "number") cues.add(t.term.replace(/(st|nd|rd|th)$/, ""));
  }
  return [...cues];
}

function mayMatch(text: string, cues: readonly string[]): boolean {
  if (cues.length === 0) return true;
  const lower = text.toLowerCase();
  return cues.some((c) => lower.includes(c));
}

interface WindowInput extends EvidenceOptions {
  article: PassageArticle;
  i: number;
  rank: number;
  text: string;
  newest: string | null;
  oldest: string | null;
  after: boolean;
}

function evaluate(w: WindowInput): Evidence | null {
  const { reading, article, i } = w;
  const keys = w.keysOf(article);
  const own = keys.sentence(i);
  const anaphoric = i > 0 && ANAPHORIC.test(withoutDateline(w.text).trim());
  // A sentence that shares no word with the question and does not point back cannot answer it.
  if (!anaphoric && !reading.terms.some((t) => t.kind !== "frame" && matchTerm(t, own, w.termKeys) > 0)) return null;
  const prev = i > 0 ? keys.sentence(i - 1) : null;
  const context = keys.context();
  const prevWeight = anaphoric ? 0.9 : 0.6;

  // Years: a question about a year is answered from that year's article, an article whose title
  // names the year ("… minimum wage … for 2024", filed in December 2023), or a sentence naming it.
  const year = article.date === null ? null : Number(article.date.slice(0, 4));
  const yearOk =
    reading.years.length === 0 || (year !== null && reading.years.includes(year)) || reading.years.some((y) => own.raw.has(String(y)) || keys.title().raw.has(String(y)));
  const reject = (why: string) => {
    w.onReject?.(article, i, why);
    return null;
  };
  if (!yearOk) return reject("year");
  // "before 2020", "since 2021": the article's year within the bounds (an undated article may still say so).
  const between = reading.yearsBetween;
  if (between !== null && year !== null && ((between.from !== undefined && year < between.from) || (between.to !== undefined && year > between.to))) return reject("years");

  const matched = new Map<ReadTerm, number>();
  let farRequired = 0;
  let total = 0;
  let got = 0;
  let ownGot = 0;
  const terms = [...reading.terms, ...w.contextTerms];
  for (const t of terms) {
    const named = t.kind === "name" || t.kind === "place" || t.kind === "acronym";
    const inOwn = matchTerm(t, own, w.termKeys);
    const inPrev = prev === null || inOwn === 1 ? 0 : matchTerm(t, prev, w.termKeys) * prevWeight;
    // The outlet ("Tehran Times", "AZERTAC") is context for names, never for a place.
    const inMeta = inOwn === 1 || t.kind === "place" ? 0 : matchTerm(t, keys.meta(), w.termKeys);
    const inContext = inOwn === 1 ? 0 : Math.max(matchTerm(t, context, w.termKeys), inMeta) * (named ? 0.6 : 0.3);
    // A name the article gives elsewhere still sets the scene ("…, Shariatmadari said. He expressed hope…").
    // (Not a place: "to Tehran" elsewhere in the article does not put this sentence in Tehran.)
    const inArticle = inOwn > 0 || inPrev > 0 || inContext > 0 || !named || t.kind === "place" ? 0 : mentionedAnywhere(t, keys) * 0.4;
    const m = Math.max(inOwn, inPrev, inContext, inArticle);
    if (t.required && inOwn === 0 && inPrev === 0 && m > 0) farRequired++;
    const contextual = w.contextTerms.includes(t);
    const weight = contextual ? t.weight * 0.5 : t.weight;
    if (t.kind !== "frame") total += weight;
    if (m > 0) {
      matched.set(t, inOwn > 0 ? inOwn : m);
      if (t.kind !== "frame") got += weight * m;
      if (inOwn > 0 && t.kind !== "frame") ownGot += weight * inOwn;
    } else if (t.required && !contextual) {
      return reject(`required ${t.term}`); // a name, place, number or acronym the window lacks: it does not answer
    }
  }
  // The thing asked about must be in the sentence or the one before, not only in the lead.
  const focus = reading.focus;
  if (focus !== null && matchTerm(focus, own, w.termKeys) === 0 && (prev === null || matchTerm(focus, prev, w.termKeys) === 0)) return reject(`focus ${focus.term}`);

  const spans = keys.spans(i);
  if (!roleHolds(reading, own, prev === null ? context : mergeSentenceKeys([context, prev], w.termKeys), spans, w.termKeys)) return reject("role");
  // A hope or plan never confirms that something happened — nor does the sentence that points back to it.
  const prevSpan = article.spans[i - 1];
  const prevText = anaphoric && prevSpan !== undefined ? article.text.slice(prevSpan.start, prevSpan.end) : "";
  if (reading.pastFact && (HYPOTHETICAL.test(w.text) || HYPOTHETICAL.test(prevText))) return reject("hypothetical");
  // Nor does a call for it: "called on parliament to ratify the convention" for "did they ratify it?".
  if (reading.pastFact && requestedOnly(reading, w.text, w.termKeys)) return reject("requested");
  const counts = countMatch(reading, own, spans, w.termKeys);
  if (counts === 0) return reject("count");

  const asked = answerKinds(reading);
  const kinds = asked?.kinds;
  const fresh = kinds === undefined ? [] : freshSpans(spans, kinds, reading);
  // Pointing back counts only when the sentence pointed back to holds an answer of the asked kind.
  const prevSpans = kinds !== undefined && fresh.length === 0 && anaphoric && prev !== null && freshSpans(keys.spans(i - 1), kinds, reading).length > 0 ? 1 : 0;
  // "When…", "how many…", "how long…", "where…", "which official…" are answered only by a sentence
  // holding a date, a number, a duration, a place or a person (or pointing back to one that does).
  if (asked?.strict === true && fresh.length === 0 && prevSpans === 0) return reject(`no ${kinds?.[0] ?? reading.expects}`);
  // For "who", a person's name answers better than an organisation's.
  // For "where", a place something happened in ("held in Melbourne") beats where someone is from ("Visentini of Italy", "Türkiye's Özkan").
  const origin = (s: AnswerSpan) => /\bof\s+(?:the\s+)?$/i.test(w.text.slice(Math.max(0, s.start - 8), s.start)) || /^['’]s\b/.test(w.text.slice(s.end, s.end + 3));
  // For "how many", a figure beats a vague "thousands of workers".
  const vague = (s: AnswerSpan) => s.kind === "number" && reading.expects === "number" && !/\d/.test(s.text) && /\b(?:dozens|hundreds|thousands|millions|several|scores|numerous)\b/i.test(s.text);
  const firstKind = (s: AnswerSpan) => s.kind === kinds?.[0] && !(s.kind === "place" && origin(s)) && !vague(s);
  // "Which countries…": a sentence naming several of them answers better than one naming one.
  const several = reading.pluralType && fresh.filter((s) => s.kind === kinds?.[0]).length < 2 ? 0.85 : 1;
  const typeMatch =
    (kinds === undefined ? 0.5 : fresh.some(firstKind) ? several : fresh.some((s) => s.kind === kinds[0]) ? 0.8 : fresh.length > 0 ? 0.4 : prevSpans * 0.5) * counts;
  const features: Features = {
    coverage: total === 0 ? 0 : got / total,
    ownCoverage: total === 0 ? 0 : ownGot / total,
    answerType: typeMatch,
    articleCoverage: articleCoverage(reading, keys, matched),
    rank: 1 / (1 + w.rank),
    lead: i <= 1 ? 1 : 0,
    after: w.after ? 1 : 0,
    recency: recencyOf(reading, article.date, w.newest, w.oldest),
    yearInSentence: reading.years.some((y) => own.raw.has(String(y))) ? 1 : 0,
    proximity: proximity(reading, own),
    definition: reading.expects === "definition" && /\([\p{Lu}][\p{L}-]{1,11}\)/u.test(w.text) ? 1 : 0,
    novelty: novelty(reading, own),
    predicateCoverage: predicateCoverage(reading, own, w.termKeys),
    followed: w.previousPaths?.has(article.path) === true ? 1 : 0,
    farRequired: Math.min(2, farRequired),
    announces: announces(w.text) ? 1 : 0,
  };
  const weights = w.weights ?? READER_WEIGHTS;
  if (total > 0 && features.coverage < weights.minCoverage) return reject(`coverage ${features.coverage.toFixed(2)}`);
  const score = scoreOf(features, weights);
  if (score < weights.minScore) return reject(`score ${score.toFixed(2)}`);
  return { article, sentence: i, rank: w.rank, text: w.text, keys: own, anaphoric, features, score, matched, spans };
}

/** Weighted share of the question's content words the article uses anywhere: a word it never uses points to another article. */
function articleCoverage(reading: QuestionReading, keys: ArticleKeys, matched: ReadonlyMap<ReadTerm, number>): number {
  let total = 0;
  let got = 0;
  for (const t of reading.terms) {
    if (t.kind === "frame") continue;
    total += t.weight;
    // Found in the window (by initials, a synonym, another name of a country) is found in the article.
    if ((matched.get(t) ?? 0) > 0 || mentionedAnywhere(t, keys) > 0 || keys.mentionsStem(t.stem) || [...t.synonyms].some((s) => keys.mentionsStem(s))) got += t.weight;
  }
  return total === 0 ? 1 : got / total;
}

/** 1 when the article names the term (or one of its acronym expansions) somewhere, else 0. */
function mentionedAnywhere(t: ReadTerm, keys: ArticleKeys): number {
  if (keys.mentions(t.term)) return 1;
  if (t.country !== undefined && keys.mentions(t.country)) return 1;
  return t.expansions.some((e) => keys.mentions(e)) ? 1 : 0;
}

/** Someone was asked to do what the question asks happened ("urged the government to ratify …"). */
const REQUEST = /\b(?:call(?:s|ed)? (?:on|upon)|urg(?:e|es|ed)|appeal(?:s|ed)? to|ask(?:s|ed)?|press(?:es|ed)|demand(?:s|ed)? that)\b[^.;]{0,80}?\bto ([a-z]+)\b/gi;

function requestedOnly(reading: QuestionReading, text: string, termKeys: TermKeys): boolean {
  const asked = new Set(reading.terms.filter((t) => t.kind !== "frame").map((t) => t.stem));
  for (const m of text.matchAll(REQUEST)) if (m[1] !== undefined && asked.has(termKeys.stem(m[1].toLowerCase()))) return true;
  return false;
}

/** The weighted sum of a window's features. */
export function scoreOf(features: Features, weights: ReaderWeights): number {
  return (Object.keys(features) as (keyof Features)[]).reduce((sum, k) => sum + weights.features[k] * features[k], 0);
}

/**
 * "Who is the mayor of Baku?": someone must hold that role, of that place or body, in the sentence
 * itself — the role word with a name next to it, and whose role it is right before it ("Iranian
 * Labor Minister …", "AHIK Chairman …") or right after it ("Chairman of the Federation of …").
 */
function roleHolds(reading: QuestionReading, own: SentenceKeys, context: SentenceKeys, spans: readonly AnswerSpan[], termKeys: TermKeys): boolean {
  const role = reading.role;
  if (role === null) return true;
  const singular = singularRole(role.role.term);
  const names = ROLE_SYNONYMS[role.role.term] ?? ROLE_SYNONYMS[singular] ?? [singular];
  const stems = new Set(names.map((n) => termKeys.stem(n)));
  const at = own.stems.flatMap((s, i) => (stems.has(s) ? [i] : []));
  const people = spans.filter((s) => s.kind === "person").map((s) => own.tokens.findIndex((t) => t.start >= s.start));
  return at.some((r) => {
    if (!people.some((p) => p >= 0 && p >= r - 8 && p <= r + 14)) return false;
    // Whose role it is, after it: "of" and the name of a body, up to the holder's name or a verb.
    const after: [number, number] = own.tokens[r + 1]?.term === "of" ? [r + 1, complementEnd(own, r, people)] : [r, r];
    const near = (p: number) => (p >= r - 4 && p < r) || (p > after[0] && p <= after[1]);
    // "Chairman of the Federation of Trade Unions of Kyrgyzstan" is also the FTUK's chairman.
    const complement = after[1] > after[0] ? sentenceKeys(own.text.slice(own.tokens[after[0]]?.start ?? 0, own.tokens[after[1]]?.end ?? 0), termKeys) : null;
    // "President of Kyrgyzstan" is not "Chairman of the Federation of Trade Unions of Kyrgyzstan":
    // a country asked for directly is not bound through a body named before it.
    const namesBody = role.of.some((t) => t.kind !== "place");
    const bodyBetween = (from: number, to: number) => own.tokens.slice(from, to).some((x) => BODY_HEADS.has(x.term));
    const throughBody = (p: number) => !namesBody && p > after[0] && bodyBetween(after[0] + 1, p);
    const bound = (t: ReadTerm) =>
      positionsOf(t, own).some((p) => near(p) && !(t.kind === "place" && throughBody(p))) ||
      (complement !== null && (t.kind === "acronym" || t.kind === "name") && matchTerm(t, complement, termKeys) > 0);
    if (role.of.every(bound)) return true;
    // "Minister Hojjatollah Abdolmaleki said…" in an Iranian article: whose minister is left to the
    // context, unless another country stands right at the role ("Azerbaijan’s Minister of Labor").
    const otherCountry = own.tokens.some((t, i) => near(i) && countryOf(t.term) !== null && !role.of.some((o) => o.country === countryOf(t.term)));
    // A role without "of …" ("its Chairman X") is not bound to a body named elsewhere in the
    // sentence: telling whose it is would need coreference, so only a country from the context binds it.
    // Nor is a role whose "of …" names a body ("Chairman of the Federation of …"): it is that body's.
    const ofBody = after[1] > after[0] && bodyBetween(after[0] + 1, after[1] + 1);
    return !otherCountry && !ofBody && role.of.every((t) => t.kind === "place" && context.countries.has(t.country ?? ""));
  });
}

/** Where "Minister of …" stops: before the holder's name, or at the first word that is not part of a body's name. */
function complementEnd(own: SentenceKeys, r: number, people: readonly number[]): number {
  const holder = people.filter((p) => p > r + 1).sort((a, b) => a - b)[0] ?? Infinity;
  let end = r + 1;
  for (let i = r + 2; i <= Math.min(r + 12, holder - 1); i++) {
    const t = own.tokens[i];
    if (t === undefined) break;
    const word = own.text.slice(t.start, t.end);
    if (!/^\p{Lu}/u.test(word) && !/^(of|the|and|for|on|&)$/.test(t.term)) break;
    end = i;
  }
  return end;
}

/** A percentage: "11 percent", "49%", "7.5 per cent". */
export const RATE = /%|\bper ?cent\b|\bpercentage points?\b/i;
const PEOPLE_UNITS = /\b(people|persons|deaths|dead|victims|fatalities|casualties|delegates|participants|workers|employees|members|migrants|inspectors|activists|students|trainees|teachers|miners|doctors|representatives|officials|experts)\b/i;

/**
 * Whether a number of the sentence counts what is asked: 1 when the counted noun itself follows
 * it ("17 people", "a 17-member delegation" for "how many members"), 0.7 when only a word for
 * people does ("17 representatives" for "how many people"), 0.4 for a membership ("528,000
 * members"), 0 when none does.
 */
function countMatch(reading: QuestionReading, own: SentenceKeys, spans: readonly AnswerSpan[], termKeys: TermKeys): number {
  // "How old is …": only an age answers ("62 years old", "aged 62").
  if (reading.expects === "number" && / how old /.test(` ${reading.text} `)) return /\b\d{1,3}[- ]years?[- ]old\b|\baged \d{1,3}\b|\bage of \d{1,3}\b/i.test(own.text) ? 1 : 0;
  if (reading.asksRate) return spans.some((n) => n.kind === "number" && RATE.test(n.text)) ? 1 : 0.4;
  const counted = reading.counted;
  if (counted === null || reading.expects !== "number" || termKeys.stem(counted.term) === "") return 1;
  const stems = new Set([counted.stem, ...counted.synonyms]);
  const people = PEOPLE_NOUNS.test(counted.term);
  // "How many people died?": "282 deaths" counts what the question says happened to them.
  const predicate = new Set(people ? reading.terms.filter((t) => t.kind === "content" && t !== counted).flatMap((t) => [t.stem, ...t.synonyms]) : []);
  let best = 0;
  for (const n of spans) {
    if (n.kind !== "number") continue;
    const inSpan = own.tokens.filter((t) => t.start >= n.start && t.end <= n.end).map((t) => own.tokens.indexOf(t));
    const next = own.tokens.findIndex((t) => t.start >= n.end);
    const near = [...inSpan, ...(next >= 0 ? [next, next + 1, next + 2] : [])];
    if (near.some((i) => stems.has(own.stems[i] ?? "") || predicate.has(own.stems[i] ?? ""))) return 1;
    if (people && (PEOPLE_UNITS.test(n.text) || near.some((i) => PEOPLE_UNITS.test(own.tokens[i]?.term ?? "")))) {
      // "…unites some 207,000 members": an organisation's size, a weaker answer to "how many people were in…".
      const members = /\bmembers\b/i.test(n.text) || near.some((i) => own.tokens[i]?.term === "members");
      best = Math.max(best, members ? 0.4 : 0.7);
    }
  }
  return best;
}

/** Weighted share of the question's ordinary words (not names, places or numbers: what is said about them) found in the sentence itself. */
function predicateCoverage(reading: QuestionReading, own: SentenceKeys, termKeys: TermKeys): number {
  let total = 0;
  let got = 0;
  for (const t of reading.terms) {
    if (t.kind !== "content") continue;
    total += t.weight;
    got += t.weight * matchTerm(t, own, termKeys);
  }
  return total === 0 ? 1 : got / total;
}

/** Words of the sentence that the question does not contain, over eight (capped at 1). */
function novelty(reading: QuestionReading, own: SentenceKeys): number {
  const asked = new Set(reading.terms.flatMap((t) => [t.stem, ...t.synonyms]));
  const fresh = new Set(own.stems.filter((s, i) => s.length > 3 && !asked.has(s) && !/^\d/.test(own.tokens[i]?.term ?? "")));
  return Math.min(1, fresh.size / 8);
}

/** "The conference … has several main tasks." — short, and pointing at a list that comes next. */
export function announces(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (words < 18 && /\b(several|following|these|various|main|two|three|four|five|number of)\b[^.]*[.:]\s*$/i.test(text)) || /:\s*$/.test(text);
}

function recencyOf(reading: QuestionReading, date: string | null, newest: string | null, oldest: string | null): number {
  if (date === null) return 0;
  const wantsLatest = reading.recency === "latest" || reading.presentTense;
  if (wantsLatest && newest !== null && oldest !== null && newest !== oldest) return (Date.parse(date) - Date.parse(oldest)) / (Date.parse(newest) - Date.parse(oldest));
  if (reading.recency === "earliest" && newest !== null && oldest !== null && newest !== oldest) return (Date.parse(newest) - Date.parse(date)) / (Date.parse(newest) - Date.parse(oldest));
  return 0;
}

/** How close together the question's terms stand in the sentence (1 = adjacent). */
function proximity(reading: QuestionReading, own: SentenceKeys): number {
  const positions = reading.terms.filter((t) => t.kind !== "frame").flatMap((t) => positionsOf(t, own).slice(0, 1));
  if (positions.length < 2) return 0;
  const spread = Math.max(...positions) - Math.min(...positions) + 1;
  return positions.length / spread;
}
