/**
 * Where the bot may answer. A maintainer can keep a public bot to their own chats, servers or
 * channels with allow-lists; each list is a "scope" (Telegram: chat; Discord: guild and channel).
 * A place is allowed when, for every configured scope, one of its ids is on that scope's list —
 * so a Discord DM (no guild) is refused once a guild list is set: an allow-list means "only here".
 */

/** Where a message was written, as adapters describe it. */
export interface Place {
  /** Ids of the place per scope, e.g. `{ guild: ["1"], channel: ["thread-id", "parent-channel-id"] }`. */
  ids: Readonly<Record<string, readonly string[]>>;
  /** How to name the place to its users, e.g. "this chat (id -1001)" or "this channel". */
  name: string;
}

/** Allow-lists per scope; a scope that is null or absent allows everything. */
export type AccessLists = Readonly<Record<string, readonly string[] | null>>;

export class AccessPolicy {
  private readonly lists: [string, ReadonlySet<string>][];

  constructor(lists: AccessLists = {}) {
    this.lists = Object.entries(lists)
      .filter((entry): entry is [string, readonly string[]] => entry[1] !== null)
      .map(([scope, ids]) => [scope, new Set(ids)]);
  }

  /** True when no allow-list is configured. */
  get open(): boolean {
    return this.lists.length === 0;
  }

  allows(place: Place): boolean {
    return this.lists.every(([scope, allowed]) => (place.ids[scope] ?? []).some((id) => allowed.has(id)));
  }
}
