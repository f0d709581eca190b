/**
 * Remembers the last turns of each conversation so follow-ups work. Keys are built by adapters
 * from (chat, user), so memory is never shared between users. Asynchronous so a shared store
 * (Redis) can implement it as well as the in-process one.
 */
import type { Turn } from "./types.js";

export interface ConversationStore {
  /** The unexpired turns of a conversation, oldest first. */
  get(key: string): Promise<Turn[]>;
  add(key: string, turn: Omit<Turn, "at">): Promise<void>;
  clear(key: string): Promise<void>;
}
