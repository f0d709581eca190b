/**
 * Conversation memory that survives a Redis outage: turns are read from Redis while it answers and
 * from this process otherwise. Every turn is also kept in this process, so a conversation this
 * instance was having goes on with its follow-ups when Redis goes away mid-conversation.
 */
import type { ConversationStore } from "../core/conversation-store.js";
import type { Turn } from "../core/types.js";
import { FailoverStore } from "./failover.js";

/** The `ConversationStore` used with REDIS_URL: Redis while it answers, this process otherwise. */
export class FailoverConversationStore extends FailoverStore<ConversationStore> implements ConversationStore {
  async get(key: string): Promise<Turn[]> {
    return this.failover.run(
      () => this.primary.get(key),
      () => this.fallback.get(key),
    );
  }

  async add(key: string, turn: Omit<Turn, "at">): Promise<void> {
    await this.fallback.add(key, turn);
    await this.failover.run(
      () => this.primary.add(key, turn),
      async () => undefined,
    );
  }

  async clear(key: string): Promise<void> {
    await this.fallback.clear(key);
    await this.failover.run(
      () => this.primary.clear(key),
      async () => undefined,
    );
  }
}
