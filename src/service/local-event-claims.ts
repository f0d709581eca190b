/**
 * The in-process `EventClaims` (no REDIS_URL, or while Redis is unreachable): one process answers
 * each event once — a redelivered Telegram update or a discord.js replay is dropped — but nothing
 * is shared with other instances. Bounded: the oldest remembered events go first.
 */
import { LRUCache } from "lru-cache";
import type { Claim, EventClaims } from "../core/event-claims.js";

export interface LocalEventClaimsOptions {
  /** How long an answered event is remembered (default 1 hour). */
  doneTtlMs?: number;
  /** Most events remembered (default 100,000). */
  max?: number;
  now?: () => number;
}

type State = "leased" | "done";

export const DEFAULT_DONE_TTL_MS = 3_600_000;

export class LocalEventClaims implements EventClaims {
  private readonly states: LRUCache<string, State>;
  private readonly doneTtlMs: number;

  constructor(options: LocalEventClaimsOptions = {}) {
    this.doneTtlMs = options.doneTtlMs ?? DEFAULT_DONE_TTL_MS;
    const now = options.now;
    this.states = new LRUCache({ max: options.max ?? 100_000, ttlAutopurge: false, ttlResolution: 0, ...(now === undefined ? {} : { perf: { now } }) });
  }

  async claim(id: string): Promise<Claim> {
    return this.claimNow(id);
  }

  /** The same decision, synchronously (the failover path uses it while Redis is down). */
  claimNow(id: string): Claim {
    const state = this.states.get(id);
    if (state === "done") return { kind: "done" };
    // A lease held in this process is held by a live holder: it lasts until done or release.
    if (state === "leased") return { kind: "busy", retryAfterMs: 1000 };
    this.states.set(id, "leased");
    let settled = false;
    return {
      kind: "claimed",
      lease: {
        done: async () => {
          if (settled) return;
          settled = true;
          this.states.set(id, "done", { ttl: this.doneTtlMs });
        },
        release: async () => {
          if (settled) return;
          settled = true;
          this.states.delete(id);
        },
      },
    };
  }

  /** Remembers `id` as answered (an event answered while the shared store was down, told later). */
  markDone(id: string): void {
    this.states.set(id, "done", { ttl: this.doneTtlMs });
  }

  async close(): Promise<void> {
    this.states.clear();
  }
}
