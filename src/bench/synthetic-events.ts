/**
 * Cooperation events — the facts behind articles and questions. Each event joins two
 * organisations (usually of different countries) on a topic at a date and place, with numbers a
 * question can ask for.
 */
import { TOPICS } from "./corpus-vocabulary.js";
import type { Prng } from "./prng.js";
import type { Organisation, Person, World } from "./synthetic-world.js";

export type EventKind = "memorandum" | "visit" | "conference" | "training" | "wage";

export interface CoopEvent {
  id: number;
  kind: EventKind;
  /** ISO date. */
  date: string;
  city: string;
  host: Organisation;
  guest: Organisation;
  hostPerson: Person;
  guestPerson: Person;
  topic: (typeof TOPICS)[number];
  /** Workers covered, delegates, activists or delegation size, depending on the kind. */
  count: number;
  /** Validity in years (memorandum), course length in weeks (training), countries (conference), wage rise % (wage). */
  span: number;
  nextCity: string;
  nextYear: number;
  /** An earlier event of the host organisation, mentioned as background (a built-in hard negative). */
  earlier: CoopEvent | null;
}

const KINDS: readonly EventKind[] = ["memorandum", "memorandum", "visit", "visit", "conference", "training", "wage"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function countFor(kind: EventKind, rng: Prng): number {
  switch (kind) {
    case "memorandum":
      return rng.range(12, 950) * 100;
    case "visit":
      return rng.range(4, 28);
    case "conference":
      return rng.range(60, 620);
    case "training":
      return rng.range(15, 240);
    case "wage":
      return rng.range(30, 900) * 100;
  }
}

function spanFor(kind: EventKind, rng: Prng): number {
  switch (kind) {
    case "memorandum":
      return rng.range(2, 7);
    case "training":
      return rng.range(2, 12);
    case "conference":
      return rng.range(5, 40);
    case "wage":
      return rng.range(4, 35);
    case "visit":
      return 0;
  }
}

/** Generates `count` events in date order; later events of an organisation refer to earlier ones. */
export function generateEvents(world: World, count: number, rng: Prng): CoopEvent[] {
  const drafts: Omit<CoopEvent, "id" | "earlier">[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rng.pick(KINDS);
    const host = rng.pick(world.orgs);
    let guest = rng.pick(world.orgs);
    if (kind === "wage") {
      const local = world.orgs.filter((o) => o.country === host.country && o.id !== host.id && o.kind !== "union");
      guest = rng.pick(local.length > 0 ? local : world.orgs);
    } else {
      while (guest.country === host.country) guest = rng.pick(world.orgs);
    }
    const year = rng.range(2012, 2025);
    const nextYear = year + rng.range(1, 2);
    drafts.push({
      kind,
      date: `${year}-${pad(rng.range(1, 12))}-${pad(rng.range(1, 28))}`,
      city: rng.pick(host.country.cities),
      host,
      guest,
      hostPerson: rng.pick(host.people),
      guestPerson: rng.pick(guest.people),
      topic: rng.pick(TOPICS),
      count: countFor(kind, rng),
      span: spanFor(kind, rng),
      nextCity: rng.pick(guest.country.cities),
      nextYear,
    });
  }
  drafts.sort((a, b) => a.date.localeCompare(b.date));
  const lastByOrg = new Map<number, CoopEvent>();
  return drafts.map((d, id) => {
    const event: CoopEvent = { ...d, id, earlier: lastByOrg.get(d.host.id) ?? null };
    lastByOrg.set(d.host.id, event);
    return event;
  });
}
