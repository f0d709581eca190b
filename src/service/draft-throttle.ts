/**
 * Paces a model's drafts to what a chat platform tolerates. The answer service may report a new
 * draft many times a second; the platform takes about one edit a second per chat before it answers
 * 429. So only the latest draft is kept, pushed at once when the interval since the previous push
 * has passed, else when it does — never two pushes at the same time, so the order on screen is the
 * order written. `close()` waits for the push in flight, so the checked answer that follows can
 * never be overwritten by a late draft. Shared by the Telegram and Discord adapters.
 */
export interface DraftThrottleOptions {
  /** Least time between the starts of two pushes (1000 ms in production). */
  intervalMs: number;
  /**
   * Shows one draft; resolves once done, including any rate-limit wait (drafts offered meanwhile
   * are coalesced into the latest). Resolves false, or rejects, to stop: no further draft is pushed.
   */
  push: (draft: string) => Promise<boolean>;
}

export class DraftThrottle {
  private latest: string | null = null;
  private lastPushAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: DraftThrottleOptions) {}

  /** Records the newest draft; it replaces any draft not pushed yet. Never throws. */
  offer(draft: string): void {
    if (this.closed) return;
    this.latest = draft;
    this.schedule();
  }

  /** Stops pushing and resolves once the push in flight (if any) has settled. */
  async close(): Promise<void> {
    this.closed = true;
    this.latest = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.inflight;
  }

  private schedule(): void {
    if (this.closed || this.latest === null || this.inflight !== null || this.timer !== null) return;
    const wait = this.lastPushAt + this.options.intervalMs - performance.now();
    if (wait <= 0) {
      this.pushLatest();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pushLatest();
    }, wait);
  }

  private pushLatest(): void {
    const draft = this.latest;
    if (this.closed || draft === null) return;
    this.latest = null;
    this.lastPushAt = performance.now();
    this.inflight = this.options
      .push(draft)
      .catch(() => false)
      .then((more) => {
        this.inflight = null;
        if (more) this.schedule();
        else this.closed = true;
      });
  }
}
