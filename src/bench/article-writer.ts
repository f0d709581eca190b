/**
 * Renders an event as a news article: varied leads, fact sentences, quotes, background and filler,
 * in an outlet's house style (date format, dateline). Two outlets reporting one event produce
 * near-duplicates: the same facts in different words and order.
 */
import { MONTHS } from "./corpus-vocabulary.js";
import type { Prng } from "./prng.js";
import type { CoopEvent } from "./synthetic-events.js";

export interface OutletStyle {
  name: string;
  domain: string;
  /** "dmy" → 14 March 2021; "mdy" → March 14, 2021. */
  dates: "dmy" | "mdy";
  dateline: boolean;
}

export interface WrittenArticle {
  title: string;
  body: string;
  /** Facts as they are written in this article, by question target. */
  facts: { date: string; city: string; count: string; span: string };
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

export function formatDate(iso: string, style: "dmy" | "mdy"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? "";
  return style === "dmy" ? `${d} ${month} ${y}` : `${month} ${d}, ${y}`;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

function spanText(e: CoopEvent): string {
  switch (e.kind) {
    case "memorandum":
      return `${NUMBER_WORDS[e.span] ?? e.span} years`;
    case "training":
      return `${e.span} weeks`;
    case "conference":
      return `${e.span} countries`;
    case "wage":
      return `${e.span} percent`;
    case "visit":
      return "";
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Sentences that state the event's facts; every variant keeps every fact. */
function factSentences(e: CoopEvent, date: string, rng: Prng): string[] {
  const H = `the ${e.host.name}`;
  const G = `the ${e.guest.name}`;
  const hp = e.hostPerson;
  const gp = e.guestPerson;
  const n = formatCount(e.count);
  const span = spanText(e);
  const t = e.topic;
  switch (e.kind) {
    case "memorandum":
      return [
        rng.pick([
          `${cap(H)} and ${G} signed a memorandum of understanding on ${t.long} in ${e.city} on ${date}.`,
          `A memorandum on cooperation in the field of ${t.long} was signed between ${H} and ${G} in ${e.city} on ${date}.`,
          `${e.city} hosted the signing of a memorandum of understanding between ${H} and ${G} on ${date}, covering ${t.long}.`,
          `On ${date}, ${H} and ${G} put their signatures to a cooperation memorandum on ${t.long} at a ceremony in ${e.city}.`,
        ]),
        rng.pick([
          `The document was signed by ${hp.name}, ${hp.role} of ${H}, and ${gp.name}, ${gp.role} of ${G}.`,
          `${hp.name}, ${hp.role} of ${H}, signed on behalf of the host side, while ${gp.name}, ${gp.role}, signed for ${G}.`,
          `Signatures were put by ${hp.name} (${hp.role}) and by ${gp.name}, ${gp.role} of ${G}.`,
        ]),
        rng.pick([
          `The memorandum is expected to benefit about ${n} workers in the ${t.sector} sector.`,
          `Some ${n} workers employed in ${t.sector} will be covered by the document, according to ${H}.`,
          `According to the sides, the agreement concerns roughly ${n} employees in ${t.sector}.`,
        ]),
        rng.pick([
          `The memorandum will remain in force for ${span} and may be extended.`,
          `It was concluded for a period of ${span} with automatic extension.`,
          `The document is valid for ${span}.`,
        ]),
      ];
    case "visit":
      return [
        rng.pick([
          `A delegation of ${G} led by ${gp.role} ${gp.name} arrived in ${e.city} on ${date} for talks with ${H}.`,
          `Representatives of ${G}, headed by ${gp.name}, visited ${H} in ${e.city} on ${date}.`,
          `${cap(H)} received a delegation from ${e.guest.country.name} in ${e.city} on ${date}; the guests were led by ${gp.name}, ${gp.role} of ${G}.`,
        ]),
        rng.pick([
          `During the meeting with ${hp.role} ${hp.name}, the sides discussed ${t.long}.`,
          `${hp.name}, ${hp.role} of ${H}, briefed the guests on the organisation's work on ${t.long}.`,
          `Talks with ${hp.name} focused on ${t.long}.`,
        ]),
        rng.pick([
          `The delegation of ${n} people also toured a training centre and a trade union sanatorium.`,
          `The ${n}-member delegation will stay in the country for a week.`,
          `In all, ${n} representatives of ${e.guest.country.name} took part in the visit.`,
        ]),
      ];
    case "conference":
      return [
        rng.pick([
          `An international conference on ${t.long} organised by ${H} opened in ${e.city} on ${date}.`,
          `${e.city} hosted a conference on ${t.long} on ${date}, convened by ${H}.`,
          `${cap(H)} gathered trade unionists and officials in ${e.city} on ${date} to discuss ${t.long}.`,
        ]),
        rng.pick([
          `The conference was opened by ${hp.role} of ${H} ${hp.name}.`,
          `${hp.name}, ${hp.role} of ${H}, delivered the opening address.`,
        ]),
        rng.pick([
          `A total of ${n} delegates from ${span} took part, including a delegation of ${G} led by ${gp.name}.`,
          `The forum brought together ${n} delegates representing ${span}; ${G} was represented by ${gp.name}.`,
        ]),
      ];
    case "training":
      return [
        rng.pick([
          `${cap(H)} and ${G} launched a joint training programme on ${t.long} for ${n} trade union activists in ${e.city} on ${date}.`,
          `${n} union activists from ${e.host.country.name} and ${e.guest.country.name} began a course on ${t.long} in ${e.city} on ${date}.`,
        ]),
        rng.pick([
          `The course, lasting ${span}, was prepared by ${H} together with ${G}.`,
          `Over ${span}, participants will study international standards and national practice, the organisers from ${H} and ${G} said.`,
        ]),
        rng.pick([
          `${hp.name}, ${hp.role} of ${H}, and ${gp.name} of ${G} welcomed the participants.`,
          `The programme is coordinated by ${hp.name} and ${gp.name}.`,
        ]),
      ];
    case "wage":
      return [
        rng.pick([
          `${cap(H)} and ${G} signed a new collective agreement for the ${t.sector} sector in ${e.city} on ${date}.`,
          `Workers in the ${t.sector} sector of ${e.host.country.name} will get higher pay under a collective agreement signed in ${e.city} on ${date} by ${H} and ${G}.`,
        ]),
        rng.pick([
          `Under the agreement, wages will rise by ${span} from next year.`,
          `The deal raises basic wages by ${span} in two stages.`,
        ]),
        rng.pick([
          `It covers ${n} workers, ${hp.name} of ${H} said.`,
          `Around ${n} workers fall under the agreement, according to ${gp.name}, ${gp.role} of ${G}.`,
        ]),
        `The agreement was signed by ${hp.name} and ${gp.name}.`,
      ];
  }
}

function colourSentences(e: CoopEvent, rng: Prng): string[] {
  const H = `the ${e.host.name}`;
  const hc = e.host.country.name;
  const gc = e.guest.country.name;
  const out = [
    rng.pick([
      `“Cooperation with our partners from ${gc} on ${e.topic.short} has reached a new level,” ${e.hostPerson.name} said.`,
      `“We value the experience of ${hc} and intend to apply it at home,” ${e.guestPerson.name} noted.`,
      `${e.guestPerson.name} said the partnership would help protect the rights of working people in both countries.`,
      `“Social dialogue is the only way to decent work,” ${e.hostPerson.name} stressed.`,
    ]),
    rng.pick([
      `The sides agreed to meet again in ${e.nextCity} in ${e.nextYear}.`,
      `The next round of talks is scheduled for ${e.nextYear} in ${e.nextCity}.`,
      `A follow-up meeting is planned in ${e.nextCity}.`,
    ]),
    rng.pick([
      `Labour migration between ${hc} and ${gc} has grown steadily in recent years.`,
      `Particular attention was paid to protecting workers' rights in the digital economy.`,
      `Both sides stressed the importance of social dialogue and tripartite partnership.`,
      `The parties also exchanged views on the situation in the labour market.`,
      `Trade unions in the region have stepped up cooperation on social protection since the pandemic.`,
      `Experts note that demand for skilled workers in ${hc} keeps rising.`,
    ]),
  ];
  if (e.host.members > 0) {
    out.push(
      rng.pick([
        `Founded in ${e.host.founded}, ${H} represents about ${formatCount(e.host.members)} members.`,
        `${cap(H)} unites some ${formatCount(e.host.members)} members in sectoral organisations.`,
      ]),
    );
  }
  if (e.earlier !== null) {
    const y = e.earlier.date.slice(0, 4);
    out.push(
      rng.pick([
        `In ${y}, ${H} held similar talks with the ${e.earlier.guest.name}.`,
        `Earlier, in ${y}, the organisation worked with the ${e.earlier.guest.name} on ${e.earlier.topic.long}.`,
      ]),
    );
  }
  return rng.shuffle(out).slice(0, rng.range(2, out.length));
}

function title(e: CoopEvent, rng: Prng): string {
  const hc = e.host.country.name;
  const gc = e.guest.country.name;
  const t = e.topic.short;
  switch (e.kind) {
    case "memorandum":
      return rng.pick([`${hc} and ${gc} trade unions sign memorandum on ${t}`, `${e.host.name} and ${gc} partners agree on ${t}`, `New ${hc}–${gc} memorandum targets ${t}`]);
    case "visit":
      return rng.pick([`${gc} delegation visits ${e.host.name}`, `${e.guestPerson.name} holds talks in ${e.city}`, `${hc} and ${gc} discuss ${t}`]);
    case "conference":
      return rng.pick([`International conference on ${t} opens in ${e.city}`, `${e.host.name} hosts forum on ${t}`]);
    case "training":
      return rng.pick([`Union activists from ${hc} and ${gc} train on ${t}`, `Joint course on ${t} starts in ${e.city}`]);
    case "wage":
      return rng.pick([`${e.topic.sector} workers in ${hc} to get pay rise`, `New collective agreement for ${hc}'s ${e.topic.sector} sector`]);
  }
}

/** Writes the event as `outlet` would; `rng` decides wording and order. */
export function writeArticle(e: CoopEvent, outlet: OutletStyle, rng: Prng): WrittenArticle {
  const date = formatDate(e.date, outlet.dates);
  const facts = factSentences(e, date, rng);
  const [lead, ...rest] = facts;
  const body = [...rng.shuffle(rest), ...colourSentences(e, rng)];
  // Keep the facts early, as news does, but let colour interleave after the lead paragraph.
  const sentences = [lead ?? "", ...body.slice(0, 2), ...rng.shuffle(body.slice(2))];
  if (outlet.dateline) {
    const [, m, d] = e.date.split("-").map(Number) as [number, number, number];
    sentences[0] = `${e.city.toUpperCase()}, ${MONTHS[m - 1]} ${d} (${outlet.name}) — ${sentences[0]}`;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = rng.range(1, 3);
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  return {
    title: title(e, rng),
    body: `${paragraphs.join("\n\n")}\n`,
    facts: { date, city: e.city, count: formatCount(e.count), span: spanText(e) },
  };
}
