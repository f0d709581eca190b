/**
 * The switching rule behind the failover stores: shared state (Redis) while it answers, this
 * process's own state while it does not, so an outage degrades sharing between instances but never
 * stops answers. It tells the log once per outage, not once per call: a warning the first time the
 * shared store fails (its connection already warned when it noticed the loss itself), and a line
 * when the shared store answers again.
 */
import type { Logger } from "../core/logger.js";

export interface FailoverOptions<T> {
  /** The shared implementation (Redis). */
  primary: T;
  /** The in-process implementation, used while the primary is away. */
  fallback: T;
  /** Whether the primary's connection is up now (false: the fallback is used without trying the primary). */
  isUp: () => boolean;
  logger: Logger;
  /** What is failing over, for the log ("conversation memory", "rate limits", "event claims"). */
  what: string;
}

export type FailoverSwitchOptions = Pick<FailoverOptions<unknown>, "isUp" | "logger" | "what">;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Chooses primary or fallback call by call and logs outages once; shared by the failover wrappers. */
export class FailoverSwitch {
  /** Increases when an outage starts; a call that began before it cannot end it. */
  private outage = 0;
  private inOutage = false;
  private warned = false;

  constructor(private readonly options: FailoverSwitchOptions) {}

  /** True while the fallback is being used. */
  get degraded(): boolean {
    return this.inOutage;
  }

  /** The primary's result when it is up and answers, else the fallback's. */
  async run<R>(primary: () => Promise<R>, fallback: () => Promise<R>): Promise<R> {
    if (!this.options.isUp()) {
      this.enter(null);
      return fallback();
    }
    const seen = this.outage;
    let result: R;
    try {
      result = await primary();
    } catch (error) {
      this.enter(error);
      return fallback();
    }
    this.leave(seen);
    return result;
  }

  /**
   * Calls the primary even while it is down (a lease's done/release must stop its own timers) and
   * reports whether it succeeded; a failure is logged like any other, never thrown.
   */
  async attempt(primary: () => Promise<void>): Promise<boolean> {
    const up = this.options.isUp();
    const seen = this.outage;
    try {
      await primary();
    } catch (error) {
      this.enter(up ? error : null);
      return false;
    }
    if (up) this.leave(seen);
    return true;
  }

  /** Starts (or continues) an outage; `error` is what the primary threw, null when it was known to be down. */
  private enter(error: unknown): void {
    if (!this.inOutage) {
      this.inOutage = true;
      this.outage += 1;
      this.warned = false;
      if (error === null) this.options.logger.debug(`Redis is down; using this process's ${this.options.what}`);
    }
    if (error !== null && !this.warned) {
      this.warned = true;
      this.options.logger.warn(`Redis failed (${describe(error)}); using this process's ${this.options.what} until it is back`);
    }
  }

  private leave(seen: number): void {
    if (!this.inOutage || seen !== this.outage) return;
    this.inOutage = false;
    const message = `Redis answers again; using the shared ${this.options.what} again`;
    if (this.warned) this.options.logger.info(message);
    else this.options.logger.debug(message);
    this.warned = false;
  }
}

/** What every failover store holds: the two implementations and the switch between them. */
export abstract class FailoverStore<T> {
  protected readonly primary: T;
  protected readonly fallback: T;
  protected readonly failover: FailoverSwitch;

  constructor(options: FailoverOptions<T>) {
    this.primary = options.primary;
    this.fallback = options.fallback;
    this.failover = new FailoverSwitch(options);
  }
}
