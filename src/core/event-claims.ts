/**
 * Answers each incoming event (a Telegram `update_id`, a Discord message or interaction id) once
 * across every instance — a lease, not a flag: the instance that claims an event holds it while it
 * answers (the lease renews itself); when it finishes, the event is marked done and later
 * deliveries are dropped; when it dies first, the lease runs out and the next delivery is answered.
 */

/** The lease on one event, held by this instance until `done()` or `release()`. */
export interface EventLease {
  /** The event was answered: later deliveries are dropped (for the claims' memory period). */
  done(): Promise<void>;
  /** The event was not answered (it failed, or we are stopping): the next delivery may take it at once. */
  release(): Promise<void>;
}

export type Claim =
  /** This instance answers the event. */
  | { kind: "claimed"; lease: EventLease }
  /** Answered already (by this or another instance): drop this delivery. */
  | { kind: "done" }
  /** Another live instance is answering it now: drop this delivery, or ask the sender to retry after `retryAfterMs`. */
  | { kind: "busy"; retryAfterMs: number };

export interface EventClaims {
  /** Tries to take the lease on the event `id` (already namespaced by the caller, e.g. `telegram:update:123`). */
  claim(id: string): Promise<Claim>;
  close(): Promise<void>;
}
