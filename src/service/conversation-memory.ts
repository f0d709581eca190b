/**
 * Remembers the last few turns per conversation key so follow-ups ("and who signed it?") work.
 * Keys are built by adapters from (chat, user), so memory is never shared between users; turns
 * expire after a TTL and the number of conversations is capped (least recently used goes first).
 */
import type { Turn } from "../core/types.js";

export interface ConversationMemoryOptions {
  turns: number;
  ttlMs: number;
  maxConversations?: number;
  now?: () => number;
}

export class ConversationMemory {
  private readonly store = new Map<string, Turn[]>();
  private readonly now: () => number;
  private readonly maxConversations: number;

  constructor(private readonly options: ConversationMemoryOptions) {
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? 10_000;
  }

  /** The unexpired turns of a conversation, oldest first. */
  get(key: string): Turn[] {
    const turns = this.store.get(key);
    if (turns === undefined) return [];
    const fresh = turns.filter((t) => this.now() - t.at <= this.options.ttlMs);
    if (fresh.length === 0) this.store.delete(key);
    else if (fresh.length !== turns.length) this.store.set(key, fresh);
    return [...fresh];
  }

  add(key: string, turn: Omit<Turn, "at">): void {
    if (this.options.turns <= 0) return;
    const turns = [...this.get(key), { ...turn, at: this.now() }].slice(-this.options.turns);
    this.store.delete(key); // re-insert to mark as most recently used
    this.store.set(key, turns);
    while (this.store.size > this.maxConversations) {
      const oldest = this.store.keys().next().value;
      if (oldest === undefined) break;
      this.store.delete(oldest);
    }
  }

  clear(key: string): void {
    this.store.delete(key);
  }

  get size(): number {
    return this.store.size;
  }
}
