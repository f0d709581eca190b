/**
 * The in-process `ConversationStore`: the last few turns per conversation key, each turn expiring
 * after a TTL, the number of conversations capped (least recently used goes first). Keys are built
 * by adapters from (chat, user), so memory is never shared between users.
 */
import { LRUCache } from "lru-cache";
import type { ConversationStore } from "../core/conversation-store.js";
import type { Turn } from "../core/types.js";

export interface ConversationMemoryOptions {
  turns: number;
  ttlMs: number;
  maxConversations?: number;
  now?: () => number;
}

export class ConversationMemory implements ConversationStore {
  private readonly store: LRUCache<string, Turn[]>;
  private readonly now: () => number;

  constructor(private readonly options: ConversationMemoryOptions) {
    this.now = options.now ?? Date.now;
    this.store = new LRUCache({ max: options.maxConversations ?? 10_000 });
  }

  async get(key: string): Promise<Turn[]> {
    return this.fresh(key);
  }

  async add(key: string, turn: Omit<Turn, "at">): Promise<void> {
    if (this.options.turns <= 0) return;
    this.store.set(key, [...this.fresh(key), { ...turn, at: this.now() }].slice(-this.options.turns));
  }

  async clear(key: string): Promise<void> {
    this.store.delete(key);
  }

  /** Conversations held. */
  get size(): number {
    return this.store.size;
  }

  /** The unexpired turns, oldest first; a conversation with none left is forgotten. */
  private fresh(key: string): Turn[] {
    const turns = this.store.get(key);
    if (turns === undefined) return [];
    const fresh = turns.filter((t) => this.now() - t.at <= this.options.ttlMs);
    if (fresh.length === 0) this.store.delete(key);
    else if (fresh.length !== turns.length) this.store.set(key, fresh);
    return [...fresh];
  }
}
