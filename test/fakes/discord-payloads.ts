/**
 * Raw Discord API objects (users, guilds, channels, messages, interactions) as the real gateway and
 * REST API send them, complete enough that the unmodified discord.js client accepts them. Missing
 * fields such as `authorizing_integration_owners` or `entitlements` make discord.js drop events
 * silently, so builders fill every field the client reads.
 */

let counter = 0n;
/** A fresh snowflake id (increasing, with a plausible timestamp part: now, or `at` in epoch ms). */
export function snowflake(at = Date.now()): string {
  counter += 1n;
  return ((BigInt(at - 1420070400000) << 22n) + counter).toString();
}

/** Discord's rule: a guild's events go to shard `(guild_id >> 22) % shard count`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh snowflake whose guild shard is `shard` of `shardCount` (its timestamp part picked for it). */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  const now = Date.now() - 1420070400000;
  const at = now - (now % shardCount) + shard;
  return snowflake(at + 1420070400000);
}

export interface RawUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

export function rawUser(id: string, username: string, bot = false): RawUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

export const ChannelTypes = { GuildText: 0, DM: 1, PublicThread: 11 } as const;

export function rawTextChannel(id: string, guildId: string, name: string): Record<string, unknown> {
  return { id, type: ChannelTypes.GuildText, guild_id: guildId, name, position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 };
}

export function rawThread(id: string, guildId: string, parentId: string, ownerId: string): Record<string, unknown> {
  return {
    id, type: ChannelTypes.PublicThread, guild_id: guildId, parent_id: parentId, owner_id: ownerId, name: "Answers",
    last_message_id: null, rate_limit_per_user: 0, message_count: 1, member_count: 2, total_message_sent: 1,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
  };
}

export interface GuildLayout {
  id: string;
  channelIds: string[];
  /** Threads as [threadId, parentChannelId, ownerId]. */
  threads: Array<[string, string, string]>;
}

export function rawGuild(layout: GuildLayout, botUser: RawUser): Record<string, unknown> {
  return {
    id: layout.id, name: `Guild ${layout.id.slice(-4)}`, icon: null, owner_id: snowflake(), unavailable: false,
    member_count: 2, large: false, features: [], preferred_locale: "en-US", afk_timeout: 300, verification_level: 0,
    default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, premium_tier: 0, system_channel_flags: 0,
    joined_at: new Date().toISOString(), emojis: [], stickers: [], presences: [], voice_states: [], stage_instances: [],
    guild_scheduled_events: [],
    roles: [{ id: layout.id, name: "@everyone", permissions: "274877975552", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    members: [rawMember(botUser)],
    channels: layout.channelIds.map((id, i) => rawTextChannel(id, layout.id, `channel-${i}`)),
    threads: layout.threads.map(([id, parent, owner]) => rawThread(id, layout.id, parent, owner)),
  };
}

export function rawMember(user: RawUser): Record<string, unknown> {
  return { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, nick: null, permissions: "274877975552" };
}

export interface RawMessageOptions {
  id?: string;
  channelId: string;
  guildId: string | null;
  author: RawUser;
  content: string;
  mentions?: RawUser[];
  mentionEveryone?: boolean;
  /** The message this one replies to (full object, as the gateway sends it). */
  replyTo?: Record<string, unknown>;
  type?: number;
  /** `channel_type`, which Discord puts on MESSAGE_CREATE; discord.js needs it to build an uncached DM channel. */
  channelType?: number;
}

export function rawMessage(options: RawMessageOptions): Record<string, unknown> {
  const reply = options.replyTo;
  return {
    id: options.id ?? snowflake(),
    channel_id: options.channelId,
    channel_type: options.channelType ?? (options.guildId === null ? ChannelTypes.DM : ChannelTypes.GuildText),
    ...(options.guildId === null ? {} : { guild_id: options.guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
    author: options.author,
    content: options.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions: options.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    type: options.type ?? (reply === undefined ? 0 : 19),
    ...(reply === undefined
      ? {}
      : {
          message_reference: { type: 0, message_id: reply.id, channel_id: options.channelId, ...(options.guildId === null ? {} : { guild_id: options.guildId }) },
          referenced_message: reply,
        }),
  };
}

export interface RawInteractionOptions {
  applicationId: string;
  user: RawUser;
  channelId: string;
  guildId: string | null;
  name: string;
  /** String options of the command, e.g. `{ question: "…" }`. */
  options?: Record<string, string>;
  /** Interaction type; 2 is an application command. */
  type?: number;
  channelType?: number;
}

export function rawInteraction(options: RawInteractionOptions): Record<string, unknown> & { id: string; token: string } {
  const inGuild = options.guildId !== null;
  const channelType = options.channelType ?? (inGuild ? ChannelTypes.GuildText : ChannelTypes.DM);
  return {
    id: snowflake(),
    application_id: options.applicationId,
    type: options.type ?? 2,
    token: `interaction-token-${snowflake()}`,
    version: 1,
    data: {
      id: snowflake(),
      name: options.name,
      type: 1,
      options: Object.entries(options.options ?? {}).map(([name, value]) => ({ name, type: 3, value })),
    },
    ...(inGuild
      ? { guild_id: options.guildId, member: rawMember(options.user), guild_locale: "en-US", context: 0, authorizing_integration_owners: { "0": options.guildId } }
      : { user: options.user, context: 1, authorizing_integration_owners: { "1": options.user.id } }),
    channel: { id: options.channelId, type: channelType, ...(inGuild ? { guild_id: options.guildId } : {}) },
    channel_id: options.channelId,
    app_permissions: "274877975552",
    locale: "en-US",
    entitlements: [],
    attachment_size_limit: 10485760,
  };
}

export interface RawComponentInteractionOptions {
  applicationId: string;
  user: RawUser;
  channelId: string;
  guildId: string | null;
  /** The clicked button's `custom_id`. */
  customId: string;
  /** The message the button is on, as Discord sends it (the bot's message). */
  message: Record<string, unknown>;
  channelType?: number;
}

/**
 * A MESSAGE_COMPONENT interaction (type 3) for a button click. Like every interaction it needs
 * `authorizing_integration_owners` (and `entitlements`), or discord.js drops it without a word.
 */
export function rawComponentInteraction(options: RawComponentInteractionOptions): Record<string, unknown> & { id: string; token: string } {
  const inGuild = options.guildId !== null;
  const channelType = options.channelType ?? (inGuild ? ChannelTypes.GuildText : ChannelTypes.DM);
  return {
    id: snowflake(),
    application_id: options.applicationId,
    type: 3,
    token: `interaction-token-${snowflake()}`,
    version: 1,
    data: { custom_id: options.customId, component_type: 2 },
    message: options.message,
    ...(inGuild
      ? { guild_id: options.guildId, member: rawMember(options.user), guild_locale: "en-US", context: 0, authorizing_integration_owners: { "0": options.guildId } }
      : { user: options.user, context: 1, authorizing_integration_owners: { "1": options.user.id } }),
    channel: { id: options.channelId, type: channelType, ...(inGuild ? { guild_id: options.guildId } : {}) },
    channel_id: options.channelId,
    app_permissions: "274877975552",
    locale: "en-US",
    entitlements: [],
    attachment_size_limit: 10485760,
  };
}
