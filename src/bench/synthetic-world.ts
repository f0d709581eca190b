/**
 * The recurring cast of the synthetic corpus: organisations of every country and the officials who
 * speak for them. The same organisations and people turn up in many events, which is what makes
 * other articles hard negatives for a question about one event.
 */
import { COUNTRIES, FIRST_NAMES, ORG_PATTERNS, ROLES, SURNAMES, type CountryInfo } from "./corpus-vocabulary.js";
import type { Prng } from "./prng.js";

export type OrgKind = "union" | "ministry" | "employers";

export interface Person {
  id: number;
  name: string;
  surname: string;
  role: string;
  org: Organisation;
}

export interface Organisation {
  id: number;
  name: string;
  kind: OrgKind;
  country: CountryInfo;
  members: number;
  founded: number;
  people: Person[];
}

export interface World {
  orgs: Organisation[];
  people: Person[];
}

/** Builds the cast; people get unique full names (surnames repeat, as they do in real news). */
export function buildWorld(rng: Prng): World {
  const orgs: Organisation[] = [];
  const people: Person[] = [];
  const taken = new Set<string>();
  for (const country of COUNTRIES) {
    for (const { pattern, kind } of ORG_PATTERNS) {
      const org: Organisation = {
        id: orgs.length,
        name: pattern.replace("{C}", country.name).replace("{D}", country.demonym),
        kind,
        country,
        members: kind === "ministry" ? 0 : rng.range(12, 980) * 1000,
        founded: rng.range(1921, 2008),
        people: [],
      };
      orgs.push(org);
      const roles = rng.shuffle(ROLES[kind]).slice(0, 2);
      for (const role of roles) {
        let name = "";
        let surname = "";
        for (let attempt = 0; attempt < 50; attempt++) {
          surname = rng.pick(SURNAMES[country.region]);
          name = `${rng.pick(FIRST_NAMES[country.region])} ${surname}`;
          if (!taken.has(name)) break;
        }
        taken.add(name);
        const person: Person = { id: people.length, name, surname, role, org };
        org.people.push(person);
        people.push(person);
      }
    }
  }
  return { orgs, people };
}
