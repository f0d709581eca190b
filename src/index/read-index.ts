/**
 * Reads what a previous re-index wrote: the manifest and the files of the generation it points at.
 * Used by the answer service to load, and by re-index to carry unchanged articles over. Every file
 * is checked against the manifest, so a damaged or mismatched generation is an `INDEX_CORRUPT`
 * error, never a silently wrong answer.
 */
import fs from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import { AppError } from "../core/errors.js";
import { LexicalIndex } from "./lexical-index.js";
import { ArticleStore } from "./article-store.js";
import { files, generationDir, INDEX_FORMAT, manifestPath, type Manifest } from "./index-files.js";

export type ManifestState = { kind: "missing" } | { kind: "ok"; manifest: Manifest } | { kind: "outdated"; format: string };

const damaged = (indexDir: string, cause: unknown) =>
  new AppError("INDEX_CORRUPT", `The index in ${indexDir} is incomplete or damaged; run \`npm run reindex\`.`, { cause });

/** The manifest, told apart from "no index yet" and "an index in an older format". */
export async function readManifestState(indexDir: string): Promise<ManifestState> {
  let raw: string;
  try {
    raw = await fs.readFile(manifestPath(indexDir), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "missing" };
    throw error;
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(raw) as Manifest;
    if (typeof manifest.generation !== "string") throw new Error("no generation");
  } catch (error) {
    throw new AppError("INDEX_CORRUPT", `The index manifest in ${indexDir} is unreadable; run \`npm run reindex\`.`, { cause: error });
  }
  if (manifest.format !== INDEX_FORMAT) return { kind: "outdated", format: String(manifest.format) };
  return { kind: "ok", manifest };
}

/** The manifest, or null when no index has been built yet. An older format is `INDEX_CORRUPT` with a clear message. */
export async function readManifest(indexDir: string): Promise<Manifest | null> {
  const state = await readManifestState(indexDir);
  if (state.kind === "missing") return null;
  if (state.kind === "outdated") {
    throw new AppError(
      "INDEX_CORRUPT",
      `The index in ${indexDir} was built by an older version of dossier (${state.format}); run \`npm run reindex\` to rebuild it.`,
    );
  }
  return state.manifest;
}

const fileOf = (indexDir: string, manifest: Manifest, name: string) => path.join(generationDir(indexDir, manifest.generation), name);

/**
 * Article texts, spans and the chunk table of the manifest's generation. With `textsOnDisk` (the
 * answer service) the texts stay in the file and are read when quoted; re-index reads them whole.
 */
export async function readStore(indexDir: string, manifest: Manifest, options: { textsOnDisk?: boolean } = {}): Promise<ArticleStore> {
  try {
    const file = fileOf(indexDir, manifest, files.store);
    const store = options.textsOnDisk === true ? ArticleStore.open(file) : ArticleStore.decode(await fs.readFile(file));
    if (store.articleCount !== manifest.articles.length || store.labelCount !== manifest.labels) throw new Error("store does not match the manifest");
    return store;
  } catch (error) {
    throw damaged(indexDir, error);
  }
}

/** Chunk embeddings by label (`labels × dimensions` floats). */
export async function readVectors(indexDir: string, manifest: Manifest): Promise<Float32Array> {
  try {
    const bytes = await fs.readFile(fileOf(indexDir, manifest, files.vectors));
    if (bytes.byteLength % 4 !== 0) throw new Error("vector file size is not a multiple of 4");
    // A view when the read buffer is aligned (large reads are), a copy otherwise.
    const vectors =
      bytes.byteOffset % 4 === 0
        ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
        : new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (vectors.length !== manifest.labels * manifest.model.dimensions) throw new Error("vector count mismatch");
    return vectors;
  } catch (error) {
    throw damaged(indexDir, error);
  }
}

/** Rows read per step when quantising, so the float file is never held whole. */
const QUANTISE_ROWS = 4096;

/**
 * Chunk embeddings by label as int8 directions (each row scaled so its largest component is ±127):
 * a quarter of the floats' memory, and cosine similarity — all the answer service computes from
 * them — does not depend on a row's scale. The float file is streamed, never held whole.
 */
export async function readDirections(indexDir: string, manifest: Manifest): Promise<Int8Array> {
  const dims = manifest.model.dimensions;
  const out = new Int8Array(manifest.labels * dims);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(fileOf(indexDir, manifest, files.vectors), "r");
    if ((await handle.stat()).size !== out.length * 4) throw new Error("vector count mismatch");
    const rows = new Float32Array(QUANTISE_ROWS * dims);
    const bytes = new Uint8Array(rows.buffer);
    for (let first = 0; first < manifest.labels; first += QUANTISE_ROWS) {
      const count = Math.min(QUANTISE_ROWS, manifest.labels - first);
      const { bytesRead } = await handle.read(bytes, 0, count * dims * 4, first * dims * 4);
      if (bytesRead !== count * dims * 4) throw new Error("vector file ended early");
      for (let r = 0; r < count; r++) {
        let max = 0;
        for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(rows[r * dims + i] ?? 0));
        const scale = max === 0 ? 0 : 127 / max;
        for (let i = 0; i < dims; i++) out[(first + r) * dims + i] = Math.round((rows[r * dims + i] ?? 0) * scale);
      }
    }
    return out;
  } catch (error) {
    throw damaged(indexDir, error);
  } finally {
    await handle?.close();
  }
}

export async function readLexical(indexDir: string, manifest: Manifest): Promise<LexicalIndex> {
  try {
    const lexical = LexicalIndex.decode(await fs.readFile(fileOf(indexDir, manifest, files.lexical)));
    if (lexical.size !== manifest.labels || lexical.live !== manifest.chunks) throw new Error("lexical index does not match the manifest");
    return lexical;
  } catch (error) {
    throw damaged(indexDir, error);
  }
}

/** The HNSW graph (cosine), or null for an empty index. */
export async function readHnsw(indexDir: string, manifest: Manifest): Promise<hnswlib.HierarchicalNSW | null> {
  if (manifest.labels === 0) return null;
  try {
    const hnsw = new hnswlib.HierarchicalNSW("cosine", manifest.model.dimensions);
    await hnsw.readIndex(fileOf(indexDir, manifest, files.hnsw));
    if (hnsw.getCurrentCount() !== manifest.labels) throw new Error("graph does not match the manifest");
    return hnsw;
  } catch (error) {
    throw damaged(indexDir, error);
  }
}
