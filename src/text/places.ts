/**
 * Country names, their adjectives and demonyms, and capitals and large cities, folded to lower
 * case: "georgia", "kyrgyz", "azeri", "baku" are places whether or not a user capitalises them. A
 * question that names a place asks about that place, so an answer must be about it too.
 */

/** Country → other names, adjectives and demonyms (lower case). */
const COUNTRIES: Record<string, string[]> = {
  afghanistan: ["afghan", "afghans"],
  albania: ["albanian", "albanians"],
  algeria: ["algerian", "algerians"],
  argentina: ["argentine", "argentinian", "argentinians"],
  armenia: ["armenian", "armenians"],
  australia: ["australian", "australians"],
  austria: ["austrian", "austrians"],
  azerbaijan: ["azerbaijani", "azerbaijanis", "azeri", "azeris", "azerbaycan", "azərbaycan"],
  bahrain: ["bahraini"],
  bangladesh: ["bangladeshi", "bangladeshis"],
  belarus: ["belarusian", "belarusians", "belorussia"],
  belgium: ["belgian", "belgians"],
  bosnia: ["bosnian", "bosnians", "herzegovina"],
  brazil: ["brazilian", "brazilians"],
  bulgaria: ["bulgarian", "bulgarians"],
  canada: ["canadian", "canadians"],
  chile: ["chilean", "chileans"],
  china: ["chinese", "prc"],
  colombia: ["colombian", "colombians"],
  croatia: ["croatian", "croatians", "croats"],
  cuba: ["cuban", "cubans"],
  cyprus: ["cypriot", "cypriots"],
  czechia: ["czech", "czechs"],
  denmark: ["danish", "danes"],
  egypt: ["egyptian", "egyptians"],
  estonia: ["estonian", "estonians"],
  ethiopia: ["ethiopian", "ethiopians"],
  finland: ["finnish", "finns"],
  france: ["french"],
  georgia: ["georgian", "georgians", "sakartvelo"],
  germany: ["german", "germans"],
  greece: ["greek", "greeks"],
  hungary: ["hungarian", "hungarians"],
  india: ["indian", "indians"],
  indonesia: ["indonesian", "indonesians"],
  iran: ["iranian", "iranians", "persia"],
  iraq: ["iraqi", "iraqis"],
  ireland: ["irish"],
  israel: ["israeli", "israelis"],
  italy: ["italian", "italians"],
  japan: ["japanese"],
  jordan: ["jordanian", "jordanians"],
  kazakhstan: ["kazakh", "kazakhs", "kazakhstani", "qazaqstan"],
  kenya: ["kenyan", "kenyans"],
  korea: ["korean", "koreans"],
  kuwait: ["kuwaiti", "kuwaitis"],
  kyrgyzstan: ["kyrgyz", "kirghiz", "kirgiz", "kyrgyzstani", "kirgizia", "kyrgyzia"],
  latvia: ["latvian", "latvians"],
  lebanon: ["lebanese"],
  libya: ["libyan", "libyans"],
  lithuania: ["lithuanian", "lithuanians"],
  malaysia: ["malaysian", "malaysians"],
  mexico: ["mexican", "mexicans"],
  moldova: ["moldovan", "moldovans"],
  mongolia: ["mongolian", "mongolians"],
  morocco: ["moroccan", "moroccans"],
  netherlands: ["dutch", "holland"],
  nigeria: ["nigerian", "nigerians"],
  norway: ["norwegian", "norwegians"],
  oman: ["omani", "omanis"],
  pakistan: ["pakistani", "pakistanis"],
  palestine: ["palestinian", "palestinians"],
  philippines: ["filipino", "filipinos", "philippine"],
  poland: ["polish", "poles"],
  portugal: ["portuguese"],
  qatar: ["qatari", "qataris"],
  romania: ["romanian", "romanians"],
  russia: ["russian", "russians"],
  "saudi arabia": ["saudi", "saudis"],
  serbia: ["serbian", "serbians", "serbs"],
  slovakia: ["slovak", "slovaks"],
  slovenia: ["slovenian", "slovenians"],
  "south africa": ["south african", "south africans"],
  spain: ["spanish", "spaniards"],
  sweden: ["swedish", "swedes"],
  switzerland: ["swiss"],
  syria: ["syrian", "syrians"],
  tajikistan: ["tajik", "tajiks", "tadjik", "tajikistani"],
  thailand: ["thai"],
  tunisia: ["tunisian", "tunisians"],
  turkey: ["turkish", "turks", "turkiye", "türkiye"],
  turkmenistan: ["turkmen", "turkmens"],
  ukraine: ["ukrainian", "ukrainians"],
  "united arab emirates": ["uae", "emirati", "emiratis"],
  "united kingdom": ["uk", "britain", "british", "england"],
  "united states": ["usa", "american", "americans", "america"],
  uzbekistan: ["uzbek", "uzbeks", "uzbekistani"],
  venezuela: ["venezuelan", "venezuelans"],
  vietnam: ["vietnamese"],
  yemen: ["yemeni", "yemenis"],
};

/** City → country. */
const CITIES: Record<string, string> = {
  baku: "azerbaijan",
  ganja: "azerbaijan",
  sumgait: "azerbaijan",
  nakhchivan: "azerbaijan",
  tehran: "iran",
  tabriz: "iran",
  mashhad: "iran",
  isfahan: "iran",
  bishkek: "kyrgyzstan",
  osh: "kyrgyzstan",
  ankara: "turkey",
  istanbul: "turkey",
  izmir: "turkey",
  soma: "turkey",
  astana: "kazakhstan",
  almaty: "kazakhstan",
  "nur-sultan": "kazakhstan",
  tashkent: "uzbekistan",
  samarkand: "uzbekistan",
  dushanbe: "tajikistan",
  ashgabat: "turkmenistan",
  moscow: "russia",
  "st petersburg": "russia",
  tbilisi: "georgia",
  yerevan: "armenia",
  kyiv: "ukraine",
  kiev: "ukraine",
  minsk: "belarus",
  geneva: "switzerland",
  zurich: "switzerland",
  bern: "switzerland",
  paris: "france",
  london: "united kingdom",
  berlin: "germany",
  brussels: "belgium",
  rome: "italy",
  madrid: "spain",
  vienna: "austria",
  copenhagen: "denmark",
  melbourne: "australia",
  sydney: "australia",
  beijing: "china",
  tokyo: "japan",
  delhi: "india",
  "new delhi": "india",
  dubai: "united arab emirates",
  doha: "qatar",
  riyadh: "saudi arabia",
  cairo: "egypt",
  washington: "united states",
  "new york": "united states",
};

const byName = new Map<string, string>();
for (const [country, names] of Object.entries(COUNTRIES)) {
  byName.set(country, country);
  for (const n of names) byName.set(n, country);
}
for (const [city, country] of Object.entries(CITIES)) byName.set(city, country);

/**
 * Adjectives and demonyms ("iranian", "kyrgyz", "turks"): they say whose something is, not where
 * it happened. Told apart from other names of a country ("türkiye", "azərbaycan", "holland") by
 * their endings, with the few that end otherwise listed.
 */
const ADJECTIVE_ENDING = /(?:an|ans|ese|ish|i|is|ic|ot|ots|ch|chs|z|k|ks|h|hs|s)$/;
const NOT_ADJECTIVES = new Set(["azerbaycan", "azərbaycan", "qazaqstan", "uk", "usa", "uae", "prc"]);
const ALSO_ADJECTIVES = ["turkmen", "filipino", "philippine", "argentine"];
const adjectives = new Set<string>(ALSO_ADJECTIVES);
for (const [country, names] of Object.entries(COUNTRIES)) for (const n of names) if (n !== country && ADJECTIVE_ENDING.test(n) && !NOT_ADJECTIVES.has(n)) adjectives.add(n);

/** True when the lower-case word is a country's adjective or demonym ("bulgarian", "chinese"), not a place name. */
export function isCountryAdjective(name: string): boolean {
  return adjectives.has(name.toLowerCase());
}

/** Names of several words, longest first, for phrase lookups. */
const PHRASES = [...byName.keys()].filter((n) => n.includes(" ")).sort((a, b) => b.length - a.length);

/** The country a lower-case place word (or phrase) belongs to, or null when it is not a known place. */
export function countryOf(name: string): string | null {
  return byName.get(name.toLowerCase()) ?? null;
}

/** True when the lower-case word or phrase is a known city (not a country or demonym). */
export function isCity(name: string): boolean {
  return Object.hasOwn(CITIES, name.toLowerCase());
}

/** True when the lower-case word or phrase is a known country, demonym or city. */
export function isPlace(name: string): boolean {
  return byName.has(name.toLowerCase());
}

/** The known place names in a normalised, lower-case text, in order of appearance (phrases first). */
export function placesIn(text: string): string[] {
  const found: { at: number; name: string }[] = [];
  // Punctuation and hyphens separate names ("united states,", "azerbaijan-iran"); "nur-sultan" is looked up whole too.
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) if (byName.has(m[0])) found.push({ at: m.index + 1, name: m[0] });
  let rest = ` ${lower.replace(/[^\p{L}\p{N}'’]+/gu, " ")} `;
  for (const phrase of PHRASES) {
    let at = rest.indexOf(` ${phrase} `);
    while (at >= 0) {
      found.push({ at, name: phrase });
      rest = `${rest.slice(0, at + 1)}${" ".repeat(phrase.length)}${rest.slice(at + 1 + phrase.length)}`;
      at = rest.indexOf(` ${phrase} `);
    }
  }
  for (const m of rest.matchAll(/\p{L}+/gu)) if (byName.has(m[0]) && !found.some((f) => f.name.includes("-") && f.at <= m.index && m.index < f.at + f.name.length)) found.push({ at: m.index, name: m[0] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

/** First words of the place names of several words ("united", "new", "saudi"). */
const PHRASE_STARTS = new Set(PHRASES.map((p) => p.split(" ")[0] ?? ""));

/** Longest place name, in words. */
const MAX_WORDS = Math.max(...[...byName.keys()].map((n) => n.split(" ").length));

/**
 * The known place names among normalised word tokens, in order (several-word names first at each
 * position): the fast path for text that is already tokenised.
 */
export function placesInTerms(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    // Most words start no place name of several words: look them up alone.
    const longest = PHRASE_STARTS.has(terms[i] ?? "") ? Math.min(MAX_WORDS, terms.length - i) : 1;
    for (let n = longest; n >= 1; n--) {
      const name = n === 1 ? (terms[i] ?? "") : terms.slice(i, i + n).join(" ");
      if (byName.has(name)) {
        out.push(name);
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** Canonical country names, e.g. for "which countries are mentioned?". */
export const COUNTRY_NAMES: readonly string[] = Object.keys(COUNTRIES);
