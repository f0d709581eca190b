/**
 * A short, curated list of words that mean the same in news about labour cooperation ("meet" and
 * "visit", "chairman" and "head", "pay" and "wage"). Each group is matched by stem. Deliberately
 * small and hand-checked: bridging by loose word similarity made unrelated questions look covered
 * ("minimum wage" ~ "salary levels"), so nothing here comes from a vector space.
 */
import { stem } from "./stem.js";

const GROUPS: readonly string[][] = [
  ["meet", "met", "meeting", "visit", "talks", "talk", "discuss", "hold talks", "received"],
  ["sign", "signed", "signing", "conclude", "concluded", "signature", "signatures", "ink", "inked"],
  ["agreement", "memorandum", "deal", "accord", "pact", "treaty", "mou", "document", "roadmap", "paper", "papers"],
  ["chairman", "chairwoman", "chair", "chairs", "chairperson", "head", "heads", "headed", "leader", "leads", "led", "president", "chief"],
  ["minister", "ministry", "ministers"],
  ["pay", "wage", "wages", "salary", "salaries", "earnings"],
  ["job", "jobs", "employment", "work", "employ"],
  ["startup", "startups", "entrepreneurship", "entrepreneurs", "business"],
  ["worker", "workers", "employee", "employees", "labour", "labor", "workforce"],
  ["trip", "visit", "travel", "travelled", "traveled", "went", "came", "arrived"],
  ["attend", "attended", "participate", "participated", "participants", "take part", "took part", "bring together", "brings together"],
  ["delegate", "delegates", "representatives", "representative", "reps"],
  ["visitor", "visitors", "delegation", "delegations"],
  ["see", "saw", "seen", "tour", "toured", "familiarize", "familiarise", "familiarized", "familiarised", "acquainted", "inspected", "viewed"],
  ["union", "unions", "trade union", "labour union", "labor union"],
  ["unionist", "unionists", "unions", "trade unionists", "union members"],
  ["training", "course", "courses", "trainings", "sessions", "programme", "program"],
  ["centre", "center"],
  ["boss", "bosses", "employer", "employers"],
  ["country", "countries", "nation", "nations", "state", "states"],
  ["help", "assistance", "aid", "support", "supporting"],
  ["disabled", "disability", "disabilities", "handicapped"],
  ["fatal", "deadly", "lethal"],
  ["pension", "pensions", "retirement"],
  ["rise", "raise", "increase", "increased", "hike", "grew"],
  ["law", "legislation", "act", "bill"],
  ["strike", "strikes", "walkout", "stoppage", "work stoppage"],
  ["migrant", "migrants", "migrant workers", "labour migrants"],
  ["safety", "occupational safety", "health and safety"],
  ["cybersecurity", "cyber security", "information security"],
  ["ai", "artificial intelligence"],
  ["holiday", "tourism", "vacation", "travel vouchers"],
  ["start", "started", "begin", "began", "open", "opened", "launched", "launch"],
  ["end", "ended", "close", "closed", "finish", "finished", "concluded"],
  ["city", "town", "capital"],
  ["ask", "asked", "demand", "demanded", "demands", "request", "requested", "seek", "sought", "urge", "urged", "call for", "called for"],
  ["lowest", "minimum", "least", "min"],
  ["highest", "maximum", "max", "top"],
  ["share", "percent", "percentage", "proportion", "per cent"],
  ["women", "woman", "female", "females", "girls"],
  ["deadly", "fatal", "died", "deaths", "killed", "dead"],
  ["accident", "accidents", "incident", "incidents"],
  ["organiser", "organizer", "organised", "organized", "organise", "organize", "hosted", "host", "hosts"],
  ["won", "win", "elected", "beat", "defeated", "victory"],
  ["count", "counted", "recorded", "registered", "reported"],
  ["back", "backed", "support", "supported", "endorse", "endorsed", "approve", "approved"],
  ["promise", "promised", "pledge", "pledged", "offer", "offered", "commit", "committed"],
  ["stay", "remain", "remained"],
  ["leave", "leaving", "depart", "departure"],
  ["agree", "agreed", "agreement", "accord"],
  ["require", "requires", "required", "oblige", "obliges", "obliged", "must"],
  ["young", "youth", "youngsters"],
  ["job", "jobs", "employment", "work", "vacancies"],
  ["rise", "raise", "increase", "increases", "increased", "hike", "grew", "up"],
  ["held", "take place", "took place", "happen", "happened", "hosted", "host"],
  ["news agency", "agency", "outlet", "newspaper"],
  ["merge", "merges", "merged", "combine", "combines", "combined", "unify", "unifies", "unified", "consolidate", "consolidates", "consolidated"],
  ["cover", "covers", "covered", "apply", "applies", "applied", "envisage", "envisages", "envisaged", "include", "includes", "included", "concern", "concerns", "provides for", "deals with"],
];

/** Stem → the stems it may stand for (its groups' members, itself excluded). One-word members only. */
const byStem = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.filter((w) => !w.includes(" ")).map(stem);
  for (const s of stems) {
    const set = byStem.get(s) ?? new Set<string>();
    for (const other of stems) if (other !== s) set.add(other);
    byStem.set(s, set);
  }
}

/** Several-word phrases that mean the same as a word ("cybersecurity" → "information security"). */
const phrasesByWord = new Map<string, string[]>();
for (const group of GROUPS) {
  const phrases = group.filter((w) => w.includes(" "));
  for (const w of group.filter((x) => !x.includes(" "))) phrasesByWord.set(w, [...(phrasesByWord.get(w) ?? []), ...phrases]);
}

/** The several-word synonyms of a lower-case word. */
export function synonymPhrasesOf(word: string): readonly string[] {
  return phrasesByWord.get(word) ?? [];
}

/** Stems that mean the same as `stemmed` (a Porter2 stem), or an empty set. */
export function synonymStems(stemmed: string): ReadonlySet<string> {
  return byStem.get(stemmed) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
