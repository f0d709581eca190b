/**
 * Paraphrased questions about an event, each with the key of what it names — a question is only
 * asked when its key picks out one event, so every answerable question has one right article
 * (or its near-duplicate). Wording deliberately differs from the articles' sentences.
 */
import type { CoopEvent } from "./synthetic-events.js";

/** Which fact of the article answers the question. */
export type FactSlot = "hostPerson" | "guestPerson" | "date" | "city" | "count" | "span";

export interface QuestionTemplate {
  /** What the question names, e.g. `m|guest:3|host:7|topic:pensions`; must be unique to an event. */
  key: string;
  /** `{GP}` / `{HP}` stand for a person's name (a question may spell it differently). */
  text: string;
  slot: FactSlot;
  type: "who" | "when" | "where" | "quantity" | "duration";
}

/** Every question that could be asked about `e` (before the uniqueness check). */
export function questionTemplates(e: CoopEvent): QuestionTemplate[] {
  const H = `the ${e.host.name}`;
  const G = `the ${e.guest.name}`;
  const hc = e.host.country.name;
  const gc = e.guest.country.name;
  const t = e.topic.short;
  const year = e.date.slice(0, 4);
  const k = (...parts: (string | number)[]) => `${e.kind}|${parts.join("|")}`;
  switch (e.kind) {
    case "memorandum":
      return [
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `Who signed the memorandum on ${t} for ${G}?`, slot: "guestPerson", type: "who" },
        { key: k("g", e.guest.id, "hc", hc, t), text: `Which official of ${G} put their name to the ${t} memorandum with ${hc}?`, slot: "guestPerson", type: "who" },
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `When did ${H} and ${G} conclude their memorandum about ${t}?`, slot: "date", type: "when" },
        { key: k("hp", e.hostPerson.id, "gc", gc, t), text: `On what date did {HP} sign the ${t} memorandum with the ${e.guest.country.demonym} side?`, slot: "date", type: "when" },
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `In which city did ${H} and ${G} sign their memorandum on ${t}?`, slot: "city", type: "where" },
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `How many workers will benefit from the ${t} memorandum between ${H} and ${G}?`, slot: "count", type: "quantity" },
        { key: k("hc", hc, "gc", gc, t, year), text: `How many employees are covered by the ${year} ${hc}–${gc} memorandum on ${t}?`, slot: "count", type: "quantity" },
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `How long is the memorandum on ${t} between ${H} and ${G} valid?`, slot: "span", type: "duration" },
      ];
    case "visit":
      return [
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `Who headed the delegation of ${G} that came to discuss ${t} with ${H}?`, slot: "guestPerson", type: "who" },
        { key: k("gp", e.guestPerson.id, "hc", hc), text: `When did {GP} travel to ${hc} for talks?`, slot: "date", type: "when" },
        { key: k("gp", e.guestPerson.id, "h", e.host.id), text: `Where did {GP} meet officials of ${H}?`, slot: "city", type: "where" },
        { key: k("gc", gc, "h", e.host.id, t), text: `How many people were in the ${e.guest.country.demonym} delegation that talked about ${t} with ${H}?`, slot: "count", type: "quantity" },
        { key: k("gp", e.guestPerson.id, "h", e.host.id), text: `Which official of ${H} held talks with {GP}?`, slot: "hostPerson", type: "who" },
      ];
    case "conference":
      return [
        { key: k("h", e.host.id, t), text: `How many delegates attended the conference on ${t} organised by ${H}?`, slot: "count", type: "quantity" },
        { key: k("h", e.host.id, t), text: `Who opened the ${t} conference held by ${H}?`, slot: "hostPerson", type: "who" },
        { key: k("h", e.host.id, t), text: `Which city hosted the conference of ${H} on ${t}?`, slot: "city", type: "where" },
        { key: k("hc", hc, t, year), text: `Delegates from how many countries came to the ${year} conference on ${t} in ${hc}?`, slot: "span", type: "quantity" },
        { key: k("gp", e.guestPerson.id, t), text: `When did {GP} speak at a conference about ${t}?`, slot: "date", type: "when" },
      ];
    case "training":
      return [
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `How many activists take part in the ${t} course run by ${H} and ${G}?`, slot: "count", type: "quantity" },
        { key: k("g", e.guest.id, "h", e.host.id, t), text: `How long does the joint training on ${t} of ${H} and ${G} last?`, slot: "span", type: "duration" },
        { key: k("hc", hc, "gc", gc, t), text: `Where did union activists from ${hc} and ${gc} start their training on ${t}?`, slot: "city", type: "where" },
        { key: k("hp", e.hostPerson.id, t), text: `When did the training programme on ${t} coordinated by {HP} begin?`, slot: "date", type: "when" },
      ];
    case "wage":
      return [
        { key: k("h", e.host.id, "g", e.guest.id, e.topic.sector), text: `By how much will pay rise under the ${e.topic.sector} agreement between ${H} and ${G}?`, slot: "span", type: "quantity" },
        { key: k("h", e.host.id, e.topic.sector), text: `How many workers does the ${e.topic.sector} collective agreement of ${H} cover?`, slot: "count", type: "quantity" },
        { key: k("hc", hc, e.topic.sector, year), text: `When was the ${year} collective agreement for ${hc}'s ${e.topic.sector} workers signed?`, slot: "date", type: "when" },
        { key: k("g", e.guest.id, e.topic.sector), text: `Who signed the ${e.topic.sector} wage deal for ${G}?`, slot: "guestPerson", type: "who" },
      ];
  }
}
