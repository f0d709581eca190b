/**
 * Questions the corpus cannot answer, in the two ways that trip up a retriever: entities that never
 * appear (a fictional country, organisation or person next to real words), and a real person or
 * organisation with an event that never happened (real names, wrong combination).
 */
import { FICTIONAL, TOPICS } from "./corpus-vocabulary.js";
import type { Prng } from "./prng.js";
import type { CoopEvent } from "./synthetic-events.js";
import type { World } from "./synthetic-world.js";

export interface UnanswerableQuestion {
  question: string;
  /** "fictional-entity", "never-happened" or "out-of-range-year". */
  kind: string;
}

/** `count` unanswerable questions, checked against what the events (and so the articles) contain. */
export function unanswerableQuestions(world: World, events: readonly CoopEvent[], count: number, rng: Prng): UnanswerableQuestion[] {
  // Which countries each person appears alongside, and which organisation pairs ever met.
  const personCountries = new Map<number, Set<string>>();
  const orgPairs = new Set<string>();
  const note = (person: number, country: string) => {
    let set = personCountries.get(person);
    if (set === undefined) personCountries.set(person, (set = new Set()));
    set.add(country);
  };
  for (const e of events) {
    for (const p of [e.hostPerson, e.guestPerson]) {
      note(p.id, e.host.country.name);
      note(p.id, e.guest.country.name);
    }
    orgPairs.add(`${e.host.id}|${e.guest.id}`).add(`${e.guest.id}|${e.host.id}`);
    if (e.earlier !== null) orgPairs.add(`${e.host.id}|${e.earlier.guest.id}`).add(`${e.earlier.guest.id}|${e.host.id}`);
  }
  const countries = [...new Set(world.orgs.map((o) => o.country.name))];
  const out: UnanswerableQuestion[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < count && attempt < count * 50; attempt++) {
    const roll = rng.next();
    const t = rng.pick(TOPICS).short;
    const org = rng.pick(world.orgs);
    let q: UnanswerableQuestion | null = null;
    if (roll < 0.35) {
      const fc = rng.pick(FICTIONAL.countries);
      q = rng.pick([
        { question: `When did the Federation of Trade Unions of ${fc} sign a memorandum on ${t} with the ${org.name}?`, kind: "fictional-entity" },
        { question: `Who chairs the ${rng.pick(FICTIONAL.organisations)}?`, kind: "fictional-entity" },
        { question: `What did ${rng.pick(FICTIONAL.people)} say about ${t} in ${rng.pick(org.country.cities)}?`, kind: "fictional-entity" },
        { question: `How many workers from ${fc} are covered by the agreement with the ${org.name}?`, kind: "fictional-entity" },
      ]);
    } else if (roll < 0.85) {
      const person = rng.pick(world.people);
      const met = personCountries.get(person.id) ?? new Set<string>();
      // In a large corpus a busy person may have met every country: then try another draw.
      const unmet = countries.filter((c) => !met.has(c) && c !== person.org.country.name);
      const strangers = world.orgs.filter((o) => !orgPairs.has(`${org.id}|${o.id}`) && o.country !== org.country);
      if (unmet.length === 0 || strangers.length === 0) continue;
      const country = rng.pick(unmet);
      const other = rng.pick(strangers);
      q = rng.pick([
        { question: `When did ${person.name} sign a memorandum on ${t} with ${country}?`, kind: "never-happened" },
        { question: `What did ${person.name} discuss during the visit to ${country}?`, kind: "never-happened" },
        { question: `How many workers does the agreement between the ${org.name} and the ${other.name} cover?`, kind: "never-happened" },
        { question: `Where did the ${org.name} and the ${other.name} hold their joint training?`, kind: "never-happened" },
      ]);
    } else {
      const year = rng.pick([2003, 2005, 2008, 2031, 2034]);
      q = rng.pick([
        { question: `Who led the delegation of the ${org.name} in ${year}?`, kind: "out-of-range-year" },
        { question: `What memorandum did the ${org.name} sign in ${year}?`, kind: "out-of-range-year" },
      ]);
    }
    if (q === null || seen.has(q.question)) continue;
    seen.add(q.question);
    out.push(q);
  }
  return out;
}
