/**
 * Conversation memory in Redis, so a follow-up is understood whichever instance receives it: one
 * list per conversation key holding the last turns as JSON, trimmed and given a fresh expiry on
 * every turn (an idle conversation disappears on its own). Same rules as the in-process
 * `ConversationMemory`: turns older than the TTL are not returned.
 */
import type { ConversationStore } from "../core/conversation-store.js";
import type { Turn } from "../core/types.js";
import type { RedisConnection } from "./redis-connection.js";

export interface RedisConversationStoreOptions {
  connection: RedisConnection;
  /** Turns remembered per conversation (0 or less: nothing is remembered). */
  turns: number;
  /** A turn older than this is forgotten; the whole list expires this long after its last turn. */
  ttlMs: number;
  now?: () => number;
}

/** The shared `ConversationStore` (REDIS_URL): a follow-up may reach any instance. */
export class RedisConversationStore implements ConversationStore {
  private readonly now: () => number;

  constructor(private readonly options: RedisConversationStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<Turn[]> {
    const raw = await this.options.connection.client.lrange(this.keyOf(key), 0, -1);
    const now = this.now();
    const turns: Turn[] = [];
    for (const item of raw) {
      const turn = parseTurn(item);
      if (turn !== null && now - turn.at <= this.options.ttlMs) turns.push(turn);
    }
    return turns;
  }

  async add(key: string, turn: Omit<Turn, "at">): Promise<void> {
    const { turns, ttlMs } = this.options;
    if (turns <= 0) return;
    const k = this.keyOf(key);
    const item = JSON.stringify({ ...turn, at: this.now() } satisfies Turn);
    const results = await this.options.connection.client
      .multi()
      .rpush(k, item)
      .ltrim(k, -turns, -1)
      .pexpire(k, Math.max(1, Math.ceil(ttlMs)))
      .exec();
    if (results === null) throw new Error("the Redis transaction was aborted");
    const failed = results.find(([error]) => error !== null)?.[0];
    if (failed !== undefined && failed !== null) throw failed;
  }

  async clear(key: string): Promise<void> {
    await this.options.connection.client.del(this.keyOf(key));
  }

  private keyOf(key: string): string {
    return this.options.connection.key(`conv:${key}`);
  }
}

/** A stored turn, or null when the entry is not one (written by something else, or corrupt). */
function parseTurn(raw: string): Turn | null {
  try {
    const value = JSON.parse(raw) as Partial<Turn> | null;
    if (value === null || typeof value !== "object" || typeof value.at !== "number" || typeof value.question !== "string") return null;
    if (typeof value.answer !== "object" || value.answer === null) return null;
    return value as Turn;
  } catch {
    return null;
  }
}
