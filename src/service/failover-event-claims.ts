/**
 * Event claims that survive a Redis outage. Every claim is taken in this process first (a
 * redelivery to this instance is dropped even while Redis is away), then in Redis while it answers
 * (so exactly one instance answers). When Redis cannot be reached the local lease alone is used:
 * the event is answered — possibly by more than one instance — rather than not at all.
 */
import type { Claim, EventClaims, EventLease } from "../core/event-claims.js";
import { FailoverStore } from "./failover.js";

/** The `EventClaims` used with REDIS_URL: this process always, Redis too while it answers. */
export class FailoverEventClaims extends FailoverStore<EventClaims> implements EventClaims {
  async claim(id: string): Promise<Claim> {
    const local = await this.fallback.claim(id);
    if (local.kind !== "claimed") return local;
    const shared = await this.failover.run<Claim | null>(
      () => this.primary.claim(id),
      async () => null,
    );
    if (shared === null) return local;
    if (shared.kind !== "claimed") {
      await local.lease.release();
      return shared;
    }
    return { kind: "claimed", lease: this.both(local.lease, shared.lease) };
  }

  async close(): Promise<void> {
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }

  /** One lease over the local and the shared one; the shared one failing is logged, not thrown. */
  private both(local: EventLease, shared: EventLease): EventLease {
    return {
      done: async () => {
        await local.done();
        await this.failover.attempt(() => shared.done());
      },
      release: async () => {
        await local.release();
        await this.failover.attempt(() => shared.release());
      },
    };
  }
}
