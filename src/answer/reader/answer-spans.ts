/**
 * Candidate answers of a type inside one sentence: people's names, organisations, places, dates,
 * numbers with what they count, durations. Found by the shapes news prose gives them (capitalised
 * name sequences next to titles, organisation words, month names, digits with units), each as a
 * span of the sentence so it can be shown and checked against the quote.
 */
import { datelineOf } from "../../text/dateline.js";
import { MONTH_NAMES } from "../../text/months.js";
import { countryOf, isCountryAdjective, isPlace } from "../../text/places.js";
import { normalizeTerm } from "../../text/tokenize.js";

export type SpanKind = "person" | "organization" | "place" | "date" | "number" | "duration";

export interface AnswerSpan {
  kind: SpanKind;
  text: string;
  /** Character offsets in the sentence. */
  start: number;
  end: number;
}

const MONTH = MONTH_NAMES.map((m) => m.charAt(0).toUpperCase() + m.slice(1)).join("|");
const MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?`;
const DATES: readonly RegExp[] = [
  new RegExp(String.raw`\b${DAY}\s+(?:${MONTH}|(?:${MONTH_ABBR})\.?)(?:\s*[-–]\s*${DAY}\s+(?:${MONTH}))?(?:,?\s+\d{4})?\b`, "g"),
  new RegExp(String.raw`\b(?:${MONTH}|(?:${MONTH_ABBR})\.?)\s+${DAY}(?:\s*[-–]\s*(?:${MONTH})\s+${DAY})?(?:,?\s+\d{4})?\b`, "g"),
  new RegExp(String.raw`\b(?:early |mid-|late |the end of )?(?:${MONTH})(?:\s+(?:19|20)\d{2})\b`, "g"),
  /\b(?:in|since|from|until|by|of|during)\s+((?:19|20)\d{2})\b/gi,
  /\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
];

const UNIT =
  "percent|per cent|%|workers|employees|delegates|participants|people|persons|members|migrants|inspectors|activists|countries|" +
  "unions|organizations|organisations|companies|enterprises|students|trainees|teachers|miners|doctors|calls|cases|accidents|deaths|" +
  "million|billion|thousand|tenge|rials|rial|tomans|manat|manats|som|soms|sums|lira|liras|TL|rubles|roubles|dollars|euros|USD|AZN|KZT|" +
  "days|weeks|months|years|hours|jobs|vacancies|places|branches|times|points|sessions|courses|projects|districts|regions|cities|" +
  "documents|agreements|memorandums|applications|requests|complaints|visits|meetings|percentage points";
const NUMBER = new RegExp(
  String.raw`(?:\b(?:over|about|around|nearly|almost|more than|less than|fewer than|some|up to|at least|roughly|approximately)\s+)?` +
    String.raw`(?<![\w.,-])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-]|st\b|nd\b|rd\b|th\b)(?:\s*(?:%|percent|per cent))?` +
    String.raw`(?:\s+(?:million|billion|thousand))?(?:\s+(?:[a-z]+\s+)?(?:${UNIT}))?`,
  "gi",
);
const WORD_NUMBER =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozens|hundreds|thousands|millions)\s+(?:[a-z]+\s+)?(?:days|weeks|months|years|hours|workers|delegates|countries|people|members|times|unions)\b/gi;
const DURATION = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several)(?:\s*[-–]\s*\d+)?[\s-]+(?:day|days|week|weeks|month|months|year|years|hour|hours)\b(?:\s+long)?/gi;

/** Words that make a capitalised sequence an organisation, not a person. */
const ORG_WORDS = new Set(
  (
    "confederation federation ministry union unions center centre organization organisation agency council association academy institute " +
    "house chamber committee fund service inspectorate bank company party parliament assembly office department university school " +
    "congress conference session forum government cabinet commission court corporation foundation network alliance league society " +
    "workers trade labour labor social protection population news mehr azertac trend irna apa report kabar times daily " +
    "welfare cooperatives cooperation affairs development relations employment economy finance education health justice interior foreign"
  ).split(" "),
);
/** Words of capitalised things that are not people: documents, events, days. */
/** Words of an office's title: a run holding one names the office, not its holder. */
const OFFICES = new Set("minister deputy chairman chairwoman chair president director secretary general ambassador mayor governor speaker".split(" "));

const NOT_NAMES = new Set(
  (
    "memorandum understanding agreement convention declaration charter code law act programme program plan roadmap protocol treaty " +
    "recommendation resolution day week month year summit congress session forum centenary initiative initiatives strategy report " +
    "index award prize cup games olympics festival exhibition fair expo"
  ).split(" "),
);

/** Titles and honorifics before a name; not part of it. */
const TITLES = new Set(
  (
    "mr mrs ms dr prof minister deputy chairman chairwoman chair president head director secretary general ambassador vice " +
    "first acting labor labour social iranian azerbaijani kyrgyz turkish kazakh uzbek tajik russian the his her their its " +
    "sheikh sir lady lord mayor governor speaker"
  ).split(" "),
);

const CONNECTORS = /^(of|for|and|the|on|de|al|bin|ibn|van|von|&)$/i;
const CAPITALISED_RUN = /\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:of|for|and|the|on|de|al|bin|ibn|van|von|&)\s+)*\p{Lu}[\p{L}’'.-]*)*/gu;

function collect(out: AnswerSpan[], kind: SpanKind, re: RegExp, sentence: string, group = 0): void {
  for (const m of sentence.matchAll(re)) {
    const text = (m[group] ?? m[0]).trim();
    if (text === "") continue;
    const start = (m.index ?? 0) + m[0].indexOf(text);
    out.push({ kind, text, start, end: start + text.length });
  }
}

const isMonth = (w: string) => MONTH_NAMES.includes(normalizeTerm(w));
const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);

/** A word that can be part of a person's name: capitalised, not a title, organisation word, connector, place or month. */
function isNameWord(word: string): boolean {
  const w = normalizeTerm(word.replace(/[.,’']+$/, "").replace(/[’']s$/, ""));
  return /^\p{Lu}\p{Ll}/u.test(word) && !ORG_WORDS.has(w) && !TITLES.has(w) && !CONNECTORS.test(w) && !isPlace(w) && !isMonth(w) && w.length > 1;
}

/** All candidate answers in a sentence, in order of appearance (a span may be of several kinds); none inside its dateline. */
export function answerSpans(sentence: string): AnswerSpan[] {
  const skip = datelineOf(sentence).length;
  return spansOf(sentence.slice(skip)).map((s) => ({ ...s, start: s.start + skip, end: s.end + skip }));
}

function spansOf(sentence: string): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  for (const re of DATES) collect(out, "date", re, sentence, re.source.startsWith("\\b(?:in|since") ? 1 : 0);
  collect(out, "duration", DURATION, sentence);
  const dates = out.filter((s) => s.kind === "date");
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const text = m[0].trim();
    if (dates.some((d) => d.start <= start && end <= d.end + 1)) continue;
    if (/^(?:19|20)\d{2}$/.test(text)) continue; // a bare year is a date, not a count
    out.push({ kind: "number", text, start: start + m[0].indexOf(text), end });
  }
  collect(out, "number", WORD_NUMBER, sentence);
  for (const m of sentence.matchAll(CAPITALISED_RUN)) {
    const words = m[0].split(/\s+/);
    const start = m.index ?? 0;
    // Drop leading titles ("Iranian Labor Minister Mohammad Shariatmadari" → "Mohammad Shariatmadari").
    let from = 0;
    // And a leading article: "An ILO official" is no person named "An ILO".
    while (from < words.length - 1 && (TITLES.has(normalizeTerm((words[from] ?? "").replace(/\.$/, ""))) || CONNECTORS.test(words[from] ?? "") || /^(?:A|An)$/.test(words[from] ?? ""))) from++;
    const kept = words.slice(from);
    const text = kept.join(" ").replace(/[.,’']+$/, "").replace(/[’']s$/, "");
    if (text === "" || kept.every(isMonth)) continue;
    const offset = start + m[0].indexOf(kept[0] ?? "");
    const lower = kept.map((w) => normalizeTerm(w.replace(/[’'.,]+$/, "").replace(/[’']s$/, "")));
    if (lower.every((w) => isPlace(w) || countryOf(w) !== null) && lower.length <= 2) {
      // "Bulgarian", "South African": whose, not where.
      if (!lower.every(isCountryAdjective)) out.push({ kind: "place", text, start: offset, end: offset + text.length });
      continue;
    }
    if (lower.some((w) => ORG_WORDS.has(w)) || (/^\p{Lu}{2,}[\p{L}-]*$/u.test(text) && text.length <= 8)) {
      // "Minister of Labour and Social Protection of the Population Svetlana Zhakupova": a name at the end of a title.
      let tail = kept.length;
      while (tail > 0 && isNameWord(kept[tail - 1] ?? "")) tail--;
      const nameWords = kept.slice(tail);
      if (nameWords.length >= 2 && nameWords.length <= 4 && tail > 0) {
        const org = kept.slice(0, tail).join(" ").replace(/\s+(?:of|for|and|the|on|&)$/i, "");
        out.push({ kind: "organization", text: org, start: offset, end: offset + org.length });
        const name = nameWords.join(" ").replace(/[.,’']+$/, "").replace(/[’']s$/, "");
        const at = start + m[0].lastIndexOf(nameWords[0] ?? "");
        out.push({ kind: "person", text: name, start: at, end: at + name.length });
        continue;
      }
      out.push({ kind: "organization", text, start: offset, end: offset + text.length });
      continue;
    }
    // "Sharan Burrow of Australia", "Luca Visentini of Italy": a name, then where the person is from.
    const from_ = lower.findIndex((w, i) => i >= 2 && w === "of" && lower.slice(i + 1).length > 0 && lower.slice(i + 1).every((x) => isPlace(x) || countryOf(x) !== null));
    if (from_ > 0) {
      const who = kept.slice(0, from_);
      if (who.length <= 4 && who.every(isNameWord)) {
        const name = who.join(" ");
        out.push({ kind: "person", text: name, start: offset, end: offset + name.length });
        const where = kept.slice(from_ + 1).join(" ").replace(/[.,’']+$/, "").replace(/[’']s$/, "");
        const at = start + m[0].lastIndexOf(kept[from_ + 1] ?? "");
        out.push({ kind: "place", text: where, start: at, end: at + where.length });
        continue;
      }
    }
    // "Sahil Babayev on Monday": a name ends before a connector that leads to a day or a month.
    const cut = lower.findIndex((w, i) => i > 0 && CONNECTORS.test(w) && (WEEKDAYS.has(lower[i + 1] ?? "") || isMonth(lower[i + 1] ?? "")));
    const nameWords = (cut < 0 ? lower : lower.slice(0, cut)).filter((w) => !/^(of|for|and|the|on|de|al|bin|ibn|van|von|&)$/.test(w));
    if (cut > 0) {
      const name = kept.slice(0, cut).join(" ");
      if (nameWords.length >= 2 && nameWords.length <= 4 && !nameWords.some((w) => isPlace(w) || NOT_NAMES.has(w))) out.push({ kind: "person", text: name, start: offset, end: offset + name.length });
      continue;
    }
    // "Türk-İş President Ergün Atalay": the holder is the name after the office; "ITUC General Secretary" has none.
    const lastOffice = lower.reduce((at, w, i) => (OFFICES.has(w) ? i : at), -1);
    if (lastOffice >= 0) {
      const holder = kept.slice(lastOffice + 1);
      if (holder.length >= 2 && holder.length <= 4 && holder.every(isNameWord)) {
        const name = holder.join(" ").replace(/[.,’']+$/, "").replace(/[’']s$/, "");
        const at = start + m[0].lastIndexOf(holder[0] ?? "");
        out.push({ kind: "person", text: name, start: at, end: at + name.length });
      }
      continue;
    }
    if (nameWords.length >= 2 && nameWords.length <= 4 && !nameWords.some((w) => isPlace(w) || isMonth(w) || NOT_NAMES.has(w) || WEEKDAYS.has(w))) {
      out.push({ kind: "person", text, start: offset, end: offset + text.length });
    }
  }
  // "in Balti", "at Khujand", "to Brest": a capitalised name after a place preposition is a place,
  // even one no gazetteer knows.
  for (const m of sentence.matchAll(/\b(?:in|at|to|from|near)\s+((?:the\s+)?\p{Lu}[\p{L}’'-]+(?:\s\p{Lu}[\p{L}’'-]+){0,2})/gu)) {
    const text = (m[1] ?? "").replace(/^the\s+/, "").replace(/[’']s$/, "");
    const words = text.split(/\s+/).map((w) => normalizeTerm(w));
    if (words.some((w) => ORG_WORDS.has(w) || NOT_NAMES.has(w) || isMonth(w) || TITLES.has(w))) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(text);
    if (!out.some((s) => s.kind === "place" && s.start <= start && start < s.end)) out.push({ kind: "place", text, start, end: start + text.length });
  }
  // Places named in lower case or inside longer runs ("in Geneva, Switzerland").
  for (const m of sentence.matchAll(/\p{Lu}[\p{Ll}’'-]+/gu)) {
    const w = normalizeTerm(m[0].replace(/[’']s$/, ""));
    if (isPlace(w) && !isCountryAdjective(w) && !out.some((s) => s.kind === "place" && s.start <= (m.index ?? 0) && (m.index ?? 0) < s.end)) {
      out.push({ kind: "place", text: m[0].replace(/[’']s$/, ""), start: m.index ?? 0, end: (m.index ?? 0) + m[0].replace(/[’']s$/, "").length });
    }
  }
  // "in Novi Sad": a place, not a person named Novi Sad.
  const places = out.filter((s) => s.kind === "place");
  const kept = out.filter((s) => s.kind !== "person" || !places.some((p) => p.start <= s.start && s.start < p.end));
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
