/**
 * Word lists the question reader relies on: words that frame a question without carrying its
 * topic, light verbs, roles people hold, and topics that are never about the articles.
 */
import { stem } from "../../text/stem.js";

/** Frame a question but never carry its topic ("tell me the name of…", "according to the article"). */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  (
    "name names happen happened happening mention mentioned mentions article articles report reported reports news story stories " +
    "according main kind kinds type types role part detail details information anyone someone somebody exactly specifically " +
    "really also still else besides apart stuff thing things bit way ways please pls thanks hi hello first full exact " +
    "note noted say said says tell told talk talked talks discuss discussed mean means actually overall described appear appears appeared comes"
  ).split(" "),
);

/** Nouns that name the answer's type after "which"/"what" ("which city", "what year"), not its topic. */
export const TYPE_NOUNS: ReadonlySet<string> = new Set(
  "city cities country countries town place places venue location date dates day days year years month months time number figure amount position title role post kind type sort percentage official officials representative representatives".split(" "),
);

/** Words for "a person" that carry nothing of what is asked ("the iranian guy"). */
export const FILLER_NOUNS: ReadonlySet<string> = new Set("guy guys dude dudes fellow bloke chap someone somebody".split(" "));

/** Verbs that carry little of what is asked (by stem): "what did X do / say / get". */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  "do does did done make made get got go went come came take took give gave have has had be is are was were become became use used want wanted think thought".split(" ").map(stem),
);

/** Roles held by people: "who is the mayor of …" must be answered by someone holding that role. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    "mayor chairman chairwoman chair chairperson head president minister director secretary leader chief governor " +
    "ambassador spokesman spokeswoman spokesperson ceo founder deputy commissioner rector prime premier king queen " +
    "speaker coach captain manager owner editor"
  ).split(" "),
);

/** A role word in the singular: "secretaries" → "secretary", "ministers" → "minister". */
export function singularRole(term: string): string {
  return term.replace(/ies$/, "y").replace(/s$/, "");
}

/** Nouns that count people in general ("how many people / participants"), not a kind of them. */
export const PEOPLE_NOUNS = /^(people|persons|person|individuals|participants|attendees)$/;

/** Verbs of one-off events (by stem): "when was X appointed?" is answered only by a sentence about the appointment. */
export const EVENT_VERBS: ReadonlySet<string> = new Set(
  "appointed elected reelected founded established born created launched adopted ratified dismissed resigned retired died sworn nominated".split(" ").map(stem),
);

/** Head words of a body's name ("… Confederation of Labour", "Ministry of …"): a capitalised run holding one names an organisation. */
export const BODY_HEADS: ReadonlySet<string> = new Set(
  (
    "confederation federation ministry union unions council association committee agency organization organisation " +
    "chamber centre center inspectorate fund institute academy house"
  ).split(" "),
);

/** Verbs that ask for a role's holder: "who chairs the federation", "who heads DİSK". */
export const ROLE_VERBS: ReadonlySet<string> = new Set(["chairs", "heads", "leads", "runs", "directs", "governs", "manages"]);

/** Words of one role that name the same role ("head" is also "chairman", "leader", "president"). */
export const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  head: ["head", "chairman", "chairwoman", "chair", "chairperson", "leader", "president", "chief", "director", "headed", "heads", "led", "leads"],
  chairman: ["chairman", "chairwoman", "chair", "chairperson", "head", "president", "leader"],
  chair: ["chairman", "chairwoman", "chair", "chairperson", "head", "president"],
  leader: ["leader", "head", "chairman", "president", "chief", "led", "leads"],
  president: ["president", "chairman", "head", "leader"],
  minister: ["minister"],
  secretary: ["secretary"],
  director: ["director", "head"],
  chief: ["chief", "head", "chairman"],
  chairs: ["chairman", "chairwoman", "chair", "chairperson", "chairs", "head", "president"],
  heads: ["head", "heads", "headed", "chairman", "chairwoman", "chair", "leader", "president", "chief"],
  leads: ["leader", "leads", "led", "head", "heads", "headed", "chairman", "president"],
  runs: ["head", "chairman", "minister", "director", "leader", "runs", "president"],
};

/** Topics that are never about the articles: asked, they are out of scope even when a place matches. */
export const OFF_TOPIC: ReadonlySet<string> = new Set(
  (
    "weather forecast rain snow temperature sunny joke jokes poem poems song songs lyrics recipe recipes cook cooking football soccer " +
    "basketball tennis champions league scores movie movies film films python javascript coding programming " +
    "compile horoscope lottery bitcoin crypto dating restaurant restaurants hotel hotels cafe cafes flight flights airfare " +
    "sightseeing museum museums"
  ).split(" "),
);

/** Greetings and requests that are not questions about the articles ("hello", "write a poem"). */
export const OFF_TOPIC_REQUEST =
  /^(?:(?:hi|hello|hey|hiya|thanks|thank you|good (?:morning|evening|night)|ok|okay|bye|yo)\b[\s!.?,a-z]{0,12}$|(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:write|compose|draw|sing|translate|generate|create|tell\s+me\s+a\s+(?:joke|story|poem)|play|ignore|pretend|act\s+as)\b)/i;
