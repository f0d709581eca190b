/**
 * The article store file: what the writer puts in comes back byte for byte, whether the whole file
 * is decoded in memory (re-index) or opened with the texts left on disk (answer service).
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ArticleStore, ArticleStoreWriter } from "../../src/index/article-store.js";
import { splitSentences } from "../../src/text/split-sentences.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const dirs = tempDirs("store");
afterAll(() => dirs.cleanup());

const TEXTS = [
  "Azerbaijan’s Minister of Labor Sahil Babayev met Iran’s minister — in Geneva. They signed nothing.",
  "Ədalət və əmək: Azərbaycan həmkarlar ittifaqları. Второе предложение по-русски.",
  "",
  "Short.",
];
const key = (text: string) => createHash("sha256").update(text).digest("hex");

async function writeStore(): Promise<{ file: string; bytes: Buffer }> {
  const writer = new ArticleStoreWriter();
  for (const text of TEXTS) writer.addArticle(text, splitSentences(text), key(text));
  writer.setChunks({
    article: Int32Array.from([0, 0, -1, 1, 3]),
    index: Uint32Array.from([0, 1, 0, 0, 0]),
    start: Uint32Array.from([0, 40, 0, 0, 0]),
    end: Uint32Array.from([60, 98, 0, 50, 6]),
  });
  const bytes = Buffer.concat(writer.encode());
  const file = path.join(await dirs.make("file"), "store.bin");
  await fs.writeFile(file, bytes);
  return { file, bytes };
}

describe("article store", () => {
  it("decoded in memory and opened with texts on disk, it returns exactly what was written", async () => {
    const { file, bytes } = await writeStore();
    for (const store of [ArticleStore.decode(bytes), ArticleStore.open(file)]) {
      expect(store.articleCount).toBe(TEXTS.length);
      expect(store.labelCount).toBe(5);
      TEXTS.forEach((text, i) => {
        expect(store.text(i)).toBe(text);
        expect(store.spans(i)).toEqual(splitSentences(text));
        expect(store.duplicateKey(i)).toBe(key(text));
      });
      expect(Array.from(store.chunkArticle)).toEqual([0, 0, -1, 1, 3]);
      expect(Array.from(store.chunkEnd)).toEqual([60, 98, 0, 50, 6]);
    }
  });

  it("copies articles byte for byte into a new store", async () => {
    const { bytes } = await writeStore();
    const from = ArticleStore.decode(bytes);
    const writer = new ArticleStoreWriter();
    writer.copyArticle(from, 1);
    writer.addArticle("New one.", splitSentences("New one."), key("New one."));
    const copy = ArticleStore.decode(Buffer.concat(writer.encode()));
    expect(copy.text(0)).toBe(TEXTS[1]);
    expect(copy.duplicateKey(0)).toBe(key(TEXTS[1] ?? ""));
    expect(copy.text(1)).toBe("New one.");
    expect(copy.labelCount).toBe(0);
  });

  it("an opened store keeps reading after its file is deleted (a re-index pruned the generation)", async () => {
    const { file } = await writeStore();
    const store = ArticleStore.open(file);
    await fs.rm(file);
    expect(store.text(0)).toBe(TEXTS[0]);
  });

  it("refuses a truncated or foreign file with an error, never misreads it", async () => {
    const { file, bytes } = await writeStore();
    expect(() => ArticleStore.decode(bytes.subarray(0, bytes.length - 8))).toThrow();
    await fs.writeFile(file, bytes.subarray(0, bytes.length - 8));
    expect(() => ArticleStore.open(file)).toThrow(/bytes, expected/);
    await fs.writeFile(file, "just text, not a store");
    expect(() => ArticleStore.open(file)).toThrow(/not a dossier section file/);
  });
});
