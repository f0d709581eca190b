/**
 * Groups an article's sentences into retrieval chunks of a bounded size. Chunks hold character
 * offsets into the article, so whatever is retrieved can be quoted verbatim.
 */
import type { Chunk } from "../core/types.js";
import type { Span } from "../text/split-sentences.js";

export interface ChunkOptions {
  /** Target chunk length in characters; a chunk closes once it reaches this. */
  targetChars?: number;
  /** Sentences repeated at the start of the next chunk, for context across the boundary. */
  overlapSentences?: number;
}

/** Builds chunks from sentence spans; a single over-long sentence becomes its own chunk. */
export function chunkArticle(
  article: { id: string; text: string },
  sentences: readonly Span[],
  options: ChunkOptions = {},
): Chunk[] {
  const target = options.targetChars ?? 700;
  const overlap = options.overlapSentences ?? 1;
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    const startSpan = sentences[first];
    if (startSpan === undefined) break;
    while (last + 1 < sentences.length && (sentences[last + 1]?.end ?? 0) - startSpan.start <= target) last++;
    const endSpan = sentences[last] ?? startSpan;
    const index = chunks.length;
    chunks.push({
      id: `${article.id}::${index}`,
      articleId: article.id,
      index,
      start: startSpan.start,
      end: endSpan.end,
      text: article.text.slice(startSpan.start, endSpan.end),
    });
    if (last + 1 >= sentences.length) break;
    // Step back for overlap only when the next sentence still fits beside it; otherwise the overlap
    // would become a chunk of its own that adds nothing new.
    const next = last + 1;
    const withOverlap = Math.max(first + 1, next - overlap);
    const fits = (sentences[next]?.end ?? 0) - (sentences[withOverlap]?.start ?? 0) <= target;
    first = fits ? withOverlap : next;
  }
  return chunks;
}
