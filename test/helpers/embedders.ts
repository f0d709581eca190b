/**
 * The real default embedder (GloVe, from the project's cache) and thin wrappers around it: one that
 * counts what it is asked to embed, and one that claims a different model id to force a rebuild.
 */
import { createEmbedder } from "../../src/compose.js";
import type { Embedder } from "../../src/core/embedder.js";
import type { GloveEmbeddings } from "../../src/providers/glove/glove-embeddings.js";
import { CACHE_DIR } from "./temp-dirs.js";

let shared: Promise<GloveEmbeddings> | undefined;

/** The real embedder; loaded once per test file (the first load ever may build the cache, ~8 s). */
export function realEmbedder(): Promise<GloveEmbeddings> {
  shared ??= createEmbedder({ cacheDir: CACHE_DIR });
  return shared;
}

/** Delegates to a real embedder and records every `embed` call. */
export class CountingEmbedder implements Embedder {
  readonly calls: string[][] = [];
  readonly modelId: string;
  readonly dimensions: number;
  private readonly failAfterCalls: number | undefined;

  constructor(
    private readonly inner: Embedder,
    options: { modelId?: string; failAfterCalls?: number } = {},
  ) {
    this.modelId = options.modelId ?? inner.modelId;
    this.dimensions = inner.dimensions;
    this.failAfterCalls = options.failAfterCalls;
  }

  /** Every text embedded so far, over all calls. */
  get embeddedTexts(): string[] {
    return this.calls.flat();
  }

  reset(): void {
    this.calls.length = 0;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    this.calls.push([...texts]);
    if (this.failAfterCalls !== undefined && this.calls.length > this.failAfterCalls) {
      throw new Error("embedding service fell over (test)");
    }
    return this.inner.embed(texts);
  }
}
