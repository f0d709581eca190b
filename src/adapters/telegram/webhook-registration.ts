/**
 * `setWebhook` by one instance, not raced by all: the instance that takes the lease
 * `telegram:<bot id>:webhook` registers the webhook and keeps the lease (it renews itself) until it
 * stops, so instances started meanwhile skip the call; when nobody holds it — the whole deployment
 * restarted — the first instance up registers again. Every instance accepts the same secret
 * (`webhook-secret.ts`), so it does not matter which one registered.
 */
import type { Lease, LockService } from "../../core/lock-service.js";
import type { Logger } from "../../core/logger.js";
import { describeTelegramError } from "./telegram-call.js";

export interface WebhookRegistrationOptions {
  locks: LockService;
  /** The lease's name, `telegram:<bot id>:webhook`. */
  name: string;
  leaseMs: number;
  logger: Logger;
  /** Registers the webhook with Telegram (rejects when it could not). */
  setWebhook: () => Promise<unknown>;
}

/**
 * Registers the webhook unless another live instance did. Resolves to the lease to give up at stop
 * (null when another instance holds it, or the lock store was unreachable and the webhook was
 * registered anyway — a repeated setWebhook only costs a call). Rejects when setWebhook failed.
 */
export async function registerWebhook(options: WebhookRegistrationOptions): Promise<Lease | null> {
  const { logger } = options;
  let lease: Lease | null;
  try {
    lease = await options.locks.tryAcquire(options.name, { ttlMs: options.leaseMs });
  } catch (error) {
    logger.warn("telegram: could not reach the lock store; registering the webhook anyway", {
      error: describeTelegramError(error),
    });
    await options.setWebhook();
    return null;
  }
  if (lease === null) {
    logger.info("telegram: another instance registered the webhook; not registering it again");
    return null;
  }
  try {
    await options.setWebhook();
  } catch (error) {
    await lease.release().catch(() => undefined);
    throw error;
  }
  return lease;
}
