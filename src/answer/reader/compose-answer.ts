/**
 * The last stage of the reader: the answer in one line — the name, date, number or place asked
 * for, "Yes — …", one item per article for a list, or the clause of the sentence that answers —
 * with numbered citations whose quotes are the evidence, copied verbatim. The answer line and the
 * quote are not the same sentence printed twice.
 */
import type { DraftAnswer } from "../../core/answerer.js";
import type { Citation } from "../../core/types.js";
import { withoutDateline } from "../../text/dateline.js";
import { normalizeWhitespace } from "../../text/normalize-whitespace.js";
import { countryOf, isCity } from "../../text/places.js";
import { normalizeTerm } from "../../text/tokenize.js";
import { answerKinds, countedTokens, freshSpans } from "./answer-kinds.js";
import { answerSpans, type AnswerSpan } from "./answer-spans.js";
import { RATE, type Evidence } from "./evidence.js";
import { positionsOf } from "./sentence-keys.js";
import type { QuestionReading, ReadTerm } from "./question-reading.js";
import { escapeRegExp } from "../../text/escape-reg-exp.js";
import { joinList } from "../../text/join-list.js";

const ATTRIBUTION_END =
  /,?\s+(?:(?:he|she|they|it)|(?:the\s+)?[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+){0,3}(?:,\s+[^,]{3,60},)?)\s+(?:said|says|added|adds|noted|notes|stressed|suggested|emphasi[sz]ed|stated|explained|told\s+[^.]{2,40}|underlined|highlighted|recalled)\.?\s*$/u;
const ATTRIBUTION_START = /^(?:according to [^,]{3,90},\s*|[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+){0,3}\s+(?:said|noted|added|stressed) that\s+)/iu;

const capitalise = (s: string) => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** The evidence quote: the sentence, with the one before when it starts by pointing back, and the one after when it announces it. */
export function quoteSpan(e: Evidence): { start: number; end: number } {
  const own = e.article.spans[e.sentence];
  const prev = e.article.spans[e.sentence - 1];
  const next = e.article.spans[e.sentence + 1];
  const start = e.anaphoric && prev !== undefined ? prev.start : (own?.start ?? 0);
  const end = e.features.announces === 1 && next !== undefined ? next.end : (own?.end ?? start);
  return { start, end };
}

/** Verbs that introduce what a sentence says ("envisages …", "cooperate on …", "including …"): the answer follows them. */
const INTRODUCERS = /^(envisag\w*|includ\w*|cover\w*|provid\w*|call\w*|focus\w*|aim\w*|mean\w*|consist\w*|concern\w*|involv\w*|such|cooperat\w*|familiari[sz]\w*|agreed|decided|demand\w*|urged?|asked|proposed|suggested|offered|promised|pledged|named|listed|stressed|highlighted|discussed)$/;
const PREPOSITION = /^(on|in|for|to|with|about|into|as)$/;

/**
 * The part of a sentence that answers: datelines and attribution dropped, and — when a word of the
 * question introduces the rest ("The memorandum envisages strengthening …", "cooperate on social
 * security …") — only what follows it.
 */
export function answerClause(e: Evidence): string {
  const text = normalizeWhitespace(withoutDateline(e.text)).replace(ATTRIBUTION_END, "").replace(ATTRIBUTION_START, "").replace(/[.;:!]+$/, "");
  const tokens = e.keys.tokens;
  const matched = new Set([...e.matched.keys()].filter((t) => t.kind === "content" || t.kind === "frame").flatMap((t) => [t.stem, ...t.synonyms]));
  for (let i = tokens.length - 2; i >= 2; i--) {
    const word = tokens[i]?.term ?? "";
    if (!matched.has(e.keys.stems[i] ?? "") || !INTRODUCERS.test(word)) continue;
    const nextWord = tokens[i + 1]?.term ?? "";
    const from = PREPOSITION.test(nextWord) ? tokens[i + 2] : tokens[i + 1];
    if (from === undefined) continue;
    const rest = normalizeWhitespace(e.text.slice(from.start)).replace(ATTRIBUTION_END, "").replace(/[.;:!]+$/, "");
    const words = rest.split(/\s+/).length;
    if (words >= 3 && words <= 60) return capitalise(cap(rest));
  }
  return capitalise(cap(text));
}

function cap(text: string): string {
  const words = text.split(/\s+/);
  return words.length > 48 ? `${words.slice(0, 45).join(" ")} …` : text;
}

/** The span of the asked kind nearest the question's words (not one the question already names). */
function pickSpan(reading: QuestionReading, e: Evidence): { span: AnswerSpan; text: string } | null {
  const kinds = answerKinds(reading)?.kinds;
  if (kinds === undefined) return null;
  // Not a span the question already names: all its words asked, or — for a person — any name asked ("Sahil Babayev" for "who met Babayev?").
  let candidates = freshSpans(e.spans, kinds, reading).map((span) => ({ span, text: e.text }));
  const prev = e.article.spans[e.sentence - 1];
  if (candidates.length === 0 && e.anaphoric && prev !== undefined) {
    const prevText = e.article.text.slice(prev.start, prev.end);
    candidates = freshSpans(answerSpans(prevText), kinds, reading).map((span) => ({ span, text: prevText }));
  }
  if (candidates.length === 0) return null;
  // Nearness to the question's most specific words ("… signed for the National Confederation of
  // Employers": the person right by "Employers", not the one by a word both sides share).
  const terms = [...e.matched.keys()].filter((t) => t.kind !== "frame");
  const top = Math.max(0, ...terms.map((t) => t.weight));
  const matchedChars = terms.filter((t) => t.weight >= top * 0.8).flatMap((t) => positionsOf(t, e.keys).map((i) => e.keys.tokens[i]?.start ?? 0));
  const distance = (s: AnswerSpan) => (matchedChars.length === 0 ? s.start : Math.min(...matchedChars.map((c) => Math.abs(c - s.start))));
  // Prefer the asked kind's first choice (a person over an organisation for "who"), a place named
  // after "in"/"at" over a demonym ("Iranian"), then nearness to the question's words.
  const placeRank = (c: { span: AnswerSpan; text: string }) => {
    if (c.span.kind !== "place") return 0;
    const before = c.text.slice(Math.max(0, c.span.start - 4), c.span.start).toLowerCase();
    const word = normalizeTerm(c.span.text);
    const demonym = countryOf(word) !== null && countryOf(word) !== word && !isCity(word);
    return (/\b(in|at|to)\s$/.test(before) ? 0 : 1) + (demonym ? 2 : 0);
  };
  // "Delegates from how many countries": the number that counts countries, not the one that counts
  // delegates — and, of those, the one the question's adjectives describe.
  const counted = reading.counted;
  const countRank = (c: { span: AnswerSpan; text: string }) => {
    if (reading.asksRate && c.span.kind === "number") return RATE.test(c.span.text) ? 0 : 1;
    if (counted === null || c.span.kind !== "number" || c.text !== e.text) return 0;
    const tokens = e.keys.tokens;
    const next = tokens.findIndex((t) => t.start >= c.span.end);
    const near = countedTokens(c.span, e.keys);
    const counts = near.some((i) => e.keys.stems[i] === counted.stem || counted.synonyms.has(e.keys.stems[i] ?? ""));
    // "213 industrial accidents in 2020, 61 of them fatal": for "how many deadly accidents", the 61.
    const after = tokens.flatMap((t, i) => (next >= 0 && i >= next && i <= next + 3 ? [i] : []));
    const described = reading.countedModifiers.some((m) => after.some((i) => e.keys.stems[i] === m.stem || m.synonyms.has(e.keys.stems[i] ?? "")));
    return (counts ? 0 : 1) - (described ? 2 : 0);
  };
  // "Vasile Kovacs, head of … the Bulgarian Union of Metal and Mining Workers, signed …, while
  // Jelena Georgiev … signed for the Romanian …": for "who signed for the Bulgarian Union of …",
  // the person whose own words (up to the next person) name the body the question names.
  const people = candidates.filter((c) => c.span.kind === "person" && c.text === e.text).map((c) => c.span.start);
  const bodyRank = (c: { span: AnswerSpan; text: string }) => {
    if (reading.names.length === 0 || c.span.kind !== "person" || c.text !== e.text) return 0;
    const until = Math.min(...people.filter((p) => p > c.span.start), c.span.end + 160);
    const own = e.keys.tokens.flatMap((t, i) => (t.start >= c.span.end && t.end <= until ? [i] : []));
    const names = (t: ReadTerm, i: number) => {
      const st = e.keys.stems[i] ?? "";
      return st === t.stem || t.synonyms.has(st) || (t.country !== undefined && countryOf(e.keys.tokens[i]?.term ?? "") === t.country);
    };
    return reading.names.some((group) => group.every((t) => own.some((i) => names(t, i)))) ? 0 : 1;
  };
  candidates.sort(
    (a, b) =>
      kinds.indexOf(a.span.kind) - kinds.indexOf(b.span.kind) ||
      countRank(a) - countRank(b) ||
      bodyRank(a) - bodyRank(b) ||
      placeRank(a) - placeRank(b) ||
      distance(a.span) - distance(b.span),
  );
  return candidates[0] ?? null;
}

/** "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan" or "Iranian Labor Minister Mohammad Shariatmadari". */
function withRole(name: AnswerSpan, sentence: string): string {
  const after = /^,\s*((?:the\s+)?(?:[\p{Lu}][\p{L}’'-]*|of|the|and|for|on)(?:\s+(?:[\p{Lu}][\p{L}’'-]*|of|the|and|for|on))*)\s*[,.]/u.exec(sentence.slice(name.end));
  if (after?.[1] !== undefined && after[1].split(/\s+/).length <= 14) return `${name.text}, ${after[1]}`;
  const before = /((?:[\p{Lu}][\p{L}’'-]*\s+){1,5})$/u.exec(sentence.slice(0, name.start));
  const title = before?.[1]?.trim();
  if (title !== undefined && /\b(minister|chairman|chairwoman|chair|president|head|director|secretary|leader|deputy|ambassador|general)\b/i.test(title)) return `${name.text}, ${title}`;
  return name.text;
}

/** Words that make a sentence deny or oppose rather than confirm. */
const NEGATION = /\b(not|no|never|neither|nor|refused|rejected|declined|denied|opposed|dissent\w*|against|failed|without)\b|n['’]t\b/i;

function directAnswer(reading: QuestionReading, e: Evidence): string {
  if (reading.asksSource && e.article.source !== "") return `${e.article.source}${e.article.date === null ? "" : ` (${e.article.date})`}`;
  const next = e.article.spans[e.sentence + 1];
  if (e.features.announces === 1 && next !== undefined && (reading.expects === "description" || reading.expects === "reason")) {
    return capitalise(normalizeWhitespace(withoutDateline(e.article.text.slice(next.start, next.end))).replace(/[.;:!]+$/, ""));
  }
  if (reading.expects === "yesno") {
    // "Yes" only when the sentence says it plainly; a denial or a weak match is quoted, not turned into a yes.
    if (NEGATION.test(e.text) || e.features.coverage < 0.6) return `The article says: ${lowerFirst(answerClause(e))}`;
    return `Yes — ${lowerFirst(answerClause(e))}`;
  }
  if (reading.expects === "definition") {
    const acronym = reading.terms.find((t) => t.kind === "acronym");
    if (acronym !== undefined) {
      const m = new RegExp(String.raw`((?:[\p{Lu}][\p{L}’'-]*\s+)(?:(?:of|for|and|on|the)\s+|[\p{Lu}][\p{L}’'-]*\s+){0,10}[\p{Lu}][\p{L}’'-]*)\s*\(${escapeRegExp(acronym.term)}\)`, "iu").exec(e.text);
      if (m?.[1] !== undefined) return `${acronym.term.toUpperCase()} stands for the ${m[1].replace(/^the\s+/i, "")}`;
    }
    return answerClause(e);
  }
  const picked = pickSpan(reading, e);
  if (picked === null) return answerClause(e);
  // "Which countries does it cover?": every place (person, …) of the asked kind the sentence names.
  if (reading.pluralType && (picked.span.kind === "place" || picked.span.kind === "person" || picked.span.kind === "organization")) {
    const all = freshSpans(answerSpans(picked.text), [picked.span.kind], reading).filter((s, i, a) => a.findIndex((x) => x.text === s.text) === i);
    if (all.length >= 2) return joinList(all.map((s) => s.text));
  }
  const { span, text } = picked;
  switch (span.kind) {
    case "person":
      return withRole(span, text);
    case "date": {
      const year = e.article.date?.slice(0, 4);
      return !/\b(19|20)\d{2}\b/.test(span.text) && year !== undefined ? `${capitalise(span.text)} (${year})` : capitalise(span.text);
    }
    case "place": {
      const country = /^,\s*([\p{Lu}][\p{L}]+)/u.exec(text.slice(span.end));
      return country?.[1] !== undefined ? `${span.text}, ${country[1]}` : span.text;
    }
    default:
      return capitalise(span.text);
  }
}

/** Lower-cases an ordinary first word ("The", "Following"), never a name ("Türkiye", "Babayev"). */
const lowerFirst = (s: string) =>
  /^(The|A|An|It|He|She|They|This|These|Those|Following|During|After|Before|In|On|At|As|According|There|We|Our|His|Her|Their|Its|Under|With|For|By|From)\b/.test(s)
    ? s.charAt(0).toLowerCase() + s.slice(1)
    : s;

/** A citation of one piece of evidence. */
function citationOf(e: Evidence, n: number): Citation {
  const { start, end } = quoteSpan(e);
  return {
    n,
    title: e.article.title,
    source: e.article.source,
    date: e.article.date,
    url: e.article.url,
    path: e.article.path,
    quote: normalizeWhitespace(e.article.text.slice(start, end)),
  };
}

/** The answer for the chosen evidence: one piece, or one item per article for a list (the same item from several articles cited once, with all of them). */
export function composeAnswer(reading: QuestionReading, chosen: readonly Evidence[]): DraftAnswer {
  const citations: Citation[] = [];
  const items: { line: string; ns: number[] }[] = [];
  const corroborating = !reading.list && chosen.length > 1;
  for (const e of chosen) {
    const c = citationOf(e, citations.length + 1);
    const same = citations.find((x) => x.path === c.path && x.quote === c.quote);
    const n = same?.n ?? c.n;
    if (same === undefined) citations.push(c);
    if (corroborating && items.length > 0) {
      // A second sentence of the same article backs the answer: cite it, do not repeat it.
      items[0]?.ns.push(n);
      continue;
    }
    let line = directAnswer(reading, e).replace(/[.\s]+$/, "");
    if (chosen.length > 1 && !corroborating) line = shorten(line, 25);
    if (chosen.length === 1 && reading.presentTense && reading.expects === "person" && e.article.date !== null) line += ` (as of ${e.article.date})`;
    const known = items.find((x) => x.line.toLowerCase() === line.toLowerCase());
    if (known !== undefined) {
      if (!known.ns.includes(n)) known.ns.push(n);
    } else items.push({ line, ns: [n] });
  }
  const parts = items.map((x) => `${x.line} ${x.ns.map((n) => `[${n}]`).join("")}`);
  const answer = parts.length === 1 ? `${parts[0]}.` : `${parts.join("; ")}.`;
  return { answer, grounded: citations.length > 0, citations, language: "en" };
}

function shorten(text: string, words: number): string {
  const w = text.split(/\s+/);
  return w.length > words ? `${w.slice(0, words).join(" ")} …` : text;
}
