/**
 * Runs the work for each update off the receive path: one conversation's messages are handled in
 * order (so a follow-up sees the turn before it), different users run in parallel up to a cap, and
 * shutdown can wait for everything in flight and then abort what is left. `run` resolves when the
 * task is finished, so a webhook can answer Telegram only once the reply was sent.
 */
export interface TaskQueueOptions {
  /** How many tasks may run at once across all keys. */
  concurrency: number;
  /** Called when a task throws (tasks should handle their own errors; this is the last resort). */
  onError: (error: unknown) => void;
  /**
   * A task that has not started when the queue is aborted does not run and resolves "aborted"
   * (webhook mode: its update is given back and answered by another instance). Default: it runs,
   * with the aborted signal, so it can say it is cut short.
   */
  skipOnceAborted?: boolean;
}

/**
 * A task resolves "aborted" when shutdown cut it short before it did its job (nothing was sent), so
 * the update can be given back and answered elsewhere; anything else counts as done.
 */
export type Task = (signal: AbortSignal) => Promise<void | "aborted">;

/** How a task ended: it did its work (or failed: that is logged, not retried), or shutdown cut it short. */
export type TaskOutcome = "done" | "aborted";

/** The outcome of work there was nothing to do for (an ignored update). */
export const DONE: Promise<TaskOutcome> = Promise.resolve("done");

export class KeyedTaskQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private readonly waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  private active = 0;

  constructor(private readonly options: TaskQueueOptions) {}

  /** Queues `task` after the earlier tasks of the same key; resolves (never rejects) when it has finished. */
  run(key: string, task: Task): Promise<TaskOutcome> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const signal = this.controller.signal;
    const start = (): Promise<void | "aborted"> => (signal.aborted && this.options.skipOnceAborted === true ? Promise.resolve("aborted") : task(signal));
    const outcome = previous.then(() => this.withSlot(start)).then(
      (result): TaskOutcome => (result === "aborted" ? "aborted" : "done"),
      (error: unknown): TaskOutcome => {
        this.options.onError(error);
        return "done";
      },
    );
    const next = outcome.then(() => undefined);
    this.tails.set(key, next);
    this.running.add(next);
    void next.finally(() => {
      this.running.delete(next);
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return outcome;
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

  private async withSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.options.concurrency) this.active++;
    else await new Promise<void>((resolve) => this.waiters.push(resolve)); // slot handed over on release
    try {
      return await fn();
    } finally {
      const next = this.waiters.shift();
      if (next === undefined) this.active--;
      else next();
    }
  }
}
