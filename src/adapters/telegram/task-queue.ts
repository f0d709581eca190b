/**
 * Runs the work for each update off the receive path: one conversation's messages are handled in
 * order (so a follow-up sees the turn before it), different users run in parallel up to a cap, and
 * shutdown can wait for everything in flight and then abort what is left.
 */
export interface TaskQueueOptions {
  /** How many tasks may run at once across all keys. */
  concurrency: number;
  /** Called when a task throws (tasks should handle their own errors; this is the last resort). */
  onError: (error: unknown) => void;
}

export type Task = (signal: AbortSignal) => Promise<void>;

export class KeyedTaskQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private readonly waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  private active = 0;

  constructor(private readonly options: TaskQueueOptions) {}

  /** Queues `task` after the earlier tasks of the same key. */
  run(key: string, task: Task): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.withSlot(() => task(this.controller.signal)))
      .catch((error: unknown) => this.options.onError(error));
    this.tails.set(key, next);
    this.running.add(next);
    void next.finally(() => {
      this.running.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.running.size;
  }

  /** Resolves when every queued task has finished (including ones queued meanwhile). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Signals every running and future task to give up. */
  abort(): void {
    this.controller.abort();
  }

  private async withSlot(fn: () => Promise<void>): Promise<void> {
    if (this.active < this.options.concurrency) this.active++;
    else await new Promise<void>((resolve) => this.waiters.push(resolve)); // slot handed over on release
    try {
      await fn();
    } finally {
      const next = this.waiters.shift();
      if (next === undefined) this.active--;
      else next();
    }
  }
}
