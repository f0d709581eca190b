import { describe, expect, it } from "vitest";
import { LexicalIndex, lexicalKeys } from "../../src/index/lexical-index.js";

const DOCS = [
  "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared his views on cooperation.",
  "Azerbaijan’s Minister of Labor Sahil Babayev called for cementing ties with Iranian labor unions.",
  "The weather in Geneva was sunny and warm during the conference week.",
  "Labour rights and labour law were discussed at length by the labour ministry.",
  "Fishermen sold fish at the harbour market on Sunday morning.",
];

const bytesOf = (index: LexicalIndex) => Buffer.concat(index.encode());
const roundTrip = (index: LexicalIndex) => LexicalIndex.decode(bytesOf(index));

describe("LexicalIndex", () => {
  const index = LexicalIndex.build(DOCS);

  it("finds transliterated names through consonant skeletons", () => {
    expect(index.search("Dzhumadilde", 3).map((h) => h.doc)).toEqual([0]);
    expect(index.search("Babaev", 3).map((h) => h.doc)).toEqual([1]);
    expect(index.search("Sahel Babaev", 3)[0]?.doc).toBe(1);
    // And the other way round: the article spelling finds a document with the other spelling.
    const reverse = LexicalIndex.build(["Talks with Dzhumadilde and Babaev ended.", "Unrelated text about fishing."]);
    expect(reverse.search("Jumadilde", 2).map((h) => h.doc)).toEqual([0]);
    expect(reverse.search("Babayev", 2).map((h) => h.doc)).toEqual([0]);
  });

  it("folds British and American spellings and inflections", () => {
    expect(index.search("labour", 5).map((h) => h.doc).sort()).toEqual([1, 3]);
    expect(index.search("labor", 5)).toEqual(index.search("labour", 5));
    expect(index.search("harbor", 5).map((h) => h.doc)).toEqual([4]);
    expect(lexicalKeys("labour").words).toEqual(lexicalKeys("labor").words);
    expect(index.search("cooperating", 5).map((h) => h.doc)).toEqual([0]);
  });

  it("ranks by BM25: more and rarer matches first, an exact spelling above a fuzzy one", () => {
    const hits = index.search("labour ministry", 5);
    expect(hits[0]?.doc).toBe(3);
    expect(hits.map((h) => h.doc)).toContain(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);

    const spellings = LexicalIndex.build(["Minister Babayev spoke at the meeting.", "Minister Babaev spoke at the meeting."]);
    const ranked = spellings.search("Babaev", 2);
    expect(ranked.map((h) => h.doc)).toEqual([1, 0]);
    expect(ranked[0]?.score ?? 0).toBeGreaterThan(ranked[1]?.score ?? 0);

    expect(index.search("Geneva weather conference", 1)[0]?.doc).toBe(2);
  });

  it("honours k and the allow filter, and ignores stopwords and unknown words", () => {
    expect(index.search("labour", 1)).toHaveLength(1);
    expect(index.search("labour", 5, (doc) => doc !== 3).map((h) => h.doc)).toEqual([1]);
    expect(index.search("the of and who", 5)).toEqual([]);
    expect(index.search("zzzqx", 5)).toEqual([]);
    expect(index.search("", 5)).toEqual([]);
    expect(LexicalIndex.build([]).search("labour", 5)).toEqual([]);
  });

  it("round-trips through JSON with identical search results, sizes and idf", () => {
    const copy = roundTrip(index);
    expect(copy.size).toBe(index.size);
    expect(copy.size).toBe(DOCS.length);
    for (const q of ["Dzhumadilde", "Babaev", "labour", "labour ministry", "Geneva weather", "harbor fish", "Kyrgyzstan unions"]) {
      expect(copy.search(q, 10)).toEqual(index.search(q, 10));
    }
    expect(copy.idf("labor")).toBe(index.idf("labor"));
    expect(copy.has("skeletons", "jmdld")).toBe(true);
    expect(bytesOf(copy)).toEqual(bytesOf(index));
  });

  it("round-trips documents without indexable words (empty chunks keep their slot)", () => {
    const withEmpty = LexicalIndex.build(["", "the of and", "trade unions", ""]);
    const copy = roundTrip(withEmpty);
    expect(copy.size).toBe(4);
    expect(copy.search("unions", 5)).toEqual(withEmpty.search("unions", 5));
    expect(copy.search("unions", 5).map((h) => h.doc)).toEqual([2]);
  });

  it("is not confused by words that are Object.prototype property names", () => {
    const tricky = LexicalIndex.build(["The constructor of the bridge and the toString factory.", "Unions met."]);
    expect(tricky.search("constructor", 2).map((h) => h.doc)).toEqual([0]);
    expect(LexicalIndex.build(["Unions met."]).search("constructor valueOf hasOwnProperty", 2)).toEqual([]);
    const copy = roundTrip(tricky);
    expect(copy.search("constructor toString", 2)).toEqual(tricky.search("constructor toString", 2));
  });

  describe("update (what a re-index does instead of rebuilding)", () => {
    const QUERIES = ["Dzhumadilde", "Babaev", "labour", "labour ministry", "Geneva weather", "harbor fish", "Kyrgyzstan unions", "Riga port strike"];
    const EXTRA = ["Dockers in Riga went on strike at the port.", "The labour ministry of Latvia answered the strike."];

    it("adding documents scores exactly like building from all texts", () => {
      const updated = LexicalIndex.update(index, { docs: DOCS.length + 2, live: DOCS.length + 2, add: EXTRA.map((text, i) => ({ doc: DOCS.length + i, text })) });
      const built = LexicalIndex.build([...DOCS, ...EXTRA]);
      for (const q of QUERIES) expect(updated.search(q, 10)).toEqual(built.search(q, 10));
      expect(bytesOf(updated)).toEqual(bytesOf(built));
    });

    it("removed documents leave holes that never match, and idf counts only live documents", () => {
      const remap = Int32Array.from([0, -1, 2, 3, 4]);
      const holed = LexicalIndex.update(index, { docs: 5, live: 4, remap, add: [] });
      expect(holed.size).toBe(5);
      expect(holed.search("Babaev", 5)).toEqual([]);
      expect(holed.has("skeletons", "bbv")).toBe(false);
      // Same scores as an index of the four remaining texts, shifted to their old slots.
      const four = LexicalIndex.build(DOCS.filter((_, i) => i !== 1));
      const slot = [0, 2, 3, 4];
      for (const q of QUERIES) {
        expect(holed.search(q, 10)).toEqual(four.search(q, 10).map((h) => ({ doc: slot[h.doc], score: h.score })));
      }
      expect(roundTrip(holed).search("labour", 10)).toEqual(holed.search("labour", 10));
    });

    it("compaction renumbers documents densely and keeps scores", () => {
      const compacted = LexicalIndex.update(index, { docs: 5, live: 5, remap: Int32Array.from([0, -1, 1, 2, 3]), add: [{ doc: 4, text: EXTRA[0] ?? "" }] });
      const built = LexicalIndex.build([DOCS[0], DOCS[2], DOCS[3], DOCS[4], EXTRA[0]].map((t) => t ?? ""));
      for (const q of QUERIES) expect(compacted.search(q, 10)).toEqual(built.search(q, 10));
      expect(compacted.size).toBe(5);
    });

    it("refuses new documents placed before kept ones (postings must stay sorted)", () => {
      expect(() => LexicalIndex.update(index, { docs: 6, live: 6, add: [{ doc: 0, text: "labour" }] })).toThrow(/after the kept ones/);
    });
  });

  it("decode rejects damaged bytes with an error instead of misreading them", () => {
    const bytes = bytesOf(index);
    expect(() => LexicalIndex.decode(bytes.subarray(0, bytes.length - 8))).toThrow();
    const wrongKind = Buffer.from(bytes);
    wrongKind.write("DSSECT9", 0);
    expect(() => LexicalIndex.decode(wrongKind)).toThrow(/section file/);
  });
});
