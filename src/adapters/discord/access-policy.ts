/**
 * Where the bot may answer. Optional allow-lists of guild and channel ids let a community keep a
 * public bot to its own server or to a help channel. When either list is set, DMs are refused too:
 * an allow-list means "only here".
 */

export interface AccessPolicyOptions {
  allowedGuildIds: readonly string[] | null;
  allowedChannelIds: readonly string[] | null;
}

/** Where an event happened; a thread also counts as its parent channel. */
export interface Place {
  guildId: string | null;
  channelId: string | null;
  parentChannelId?: string | null;
}

export class AccessPolicy {
  private readonly guilds: ReadonlySet<string> | null;
  private readonly channels: ReadonlySet<string> | null;

  constructor(options: AccessPolicyOptions) {
    this.guilds = options.allowedGuildIds === null ? null : new Set(options.allowedGuildIds);
    this.channels = options.allowedChannelIds === null ? null : new Set(options.allowedChannelIds);
  }

  /** True when the bot may answer at this place. */
  allows(place: Place): boolean {
    if (this.guilds === null && this.channels === null) return true;
    if (place.guildId === null) return false;
    if (this.guilds !== null && !this.guilds.has(place.guildId)) return false;
    if (this.channels === null) return true;
    const ids = [place.channelId, place.parentChannelId ?? null].filter((id): id is string => id !== null);
    return ids.some((id) => this.channels?.has(id) === true);
  }
}
