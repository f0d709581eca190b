/**
 * Exactly once across instances: before a Discord event is answered, its id is claimed in the
 * shared `EventClaims`. Two instances running the same shard (a rolling deploy) both receive every
 * event of that shard, and a resumed session may replay one; only the claim holder answers, the
 * other deliveries are dropped without a word. The lease is marked done after the work even when
 * it failed: Discord never redelivers an event, and the user has had the apology already.
 */
import type { EventClaims } from "../../core/event-claims.js";
import type { Logger } from "../../core/logger.js";

export interface AnswerOnceOptions {
  claims: EventClaims;
  logger: Logger;
  /** Namespaced event id: `discord:message:<id>` or `discord:interaction:<id>`. */
  eventId: string;
}

/** Runs `work` when this delivery wins the claim on the event; a failure of `work` is rethrown. */
export async function answerOnce(options: AnswerOnceOptions, work: () => Promise<void>): Promise<void> {
  const claim = await options.claims.claim(options.eventId);
  if (claim.kind !== "claimed") {
    options.logger.debug("discord: event handled by another delivery, skipped", { event: options.eventId, claim: claim.kind });
    return;
  }
  try {
    await work();
  } finally {
    await claim.lease.done().catch((error: unknown) => options.logger.warn("discord: could not mark the event answered", { event: options.eventId, error }));
  }
}
