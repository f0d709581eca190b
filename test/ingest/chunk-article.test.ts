import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkArticle } from "../../src/ingest/chunk-article.js";
import { splitSentences, type Span } from "../../src/text/split-sentences.js";
import { CORPUS_DIR } from "../helpers/temp-dirs.js";
import { KYRGYZ_ARTICLE, TEHRAN_ARTICLE } from "../helpers/articles.js";

function longArticle(sentenceCount: number): { id: string; text: string } {
  const parts: string[] = [];
  for (let i = 0; i < sentenceCount; i++) {
    parts.push(`Sentence number ${i} talks about union ${i} and its ${"very ".repeat(i % 7)}long agenda.`);
    if (i % 5 === 4) parts.push("\n\n");
    else parts.push(" ");
  }
  return { id: "long.md", text: parts.join("") };
}

/** Which sentences each chunk holds (by index), checking the chunk starts and ends on sentence edges. */
function sentenceIndexes(chunk: { start: number; end: number }, spans: readonly Span[]): number[] {
  const first = spans.findIndex((s) => s.start === chunk.start);
  const last = spans.findIndex((s) => s.end === chunk.end);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last).toBeGreaterThanOrEqual(first);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

describe("chunkArticle", () => {
  it("keeps offsets: chunk.text is exactly the article slice, with ids and indexes in order", () => {
    const article = longArticle(40);
    const spans = splitSentences(article.text);
    const chunks = chunkArticle(article, spans, { targetChars: 300 });
    expect(chunks.length).toBeGreaterThan(3);
    chunks.forEach((c, i) => {
      expect(c.text).toBe(article.text.slice(c.start, c.end));
      expect(c.index).toBe(i);
      expect(c.id).toBe(`long.md::${i}`);
      expect(c.articleId).toBe("long.md");
    });
  });

  it("covers every sentence, in order, with the configured overlap between neighbours", () => {
    const article = longArticle(40);
    const spans = splitSentences(article.text);
    for (const overlap of [0, 1, 2]) {
      const chunks = chunkArticle(article, spans, { targetChars: 300, overlapSentences: overlap });
      const held = chunks.map((c) => sentenceIndexes(c, spans));
      expect(new Set(held.flat())).toEqual(new Set(spans.map((_, i) => i)));
      expect(held[0]?.[0]).toBe(0);
      expect(held.at(-1)?.at(-1)).toBe(spans.length - 1);
      for (let i = 1; i < held.length; i++) {
        const prev = held[i - 1] ?? [];
        const cur = held[i] ?? [];
        const shared = cur.filter((s) => prev.includes(s)).length;
        // Each chunk moves forward, repeating at most `overlap` sentences of the previous one.
        expect(cur[0]).toBeGreaterThan(prev[0] ?? -1);
        expect(shared).toBe(Math.min(overlap, prev.length - 1));
        expect(cur[0]).toBeLessThanOrEqual((prev.at(-1) ?? 0) + 1);
      }
    }
  });

  it("bounds chunk size by the target; an over-long sentence becomes its own chunk", () => {
    const article = longArticle(60);
    const spans = splitSentences(article.text);
    const chunks = chunkArticle(article, spans, { targetChars: 250 });
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(250);
      expect(c.text.length).toBeGreaterThan(0);
    }

    const giant = `Short opener. ${"A very long clause about labour rights, ".repeat(40)}end of the giant sentence. Short closer.`;
    const giantSpans = splitSentences(giant);
    expect(giantSpans).toHaveLength(3);
    const giantChunks = chunkArticle({ id: "g", text: giant }, giantSpans, { targetChars: 200 });
    const giantSentence = giantSpans[1];
    expect(giantChunks.some((c) => c.start === giantSentence?.start && c.end === giantSentence.end)).toBe(true);
    for (const c of giantChunks) {
      if (c.end - c.start > 200) expect(sentenceIndexes(c, giantSpans)).toEqual([1]);
    }
    expect(new Set(giantChunks.flatMap((c) => sentenceIndexes(c, giantSpans)))).toEqual(new Set([0, 1, 2]));
  });

  // BUG (src/ingest/chunk-article.ts:41): after a chunk closes, the next one starts `overlap`
  // sentences back even when the sentence after the chunk does not fit with them; the overlap
  // sentence then becomes a chunk of its own that is wholly inside the previous chunk (a duplicate
  // chunk: embedded, indexed and retrievable twice). Sentences of 100, 100 and 650 characters with
  // the default target 700 give chunks [s0 s1], [s1], [s2]; expected [s0 s1], [s2] (or [s1 s2]
  // only if it fits). Remove `.fails` once fixed.
  it("never makes a chunk that adds no sentence beyond the previous chunk", () => {
    const text = `${"A".repeat(99)}. ${"B".repeat(99)}. C${"c".repeat(648)}.`;
    const spans = splitSentences(text);
    expect(spans.map((s) => s.end - s.start)).toEqual([100, 100, 650]);
    const chunks = chunkArticle({ id: "x", text }, spans);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]?.end ?? 0).toBeGreaterThan(chunks[i - 1]?.end ?? 0);
    }
  });

  it("makes no chunk for an article without sentences, and one chunk for a short one", () => {
    expect(chunkArticle({ id: "empty", text: "" }, [])).toEqual([]);
    const text = "Only one sentence here.";
    const chunks = chunkArticle({ id: "one", text }, splitSentences(text));
    expect(chunks).toEqual([{ id: "one::0", articleId: "one", index: 0, start: 0, end: text.length, text }]);
  });

  it("chunks the bundled articles with the defaults: exact slices within ~700 characters", async () => {
    for (const name of [KYRGYZ_ARTICLE, TEHRAN_ARTICLE]) {
      const raw = await fs.readFile(path.join(CORPUS_DIR, name), "utf8");
      const text = raw.replace(/^---\n[\s\S]*?\n---\n/, "");
      const spans = splitSentences(text);
      const chunks = chunkArticle({ id: name, text }, spans);
      expect(chunks.length).toBeGreaterThan(1);
      for (const c of chunks) {
        expect(c.text).toBe(text.slice(c.start, c.end));
        const held = sentenceIndexes(c, spans);
        if (held.length > 1) expect(c.end - c.start).toBeLessThanOrEqual(700);
      }
      expect(new Set(chunks.flatMap((c) => sentenceIndexes(c, spans))).size).toBe(spans.length);
    }
  });
});
