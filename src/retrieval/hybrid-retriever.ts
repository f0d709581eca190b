/**
 * Hybrid retrieval: dense (HNSW over chunk embeddings) and lexical (BM25 with fuzzy name keys)
 * result lists fused by reciprocal rank, with date preferences and near-duplicate collapsing.
 * `HybridRetriever` is core's `Retriever` over one loaded index: the answer service and the
 * benchmark both use it.
 */
import type { Embedder } from "../core/embedder.js";
import type { Passage } from "../core/passage.js";
import type { OverviewQuery, RetrievalQuery, Retriever } from "../core/retriever.js";
import type { RetrievalFilter } from "../core/types.js";
import type { IndexedChunk, LoadedIndex } from "../index/loaded-index.js";
import { TopK } from "../index/top-k.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";
import { parseDateIntent, passesDateFilter, type DateIntent } from "./date-intent.js";

export interface RetrieveOptions {
  /** Chunks to return after fusion. */
  k?: number;
  /** Candidates taken from each list before fusion. */
  depth?: number;
  filter?: RetrievalFilter;
  dateIntent?: DateIntent;
  /** Articles to favour (e.g. the ones cited in the previous turn of a conversation). */
  boostArticles?: ReadonlySet<string>;
}

export interface RetrievedChunk {
  chunk: IndexedChunk;
  /** Fused score (higher is better). */
  score: number;
  /** Cosine similarity of the chunk to the query, when it was a dense candidate. */
  similarity: number;
  lexicalScore: number;
}

const RRF_K = 60;
/**
 * GloVe averages separate entity-heavy news poorly, so the dense list counts for much less than
 * BM25: it breaks ties and rescues questions without shared words. Measured on the 10k benchmark
 * (recall@1 / @5): weight 0.3 → 43.9 / 76.2 %, 0.1 → 50.8 / 80.5 %, 0 → 54.6 / 80.5 %; `npm run
 * eval` (real articles, paraphrases) is the same 51/61 at 0.3 and 0.1.
 */
const DENSE_WEIGHT = 0.1;

/** Cosine similarity of a query (with precomputed norm) and one stored direction. */
function cosine(query: readonly number[], queryNorm: number, row: Int8Array): number {
  let dot = 0;
  let rowNorm = 0;
  for (let i = 0; i < row.length; i++) {
    const x = row[i] ?? 0;
    dot += x * (query[i] ?? 0);
    rowNorm += x * x;
  }
  return queryNorm === 0 || rowNorm === 0 ? 0 : dot / (queryNorm * Math.sqrt(rowNorm));
}

/** Labels a filter allows, decided once per article and kept in a mask: BM25 asks per posting. */
interface Allowed {
  test: (doc: number) => boolean;
  count: number;
}

function allowFor(index: LoadedIndex, filter: RetrievalFilter | undefined): Allowed | undefined {
  if (filter === undefined) return undefined;
  const sources = filter.sources?.filter((s) => s !== "").map((s) => s.toLowerCase()) ?? [];
  const hasDates = filter.dateFrom !== undefined || filter.dateTo !== undefined;
  if (sources.length === 0 && !hasDates) return undefined;
  const articleOk = index.articles.map((a) => (sources.length === 0 || sources.includes(a.source.toLowerCase())) && passesDateFilter(a.date, filter));
  const mask = new Uint8Array(index.byLabel.length);
  let count = 0;
  index.byLabel.forEach((chunk, label) => {
    if (chunk !== undefined && articleOk[chunk.article.ordinal] === true) {
      mask[label] = 1;
      count++;
    }
  });
  return { test: (doc) => mask[doc] === 1, count };
}

function mergeFilters(a: RetrievalFilter | undefined, b: RetrievalFilter | undefined): RetrievalFilter | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const merged: RetrievalFilter = { ...b, ...a };
  if (a.dateFrom !== undefined && b.dateFrom !== undefined) merged.dateFrom = a.dateFrom > b.dateFrom ? a.dateFrom : b.dateFrom;
  if (a.dateTo !== undefined && b.dateTo !== undefined) merged.dateTo = a.dateTo < b.dateTo ? a.dateTo : b.dateTo;
  return merged;
}

/** Above this share of chunks allowed, a filtered dense search walks the graph; below it, an exact scan is cheaper. */
const GRAPH_FILTER_SHARE = 0.3;

/** Dense candidates: the HNSW graph, or an exact scan of the allowed chunks under a selective filter. */
function denseSearch(index: LoadedIndex, query: number[], depth: number, allowed?: Allowed) {
  const out: { doc: number; similarity: number }[] = [];
  if (index.chunks.length === 0 || allowed?.count === 0) return out;
  const k = Math.min(depth, index.byLabel.length);
  if (index.hnsw !== null && (allowed === undefined || allowed.count >= GRAPH_FILTER_SHARE * index.chunks.length)) {
    // Removed chunks are marked deleted in the graph, so they never come back from it.
    const result = allowed === undefined ? index.hnsw.searchKnn(query, k) : index.hnsw.searchKnn(query, k, allowed.test);
    result.neighbors.forEach((doc, i) => out.push({ doc, similarity: 1 - (result.distances[i] ?? 1) }));
    return out;
  }
  let queryNorm = 0;
  for (const x of query) queryNorm += x * x;
  queryNorm = Math.sqrt(queryNorm);
  const best = new TopK(k);
  for (let doc = 0; doc < index.byLabel.length; doc++) {
    if (allowed !== undefined ? !allowed.test(doc) : index.byLabel[doc] === undefined) continue;
    best.push(doc, cosine(query, queryNorm, index.directionOf(doc)));
  }
  for (const { doc, score } of best.results()) out.push({ doc, similarity: score });
  return out;
}

/** Retrieves the best chunks for a query with a precomputed query embedding. */
export function retrieve(
  index: LoadedIndex,
  query: { text: string; vector: number[] },
  options: RetrieveOptions = {},
): RetrievedChunk[] {
  const k = options.k ?? 8;
  const depth = options.depth ?? 40;
  const filter = mergeFilters(options.filter, options.dateIntent?.filter);
  const allowed = allowFor(index, filter);
  const dense = denseSearch(index, query.vector, depth, allowed);
  const lexical = allowed?.count === 0 ? [] : index.lexical.search(query.text, depth, allowed?.test);

  const fused = new Map<number, { score: number; similarity: number; lexicalScore: number }>();
  const entry = (doc: number) => {
    let e = fused.get(doc);
    if (e === undefined) fused.set(doc, (e = { score: 0, similarity: 0, lexicalScore: 0 }));
    return e;
  };
  dense.forEach((d, rank) => {
    const e = entry(d.doc);
    e.score += DENSE_WEIGHT / (RRF_K + rank + 1);
    e.similarity = d.similarity;
  });
  lexical.forEach((l, rank) => {
    const e = entry(l.doc);
    e.score += 1 / (RRF_K + rank + 1);
    e.lexicalScore = l.score;
  });

  // Date preferences and conversation boosts nudge the fused score.
  const intent = options.dateIntent;
  const newest = index.dateExtremes?.newest;
  const oldest = index.dateExtremes?.oldest;
  const nudge = 1 / (RRF_K + 1);
  for (const [doc, e] of fused) {
    const article = index.byLabel[doc]?.article;
    if (article === undefined) continue;
    const year = article.date === null ? null : Number(article.date.slice(0, 4));
    if (intent !== undefined && intent.years.length > 0 && year !== null && intent.years.includes(year)) e.score += nudge;
    if (intent?.preferRecent && article.date !== null && article.date === newest) e.score += nudge / 2;
    if (intent?.preferOldest && article.date !== null && article.date === oldest) e.score += nudge / 2;
    if (options.boostArticles?.has(article.id)) e.score += nudge;
  }

  const ranked = [...fused]
    .map(([doc, e]) => ({ doc, ...e }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  const out: RetrievedChunk[] = [];
  const seenTexts = new Set<string>();
  for (const r of ranked) {
    const chunk = index.byLabel[r.doc];
    if (chunk === undefined) continue;
    // Collapse near-duplicates (the same wire story republished): identical normalised text.
    const norm = normalizeWhitespace(chunk.text).toLowerCase();
    if (seenTexts.has(norm)) continue;
    seenTexts.add(norm);
    out.push({ chunk, score: r.score, similarity: r.similarity, lexicalScore: r.lexicalScore });
    if (out.length >= k) break;
  }
  return out;
}

/** Core's `Retriever` over one loaded index: embeds the question, reads its date intent, retrieves. */
export class HybridRetriever implements Retriever {
  constructor(private readonly options: { index: LoadedIndex; embedder: Embedder }) {}

  async retrieve(query: RetrievalQuery): Promise<Passage[]> {
    const { index } = this.options;
    const [vector] = await this.options.embedder.embed([query.text], query.signal);
    const boost = new Set<string>();
    for (const p of query.boostPaths ?? []) {
      const article = index.articleByPath.get(p);
      if (article !== undefined) boost.add(article.id);
    }
    const hits = retrieve(index, { text: query.text, vector: vector ?? [] }, {
      dateIntent: parseDateIntent(query.text),
      boostArticles: boost,
      ...(query.k === undefined ? {} : { k: query.k }),
      ...(query.filter === undefined ? {} : { filter: query.filter }),
    });
    return hits.map((h) => ({
      article: h.chunk.article,
      start: h.chunk.start,
      end: h.chunk.end,
      score: h.score,
      similarity: h.similarity,
      lexicalScore: h.lexicalScore,
    }));
  }

  /** The first chunk of each article passing the filter, newest (or oldest) first; undated articles last. */
  async overview(query: OverviewQuery): Promise<Passage[]> {
    const { index } = this.options;
    const first = new Map<number, IndexedChunk>();
    for (const chunk of index.chunks) {
      const known = first.get(chunk.article.ordinal);
      if (known === undefined || chunk.index < known.index) first.set(chunk.article.ordinal, chunk);
    }
    const sources = query.filter?.sources?.map((s) => s.toLowerCase()) ?? [];
    const dir = query.order === "oldest" ? 1 : -1;
    const picked = [...first.values()]
      .filter((c) => passesDateFilter(c.article.date, query.filter) && (sources.length === 0 || sources.includes(c.article.source.toLowerCase())))
      .sort((a, b) => {
        if (a.article.date === b.article.date) return a.article.ordinal - b.article.ordinal;
        if (a.article.date === null) return 1;
        if (b.article.date === null) return -1;
        return a.article.date < b.article.date ? -dir : dir;
      })
      .slice(0, Math.max(0, query.limit));
    return picked.map((c, i) => ({ article: c.article, start: c.start, end: c.end, score: 1 / (1 + i), similarity: 0, lexicalScore: 0 }));
  }
}
