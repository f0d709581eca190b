/**
 * Rows on their way to a server that may be away for a while (the question log's PostgreSQL): the
 * caller hands rows over synchronously and never waits; they are written in order, in batches, by
 * one writer at a time. While writes fail the rows stay in memory — a bounded buffer that drops
 * the oldest beyond its bound and counts them — and the writer retries with back-off (an unref'd
 * timer, so it never keeps the process alive). Writes must be idempotent: a batch whose answer was
 * lost may be written again.
 */

export interface RetryingWriteBufferEvents {
  /** The first failed write of an outage (later ones are only counted). */
  outage(error: unknown): void;
  /** The buffer overflowed for the first time in this outage: the oldest rows are being dropped. */
  full(max: number): void;
  /** Writes succeed again after an outage: rows written since it began, and how many were dropped. */
  recovered(summary: { written: number; dropped: number }): void;
  /** A row the server refuses for good (the row is at fault, not the connection): dropped. */
  rejected(error: unknown): void;
}

export interface RetryingWriteBufferOptions<T> {
  /** Writes one batch, in order; rejects when it could not (then the whole batch is retried). */
  write(batch: readonly T[]): Promise<void>;
  /** True for an error no retry can cure (bad data): the batch is then written row by row and refused rows dropped. */
  isPermanent(error: unknown): boolean;
  /** Rows kept at most (plus one batch in flight); beyond it the oldest are dropped. */
  max: number;
  batchSize: number;
  /** Back-off between retries: the first delay, doubled after each failure up to the last. */
  retryMs: { first: number; max: number };
  events: RetryingWriteBufferEvents;
}

export class RetryingWriteBuffer<T> {
  private queue: T[] = [];
  private inflight: readonly T[] = [];
  private running: Promise<boolean> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delay: number;
  private failed = 0;
  private lost = 0;
  private inOutage = false;
  private warnedFull = false;
  private outageWritten = 0;
  private outageDropped = 0;
  private stopped = false;

  constructor(private readonly options: RetryingWriteBufferOptions<T>) {
    this.delay = options.retryMs.first;
  }

  /** Rows not yet written (buffered or in flight). */
  get pending(): number {
    return this.queue.length + this.inflight.length;
  }

  /** Failed write attempts so far. */
  get failures(): number {
    return this.failed;
  }

  /** Rows lost: dropped from a full buffer, refused by the server, or still pending at `discard()`. */
  get dropped(): number {
    return this.lost;
  }

  /** True while writes fail (from the first failure to the next success). */
  get down(): boolean {
    return this.inOutage;
  }

  /** Whether a row not yet written matches (e.g. the answer a vote refers to). */
  holds(match: (row: T) => boolean): boolean {
    return this.inflight.some(match) || this.queue.some(match);
  }

  /** Hands a row over; writing starts at once unless a retry is already scheduled. Never throws. */
  push(row: T): void {
    if (this.stopped) {
      this.lost += 1;
      return;
    }
    this.queue.push(row);
    this.trim();
    if (this.timer === null) void this.run();
  }

  /** Writes what is pending now (skipping a scheduled back-off); true when nothing is left. */
  flush(): Promise<boolean> {
    this.clearTimer();
    return this.run();
  }

  /** Tries to write everything before `deadline` (epoch ms), retrying quickly; true when nothing is left. */
  async flushBefore(deadline: number): Promise<boolean> {
    while (this.pending > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      // Referenced timers: a closing process waits for the deadline instead of exiting mid-flush.
      const done = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), left);
        const settle = (ok: boolean) => {
          clearTimeout(timer);
          resolve(ok);
        };
        this.flush().then(settle, () => settle(false));
      });
      if (done) return true;
      await sleep(Math.min(100, Math.max(0, deadline - Date.now())));
    }
    return true;
  }

  /** Stops for good: no more retries; rows still pending are counted as dropped and returned. */
  discard(): number {
    this.stopped = true;
    this.clearTimer();
    const left = this.queue.length;
    this.lost += left;
    this.queue = [];
    return left;
  }

  private run(): Promise<boolean> {
    if (this.running === null) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drain(): Promise<boolean> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.splice(0, this.options.batchSize);
      this.inflight = batch;
      let ok: boolean;
      try {
        await this.options.write(batch);
        ok = true;
      } catch (error) {
        ok = this.options.isPermanent(error) ? await this.oneByOne(batch) : this.failedWith(error, batch);
      }
      this.inflight = [];
      if (!ok) {
        this.schedule();
        return false;
      }
      this.succeeded(batch.length);
    }
    return this.queue.length === 0;
  }

  /** A batch with a row the server refuses: write row by row, drop the refused ones. */
  private async oneByOne(batch: readonly T[]): Promise<boolean> {
    for (const [i, row] of batch.entries()) {
      try {
        await this.options.write([row]);
      } catch (error) {
        if (!this.options.isPermanent(error)) return this.failedWith(error, batch.slice(i));
        this.lost += 1;
        this.options.events.rejected(error);
      }
    }
    return true;
  }

  /** Puts the unwritten rows back in front (order kept), counts the failure; always false. */
  private failedWith(error: unknown, rows: readonly T[]): false {
    this.failed += 1;
    this.inflight = [];
    if (this.stopped) {
      this.lost += rows.length; // discarded while in flight: nobody retries them now
      return false;
    }
    if (!this.inOutage) {
      this.inOutage = true;
      this.outageWritten = 0;
      this.options.events.outage(error);
    }
    this.queue.unshift(...rows);
    this.trim();
    return false;
  }

  private succeeded(rows: number): void {
    this.delay = this.options.retryMs.first;
    this.outageWritten += rows;
    if (this.queue.length > 0) return; // still catching up: report once the backlog is written
    if (this.inOutage) this.options.events.recovered({ written: this.outageWritten, dropped: this.outageDropped });
    // Caught up: the next overflow or outage is a new one (warned about again).
    this.inOutage = false;
    this.outageWritten = 0;
    this.outageDropped = 0;
    this.warnedFull = false;
  }

  /**
   * Drops the oldest rows beyond the bound. A batch in flight is not counted (it may yet be
   * written): if it fails it is put back in front and trimmed first, so the oldest always go.
   */
  private trim(): void {
    const over = this.queue.length - this.options.max;
    if (over <= 0) return;
    const removed = this.queue.splice(0, Math.min(over, this.queue.length)).length;
    if (removed === 0) return;
    this.lost += removed;
    this.outageDropped += removed;
    if (!this.warnedFull) {
      this.warnedFull = true;
      this.options.events.full(this.options.max);
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer !== null) return;
    const delay = this.delay;
    this.delay = Math.min(this.options.retryMs.max, this.delay * 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
