/**
 * The article texts, sentence spans and chunk table of an index generation, in one section file
 * (`store.bin`). Texts stay UTF-8 bytes until an article is actually quoted, so a large index
 * costs a read and a few typed arrays, not a heap of strings; a re-index copies unchanged
 * articles' bytes across without decoding them.
 *
 * Article ordinal i is `manifest.articles[i]`. Chunks are addressed by label (the HNSW label and
 * the lexical document number); a label whose article is -1 is a hole left by a removed article.
 */
import fs from "node:fs";
import type { Span } from "../core/passage.js";
import { decodeSections, encodeSections, openSections, readExactly, type DecodedSections } from "./section-file.js";

const FILE_KIND = "dossier-store/1";
const KEY_BYTES = 32;

/** The chunk table as columns indexed by label. */
export interface ChunkColumns {
  /** Article ordinal, or -1 for a hole. */
  article: Int32Array;
  /** Position of the chunk within its article. */
  index: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
}

/** Where article bytes come from: memory, or the store file itself. */
interface TextBytes {
  readonly length: number;
  read(start: number, end: number): Uint8Array;
  /** Releases the file, if any; reads fail afterwards. */
  close(): void;
}

export class ArticleStore {
  private constructor(
    private readonly textOffsets: Float64Array,
    private readonly texts: TextBytes,
    private readonly spanOffsets: Uint32Array,
    private readonly spanData: Uint32Array,
    private readonly keys: Uint8Array,
    /** By label: article ordinal or -1. */
    readonly chunkArticle: Int32Array,
    readonly chunkIndex: Uint32Array,
    readonly chunkStart: Uint32Array,
    readonly chunkEnd: Uint32Array,
  ) {}

  get articleCount(): number {
    return this.textOffsets.length - 1;
  }

  /** Closes the store file when texts were left on disk (`open`); a no-op for an in-memory store. */
  close(): void {
    this.texts.close();
  }

  /** Chunk slots, holes included. */
  get labelCount(): number {
    return this.chunkArticle.length;
  }

  /** The UTF-8 bytes of article `ordinal` (a view when the store is in memory). */
  textBytes(ordinal: number): Uint8Array {
    return this.texts.read(this.textOffsets[ordinal] ?? 0, this.textOffsets[ordinal + 1] ?? 0);
  }

  text(ordinal: number): string {
    const bytes = this.textBytes(ordinal);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  }

  /** Flat `[start0, end0, start1, end1, …]` character offsets of the article's sentences (a view). */
  spanArray(ordinal: number): Uint32Array {
    return this.spanData.subarray(this.spanOffsets[ordinal] ?? 0, this.spanOffsets[ordinal + 1] ?? 0);
  }

  spans(ordinal: number): Span[] {
    const flat = this.spanArray(ordinal);
    const spans: Span[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) spans.push({ start: flat[i] ?? 0, end: flat[i + 1] ?? 0 });
    return spans;
  }

  /** The duplicate-detection key of the article's text (hex sha-256), kept so reused files need not be read. */
  duplicateKey(ordinal: number): string {
    const bytes = this.duplicateKeyBytes(ordinal);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
  }

  /** The same key as raw bytes (a view). */
  duplicateKeyBytes(ordinal: number): Uint8Array {
    return this.keys.subarray(ordinal * KEY_BYTES, (ordinal + 1) * KEY_BYTES);
  }

  /** Reads a store file held in memory; the arrays are views of `bytes`. Throws a plain `Error` naming what is wrong. */
  static decode(bytes: Uint8Array): ArticleStore {
    const file = decodeSections(bytes, FILE_KIND);
    const texts = file.section("texts", "u8");
    return ArticleStore.check(file, { length: texts.length, read: (start, end) => texts.subarray(start, end), close: () => undefined });
  }

  /**
   * Opens a store file with the article texts left on disk: they are read (a few KB, from the page
   * cache) when an article is quoted, so memory does not grow with the corpus' text. The file stays
   * readable even after a re-index prunes it, until `close()`.
   */
  static open(file: string): ArticleStore {
    const { sections, onDisk, fd } = openSections(file, FILE_KIND, ["texts"]);
    try {
      const texts = onDisk.texts;
      if (texts === undefined) throw new Error("missing section texts");
      let open = true;
      return ArticleStore.check(sections, {
        length: texts.length,
        read: (start, end) => {
          if (!open) throw new Error("the article store is closed");
          return readExactly(fd, Buffer.allocUnsafe(end - start), texts.offset + start);
        },
        close: () => {
          if (!open) return;
          open = false;
          fs.closeSync(fd);
        },
      });
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  private static check(file: DecodedSections, texts: TextBytes): ArticleStore {
    const store = new ArticleStore(
      file.section("textOffsets", "f64"),
      texts,
      file.section("spanOffsets", "u32"),
      file.section("spans", "u32"),
      file.section("keys", "u8"),
      file.section("chunkArticle", "i32"),
      file.section("chunkIndex", "u32"),
      file.section("chunkStart", "u32"),
      file.section("chunkEnd", "u32"),
    );
    const n = store.articleCount;
    const labels = store.labelCount;
    if (
      n < 0 ||
      store.spanOffsets.length !== n + 1 ||
      store.keys.length !== n * KEY_BYTES ||
      store.textOffsets[n] !== texts.length ||
      store.spanOffsets[n] !== store.spanData.length ||
      store.chunkIndex.length !== labels ||
      store.chunkStart.length !== labels ||
      store.chunkEnd.length !== labels
    ) {
      throw new Error("inconsistent article store");
    }
    for (const a of store.chunkArticle) if (a < -1 || a >= n) throw new Error("chunk table points at a missing article");
    return store;
  }
}

/** Collects a store's articles and chunk table, then encodes it. */
export class ArticleStoreWriter {
  private readonly textParts: Uint8Array[] = [];
  private readonly textOffsets: number[] = [0];
  private readonly spanParts: Uint32Array[] = [];
  private readonly spanOffsets: number[] = [0];
  private readonly keyParts: Uint8Array[] = [];
  private chunks: ChunkColumns = {
    article: new Int32Array(0),
    index: new Uint32Array(0),
    start: new Uint32Array(0),
    end: new Uint32Array(0),
  };

  get articleCount(): number {
    return this.textOffsets.length - 1;
  }

  /** Adds a new article; returns its ordinal. */
  addArticle(text: string, spans: readonly Span[], duplicateKey: string): number {
    return this.addEncoded(Buffer.from(text, "utf8"), Uint32Array.from(spans.flatMap((s) => [s.start, s.end])), Buffer.from(duplicateKey, "hex"));
  }

  /** Copies article `ordinal` of another store byte for byte; returns its new ordinal. */
  copyArticle(from: ArticleStore, ordinal: number): number {
    return this.addEncoded(from.textBytes(ordinal), from.spanArray(ordinal), from.duplicateKeyBytes(ordinal));
  }

  private addEncoded(text: Uint8Array, spans: Uint32Array, key: Uint8Array): number {
    if (key.length !== KEY_BYTES) throw new Error("duplicate key must be a sha-256");
    this.textParts.push(text);
    this.textOffsets.push((this.textOffsets.at(-1) ?? 0) + text.length);
    this.spanParts.push(spans);
    this.spanOffsets.push((this.spanOffsets.at(-1) ?? 0) + spans.length);
    this.keyParts.push(key);
    return this.articleCount - 1;
  }

  /** Sets the chunk table, one row per label. */
  setChunks(rows: ChunkColumns): void {
    const n = rows.article.length;
    if (rows.index.length !== n || rows.start.length !== n || rows.end.length !== n) throw new Error("chunk columns differ in length");
    this.chunks = rows;
  }

  encode(): Uint8Array[] {
    const concat = (parts: readonly Uint8Array[]) => Buffer.concat(parts);
    const spans = new Uint32Array(this.spanOffsets.at(-1) ?? 0);
    this.spanParts.forEach((part, i) => spans.set(part, this.spanOffsets[i] ?? 0));
    return encodeSections(
      FILE_KIND,
      { articles: this.articleCount, labels: this.chunks.article.length },
      {
        textOffsets: Float64Array.from(this.textOffsets),
        texts: concat(this.textParts),
        spanOffsets: Uint32Array.from(this.spanOffsets),
        spans,
        keys: concat(this.keyParts),
        chunkArticle: this.chunks.article,
        chunkIndex: this.chunks.index,
        chunkStart: this.chunks.start,
        chunkEnd: this.chunks.end,
      },
    );
  }
}
