import { describe, expect, it } from "vitest";
import { COUNTRY_NAMES, countryOf, isCity, isCountryAdjective, isPlace, placesIn } from "../../src/text/places.js";

describe("countryOf", () => {
  it("maps a country to itself", () => {
    expect(countryOf("azerbaijan")).toBe("azerbaijan");
    expect(countryOf("kyrgyzstan")).toBe("kyrgyzstan");
    expect(countryOf("saudi arabia")).toBe("saudi arabia");
  });

  it("maps adjectives, demonyms and other names to their country", () => {
    expect(countryOf("azeri")).toBe("azerbaijan");
    expect(countryOf("azərbaycan")).toBe("azerbaijan");
    expect(countryOf("kyrgyz")).toBe("kyrgyzstan");
    expect(countryOf("georgian")).toBe("georgia");
    expect(countryOf("türkiye")).toBe("turkey");
    expect(countryOf("persia")).toBe("iran");
    expect(countryOf("uk")).toBe("united kingdom");
    expect(countryOf("south african")).toBe("south africa");
  });

  it("maps cities to their country", () => {
    expect(countryOf("baku")).toBe("azerbaijan");
    expect(countryOf("geneva")).toBe("switzerland");
    expect(countryOf("new york")).toBe("united states");
    expect(countryOf("nur-sultan")).toBe("kazakhstan");
  });

  it("ignores case", () => {
    expect(countryOf("BAKU")).toBe("azerbaijan");
    expect(countryOf("Azeri")).toBe("azerbaijan");
    expect(countryOf("Saudi Arabia")).toBe("saudi arabia");
  });

  it("gives null for words that are not known places", () => {
    expect(countryOf("atlantis")).toBeNull();
    expect(countryOf("union")).toBeNull();
    expect(countryOf("")).toBeNull();
    expect(countryOf("constructor")).toBeNull();
    expect(countryOf("united")).toBeNull();
  });
});

describe("isCity and isPlace", () => {
  it("isCity is true for cities only, in any case", () => {
    expect(isCity("baku")).toBe(true);
    expect(isCity("Tehran")).toBe(true);
    expect(isCity("st petersburg")).toBe(true);
    expect(isCity("azerbaijan")).toBe(false);
    expect(isCity("azeri")).toBe(false);
    expect(isCity("toString")).toBe(false);
  });

  it("isPlace is true for countries, demonyms and cities", () => {
    for (const name of ["iran", "Iranian", "TEHRAN", "united arab emirates", "uae"]) expect(isPlace(name)).toBe(true);
    for (const name of ["union", "arabia", "constructor", ""]) expect(isPlace(name)).toBe(false);
  });

  it("lists canonical country names, not demonyms or cities", () => {
    expect(COUNTRY_NAMES).toContain("azerbaijan");
    expect(COUNTRY_NAMES).toContain("united states");
    expect(COUNTRY_NAMES).not.toContain("azeri");
    expect(COUNTRY_NAMES).not.toContain("baku");
    expect(new Set(COUNTRY_NAMES).size).toBe(COUNTRY_NAMES.length);
  });
});

describe("placesIn", () => {
  it("finds several-word names as one place", () => {
    expect(placesIn("talks between the united states and saudi arabia in riyadh")).toEqual(["united states", "saudi arabia", "riyadh"]);
    expect(placesIn("a delegation from the united arab emirates")).toEqual(["united arab emirates"]);
    expect(placesIn("unions in st petersburg and nur-sultan")).toEqual(["st petersburg", "nur-sultan"]);
  });

  it("gives places in order of appearance, repeats included", () => {
    expect(placesIn("baku and tehran then new york and baku")).toEqual(["baku", "tehran", "new york", "baku"]);
    expect(placesIn("united states and the united states")).toEqual(["united states", "united states"]);
  });

  it("prefers the longer phrase and does not count its words again", () => {
    expect(placesIn("south african unions in south africa")).toEqual(["south african", "south africa"]);
    expect(placesIn("new delhi and delhi")).toEqual(["new delhi", "delhi"]);
    expect(placesIn("new yorkers in new york")).toEqual(["new york"]);
  });

  it("folds case itself", () => {
    expect(placesIn("Baku and TEHRAN")).toEqual(["baku", "tehran"]);
  });

  it("does not match names inside other words", () => {
    expect(placesIn("the bakery on romans street")).toEqual([]);
    expect(placesIn("usage of the usa")).toEqual(["usa"]);
    expect(placesIn("the reunited states")).toEqual([]);
    expect(placesIn("the omani consul in romania")).toEqual(["omani", "romania"]);
  });

  it("gives nothing for text without places", () => {
    expect(placesIn("")).toEqual([]);
    expect(placesIn("the union signed a memorandum")).toEqual([]);
  });

  it("finds several-word names next to punctuation, like one-word ones", () => {
    expect(placesIn("baku, tehran.")).toEqual(["baku", "tehran"]);
    expect(placesIn("talks with the united states, and saudi arabia.")).toEqual(["united states", "saudi arabia"]);
  });

  it("finds the places of a hyphenated compound", () => {
    expect(placesIn("the azerbaijan-iran commission")).toEqual(["azerbaijan", "iran"]);
  });
});

describe("isCountryAdjective", () => {
  it("is true for adjectives and demonyms, false for names of countries and cities", () => {
    for (const name of ["iranian", "Bulgarian", "chinese", "kyrgyz", "turks", "qatari", "turkmen"]) expect(isCountryAdjective(name)).toBe(true);
    for (const name of ["iran", "türkiye", "azərbaycan", "uk", "holland", "baku", "union"]) expect(isCountryAdjective(name)).toBe(false);
  });
});
