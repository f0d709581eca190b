/**
 * What the instances of one deployment share, chosen once for `npm start`: with REDIS_URL,
 * conversation memory, rate limits, answer-once claims and leases live in Redis (each wrapped so
 * that a Redis lost while running falls back to this process with a warning, and comes back by
 * itself); without it, everything stays in this process as on one machine. Redis unreachable at
 * start is a clear error naming the URL (never its password).
 */
import type { Config } from "./config.js";
import type { ConversationStore } from "./core/conversation-store.js";
import type { EventClaims } from "./core/event-claims.js";
import type { LockService } from "./core/lock-service.js";
import type { Logger } from "./core/logger.js";
import type { RateLimiter } from "./core/rate-limiter.js";
import { connectRedis, type RedisConnection } from "./providers/redis-connection.js";
import { RedisConversationStore } from "./providers/redis-conversation-store.js";
import { RedisEventClaims } from "./providers/redis-event-claims.js";
import { RedisLockService } from "./providers/redis-lock-service.js";
import { RedisRateLimiter } from "./providers/redis-rate-limiter.js";
import { ConversationMemory } from "./service/conversation-memory.js";
import { FailoverConversationStore } from "./service/failover-conversation-store.js";
import { FailoverEventClaims } from "./service/failover-event-claims.js";
import { FailoverRateLimiter } from "./service/failover-rate-limiter.js";
import { LocalEventClaims } from "./service/local-event-claims.js";
import { LocalLockService } from "./service/local-lock-service.js";
import { SlidingWindowRateLimiter } from "./service/sliding-window-rate-limiter.js";

export interface SharedState {
  /** "redis://host:port" (no credentials) when shared, null when everything is in this process. */
  readonly where: string | null;
  conversations: ConversationStore;
  rateLimiter: RateLimiter;
  claims: EventClaims;
  /** Leases for the adapters (polling lock, webhook registration): Redis, or this process's. */
  locks: LockService;
  /** The writer lease across machines for re-index and feeds; undefined without Redis (the lock file decides). */
  writerLock: LockService | undefined;
  /** True while the shared store answers (always true in-process), for readiness and metrics. */
  up(): boolean;
  close(): Promise<void>;
}

type SharedConfig = Pick<Config, "shared" | "memory" | "rateLimit">;

/** In-process state: one instance, as before there was Redis. */
export function localSharedState(config: Pick<Config, "memory" | "rateLimit">): SharedState {
  const claims = new LocalEventClaims();
  return {
    where: null,
    conversations: new ConversationMemory(config.memory),
    rateLimiter: new SlidingWindowRateLimiter(config.rateLimit),
    claims,
    locks: new LocalLockService(),
    writerLock: undefined,
    up: () => true,
    close: () => claims.close(),
  };
}

/** The shared state the configuration asks for; rejects (AppError, URL without credentials) when Redis cannot be reached at start. */
export async function openSharedState(config: SharedConfig, logger: Logger): Promise<SharedState> {
  const { shared } = config;
  if (shared.redisUrl === null) return localSharedState(config);
  const connection: RedisConnection = await connectRedis({ url: shared.redisUrl, prefix: shared.redisPrefix, logger });
  const isUp = () => connection.up;
  const local = localSharedState(config);
  const redisClaims = new RedisEventClaims({ connection, instanceId: shared.instanceId, leaseMs: shared.leaseMs, logger });
  const locks = new RedisLockService({ connection, instanceId: shared.instanceId, leaseMs: shared.leaseMs, logger });
  const claims = new FailoverEventClaims({ primary: redisClaims, fallback: local.claims, isUp, logger, what: "event claims" });
  logger.info(`shared state in Redis at ${connection.where} (instance ${shared.instanceId})`);
  return {
    where: connection.where,
    conversations: new FailoverConversationStore({
      primary: new RedisConversationStore({ connection, ...config.memory }),
      fallback: local.conversations,
      isUp,
      logger,
      what: "conversation memory",
    }),
    rateLimiter: new FailoverRateLimiter({
      primary: new RedisRateLimiter({ connection, ...config.rateLimit }),
      fallback: local.rateLimiter,
      isUp,
      logger,
      what: "rate limits",
    }),
    claims,
    locks,
    writerLock: locks,
    up: isUp,
    async close() {
      await claims.close(); // the Redis claims and this process's
      await locks.close(); // releases held leases: a standby takes over at once
      await connection.close();
    },
  };
}

/**
 * For the maintainers' commands (`reindex`, `feeds`, `add`): the writer lease across machines when
 * REDIS_URL is set (one writer per shared index folder, whichever machine runs it), else none.
 */
export async function openWriterLock(config: Pick<Config, "shared">, logger: Logger): Promise<{ writerLock: LockService | undefined; close(): Promise<void> }> {
  const { shared } = config;
  if (shared.redisUrl === null) return { writerLock: undefined, close: async () => undefined };
  const connection = await connectRedis({ url: shared.redisUrl, prefix: shared.redisPrefix, logger });
  const locks = new RedisLockService({ connection, instanceId: shared.instanceId, leaseMs: shared.leaseMs, logger });
  return {
    writerLock: locks,
    async close() {
      await locks.close();
      await connection.close();
    },
  };
}
