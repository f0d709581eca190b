/**
 * Hot reload with a lifetime: holds the index questions are answered from, swaps in a new one when
 * a re-index publishes it (a failed load keeps the old one), and closes the old one once the last
 * question that started on it has finished — so files are released deterministically, not by the
 * garbage collector, and no question ever sees its index closed under it.
 */
import type { Logger } from "../core/logger.js";
import type { Retriever } from "../core/retriever.js";
import type { LoadedIndex } from "../index/loaded-index.js";

/** One loaded index and what answering needs from it. */
export interface Generation {
  readonly index: LoadedIndex;
  readonly retriever: Retriever;
}

interface Held extends Generation {
  inFlight: number;
  retired: boolean;
}

export interface IndexHolderOptions {
  load: () => Promise<LoadedIndex>;
  retrieverFor: (index: LoadedIndex) => Retriever;
  logger: Logger;
  /** Calls `onChange` when the index on disk changes; returns an unsubscribe function. */
  watch?: (onChange: () => void) => () => void;
}

export class IndexHolder {
  private held: Held;
  private reloading: Promise<void> | null = null;
  private readonly unwatch: (() => void) | null;
  private closed = false;

  private constructor(
    private readonly options: IndexHolderOptions,
    index: LoadedIndex,
  ) {
    this.held = this.wrap(index);
    this.unwatch = options.watch?.(() => void this.reload()) ?? null;
  }

  static async open(options: IndexHolderOptions): Promise<IndexHolder> {
    return new IndexHolder(options, await options.load());
  }

  /** The index questions are answered from right now. */
  get index(): LoadedIndex {
    return this.held.index;
  }

  /** Runs `work` on the current generation; the generation stays open until `work` settles. */
  async use<T>(work: (generation: Generation) => Promise<T>): Promise<T> {
    const held = this.held;
    held.inFlight++;
    try {
      return await work(held);
    } finally {
      held.inFlight--;
      this.closeIfDone(held);
    }
  }

  /** Loads the index again and swaps it in when it is a new generation; a failed load keeps the old one. */
  async reload(): Promise<void> {
    if (this.reloading !== null) return this.reloading;
    this.reloading = (async () => {
      try {
        const next = await this.options.load();
        if (this.closed || next.manifest.generation === this.held.index.manifest.generation) {
          next.close();
          return;
        }
        const previous = this.held;
        this.held = this.wrap(next);
        previous.retired = true;
        this.closeIfDone(previous);
        this.options.logger.info("index reloaded", { articles: next.articles.length, generation: next.manifest.generation });
      } catch (error) {
        this.options.logger.warn("index reload failed; still answering from the previous index", { error });
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /** Stops watching and closes the index once questions in flight have finished. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unwatch?.();
    this.held.retired = true;
    this.closeIfDone(this.held);
  }

  private wrap(index: LoadedIndex): Held {
    return { index, retriever: this.options.retrieverFor(index), inFlight: 0, retired: false };
  }

  private closeIfDone(held: Held): void {
    if (held.retired && held.inFlight === 0) held.index.close();
  }
}
