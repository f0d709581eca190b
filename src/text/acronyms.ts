/**
 * Acronyms and what they stand for, so "ILO" meets "International Labour Organization" and "MoU"
 * meets "memorandum of understanding": a short list of common international ones, plus the
 * definitions an article gives itself ("the Azerbaijan Trade Unions Confederation (AHIK)").
 * Acronym keys are lower case; expansions are lower-case phrases.
 */
import { normalizeTerm } from "./tokenize.js";

const COMMON: Record<string, string[]> = {
  // "The ILO conference" is the International Labour Conference, the ILO's yearly assembly.
  ilo: ["international labour organization", "international labor organization", "international labour organisation", "international labour conference"],
  ilc: ["international labour conference", "international labor conference"],
  un: ["united nations"],
  mou: ["memorandum of understanding"],
  mous: ["memorandums of understanding", "memoranda of understanding"],
  ituc: ["international trade union confederation"],
  etuc: ["european trade union confederation"],
  wftu: ["world federation of trade unions"],
  issa: ["international social security association"],
  iom: ["international organization for migration"],
  eaeu: ["eurasian economic union"],
  eeu: ["eurasian economic union"],
  cis: ["commonwealth of independent states"],
  eu: ["european union"],
  osce: ["organization for security and co-operation in europe"],
  oic: ["organisation of islamic cooperation", "organization of islamic cooperation"],
  ots: ["organization of turkic states"],
  sco: ["shanghai cooperation organisation", "shanghai cooperation organization"],
  who: ["world health organization"],
  unicef: ["united nations children's fund"],
  undp: ["united nations development programme"],
  wto: ["world trade organization"],
  imf: ["international monetary fund"],
  osh: ["occupational safety and health"],
  ai: ["artificial intelligence"],
  ceo: ["chief executive officer"],
  gdp: ["gross domestic product"],
  ngo: ["non-governmental organization", "non-governmental organisation"],
  ngos: ["non-governmental organizations", "non-governmental organisations"],
};

/** Acronyms that are also ordinary English words: only taken as acronyms when written in capitals. */
const AMBIGUOUS = new Set(["who", "un", "osh", "ai", "cis"]);

/** The common expansions of an acronym (lower case), or []. `raw` is the word as written. */
export function commonExpansions(raw: string): readonly string[] {
  const key = normalizeTerm(raw);
  if (AMBIGUOUS.has(key) && raw !== raw.toUpperCase()) return [];
  return Object.hasOwn(COMMON, key) ? (COMMON[key] ?? []) : [];
}

/** An acronym-looking word: two to eight letters, mostly capitals ("ILO", "MoU", "AHIK", "Türk-İş" is not). */
export function looksLikeAcronym(raw: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{Ll}]{1,7}$/u.test(raw) && (raw.match(/\p{Lu}/gu)?.length ?? 0) >= Math.max(2, raw.length - 2);
}

const DEFINITION = /((?:\p{Lu}[\p{L}’'-]*[^\S\n]+)(?:(?:of|for|and|on|the|de|in|&)[^\S\n]+|\p{Lu}[\p{L}’'-]*[^\S\n]+){0,10}\p{Lu}[\p{L}’'-]*)[^\S\n]*\(([\p{Lu}][\p{L}-]{1,11})\)/gu;

/**
 * Definitions a text gives itself: "Long Name (ACR)", kept when the long name (leading function
 * words dropped) starts with the acronym's first letter or holds its letters in order —
 * "Azerbaijan Trade Unions Confederation (AHIK)" and "Confederation of Turkish Trade Unions
 * (Türk-İş)" are kept, "Baku (AZERTAC)" is not.
 */
export function definedAcronyms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(DEFINITION)) {
    const acronym = m[2] ?? "";
    const letters = normalizeTerm(acronym.replace(/-/g, ""));
    const words = (m[1] ?? "").trim().split(/[^\S\n]+/);
    const name = bestName(words, letters);
    if (name !== null) out.set(normalizeTerm(acronym), name.replace(/^the /, ""));
  }
  return out;
}

/**
 * The words of `words` the acronym stands for: the longest tail whose capitalised initials spell
 * it ("International Trade Union Confederation" for ITUC, not "World Congress of the …"), else the
 * longest tail starting with its first letter that holds its letters in order, else with its first
 * letter alone (acronyms of names in another language, like AHIK). Null when nothing fits.
 */
function bestName(words: readonly string[], letters: string): string | null {
  let inOrder: string | null = null;
  let firstLetter: string | null = null;
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i] ?? "";
    if (!/^\p{Lu}/u.test(word) || normalizeTerm(word[0] ?? "") !== letters[0]) continue;
    const tail = words.slice(i);
    const name = normalizeTerm(tail.join(" "));
    const initials = tail.filter((w) => /^\p{Lu}/u.test(w)).map((w) => normalizeTerm(w[0] ?? "")).join("");
    if (initials === letters) return name;
    if (inOrder === null && lettersInOrder(letters, name)) inOrder = name;
    firstLetter ??= name;
  }
  return inOrder ?? firstLetter;
}

function lettersInOrder(letters: string, text: string): boolean {
  let at = 0;
  for (const ch of letters) {
    at = text.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
