/**
 * Test harness: a fake Discord on 127.0.0.1, the fake answer service, and the real adapter with the
 * unmodified discord.js client pointed at the fake through `DISCORD_API_URL`. Helpers dispatch
 * MESSAGE_CREATE / INTERACTION_CREATE and find the bot's requests in response.
 */
import type { DiscordConfig } from "../../../src/config.js";
import { createAdmission } from "../../../src/compose.js";
import { createLogger } from "../../../src/providers/console-logger.js";
import { startDiscordAdapter, type RunningAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { FakeAnswerService } from "../../fakes/discord-answer-service.js";
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from "../../fakes/discord-fake-server.js";
import type { FakeVotes } from "../../fakes/fake-votes.js";
import { ChannelTypes, rawComponentInteraction, rawInteraction, rawMessage, rawUser, snowflake, type RawUser } from "../../fakes/discord-payloads.js";

/** Shaped like a real bot token, so the logger's token-shape redaction is exercised too. */
export const TOKEN = "MTA5ODc2NTQzMjEwOTg3NjU0.GxYzAb.c2VjcmV0LXRva2VuLWZvci10ZXN0cy1vbmx5";

type ConfigOverrides = Partial<Omit<DiscordConfig, "token" | "apiUrl">>;

export interface HarnessOptions {
  /** Config overrides; a function gets the harness, for allow-lists made of its ids. */
  config?: ConfigOverrides | ((h: Harness) => ConfigOverrides);
  rateLimit?: { max: number; windowMs: number };
  maxQuestionLength?: number;
  fake?: Partial<FakeDiscordOptions>;
  shutdownGraceMs?: number;
  /** Least time between draft edits (the adapter's default is 1000 ms). */
  draftIntervalMs?: number;
  /** How long 👍 / 👎 stay under a guild answer (the adapter's default is 10 minutes). */
  feedbackTtlMs?: number;
  /** A vote store for the fake service: answers get 👍 / 👎 only with one. */
  votes?: FakeVotes;
  /** Ids of the main and the other guild (e.g. picked for their shard); fresh snowflakes by default. */
  guildIds?: { main?: string; other?: string };
}

export interface Place {
  channelId: string;
  guildId: string | null;
}

export class Harness {
  readonly alice: RawUser = rawUser(snowflake(), "alice");
  readonly bob: RawUser = rawUser(snowflake(), "bob");
  readonly logs: string[] = [];
  readonly service = new FakeAnswerService();
  adapter: RunningAdapter | null = null;
  /** Main guild: [general, help] channels, a thread the bot started and one a user started. */
  readonly guildId: string;
  readonly general = snowflake();
  readonly help = snowflake();
  readonly botThread = snowflake();
  readonly userThread = snowflake();
  /** A second guild the bot is also in. */
  readonly otherGuildId: string;
  readonly otherChannel = snowflake();
  readonly dmChannel = snowflake();
  readonly fake: FakeDiscord;

  constructor(private readonly options: HarnessOptions = {}) {
    this.guildId = options.guildIds?.main ?? snowflake();
    this.otherGuildId = options.guildIds?.other ?? snowflake();
    const botPlaceholder = "bot";
    this.fake = new FakeDiscord({
      token: TOKEN,
      ...options.fake,
      guilds: [
        { id: this.guildId, channelIds: [this.general, this.help], threads: [[this.botThread, this.general, botPlaceholder], [this.userThread, this.general, this.alice.id]] },
        { id: this.otherGuildId, channelIds: [this.otherChannel], threads: [] },
      ],
    });
    this.service.votes = options.votes ?? null;
    // The bot id exists only once the fake is built; point the bot thread's owner at it.
    const thread = this.fake.guilds[0]?.threads[0];
    if (thread) thread[2] = this.fake.bot.id;
  }

  get inGeneral(): Place {
    return { channelId: this.general, guildId: this.guildId };
  }

  get inDm(): Place {
    return { channelId: this.dmChannel, guildId: null };
  }

  /** Starts the fake and the adapter; resolves when the bot is ready with commands registered. */
  async start(): Promise<this> {
    await this.fake.start();
    this.adapter = await startDiscordAdapter(this.adapterOptions());
    return this;
  }

  adapterOptions(token = TOKEN): Parameters<typeof startDiscordAdapter>[0] {
    return {
      config: {
        token, apiUrl: this.fake.apiUrl, guildId: null, allowedGuildIds: null, allowedChannelIds: null, messageContent: true, shardCount: null, shardIds: null,
        ...(typeof this.options.config === "function" ? this.options.config(this) : this.options.config),
      },
      service: this.service,
      logger: createLogger({ level: "debug", secrets: [TOKEN], write: (line) => this.logs.push(line) }),
      admission: createAdmission({
        maxQuestionLength: this.options.maxQuestionLength ?? 500,
        rateLimit: this.options.rateLimit ?? { max: 1000, windowMs: 60_000 },
        telegram: null,
        discord: {
          token, apiUrl: null, guildId: null, allowedGuildIds: null, allowedChannelIds: null, messageContent: true, shardCount: null, shardIds: null,
          ...(typeof this.options.config === "function" ? this.options.config(this) : this.options.config),
        },
      }),
      ...(this.options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: this.options.shutdownGraceMs }),
      ...(this.options.draftIntervalMs === undefined ? {} : { draftIntervalMs: this.options.draftIntervalMs }),
      ...(this.options.feedbackTtlMs === undefined ? {} : { feedbackTtlMs: this.options.feedbackTtlMs }),
    };
  }

  async close(): Promise<void> {
    await this.adapter?.stop("test finished");
    await this.fake.close();
  }

  /** Dispatches a MESSAGE_CREATE; `mention` puts `<@bot>` in front and in `mentions`. */
  sendMessage(options: { from: RawUser; content: string; place?: Place; mention?: boolean; replyTo?: Record<string, unknown>; type?: number }): { message: Record<string, unknown> & { id: string }; at: number } {
    const place = options.place ?? this.inGeneral;
    const mention = options.mention ?? false;
    const message = rawMessage({
      channelId: place.channelId, guildId: place.guildId, author: options.from,
      content: mention ? `<@${this.fake.bot.id}> ${options.content}` : options.content,
      mentions: mention ? [this.fake.bot] : [],
      mentionEveryone: options.content.includes("@everyone"),
      ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
      ...(options.type === undefined ? {} : { type: options.type }),
      channelType: this.channelTypeOf(place),
    }) as Record<string, unknown> & { id: string };
    const at = this.fake.dispatch("MESSAGE_CREATE", message);
    return { message, at };
  }

  private channelTypeOf(place: Place): number {
    if (place.guildId === null) return ChannelTypes.DM;
    return place.channelId === this.botThread || place.channelId === this.userThread ? ChannelTypes.PublicThread : ChannelTypes.GuildText;
  }

  /** Dispatches an INTERACTION_CREATE for a slash command. */
  sendCommand(options: { from: RawUser; name: string; question?: string; place?: Place; type?: number }): { interaction: ReturnType<typeof rawInteraction>; at: number } {
    const place = options.place ?? this.inGeneral;
    const interaction = rawInteraction({
      applicationId: this.fake.applicationId, user: options.from, channelId: place.channelId, guildId: place.guildId, name: options.name,
      ...(options.question === undefined ? {} : { options: { question: options.question } }),
      ...(options.type === undefined ? {} : { type: options.type }),
      channelType: this.channelTypeOf(place),
    });
    this.fake.trackInteraction(interaction);
    const at = this.fake.dispatch("INTERACTION_CREATE", interaction);
    return { interaction, at };
  }

  /**
   * A user clicks a button on one of the bot's messages (as it is now on the fake): dispatches the
   * MESSAGE_COMPONENT interaction Discord sends. `message` may be any message object, e.g. an old one.
   */
  click(options: { from: RawUser; messageId: string; customId: string; message?: Record<string, unknown> }): { interaction: ReturnType<typeof rawComponentInteraction>; at: number } {
    const message = options.message ?? this.fake.botMessages.get(options.messageId);
    if (message === undefined) throw new Error(`no bot message ${options.messageId}`);
    const channelId = String(message.channel_id);
    const guildId = typeof message.guild_id === "string" ? message.guild_id : null;
    const interaction = rawComponentInteraction({
      applicationId: this.fake.applicationId, user: options.from, channelId, guildId, customId: options.customId,
      message: structuredClone(message), channelType: this.channelTypeOf({ channelId, guildId }),
    });
    this.fake.trackInteraction(interaction);
    const at = this.fake.dispatch("INTERACTION_CREATE", interaction);
    return { interaction, at };
  }

  /** The bot's reply to a message (POST to the channel referencing it). */
  async replyTo(messageId: string): Promise<RecordedRequest> {
    return this.fake.waitForRequest((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && referencedId(r) === messageId);
  }

  /** All channel messages the bot sent in reply to a message. */
  repliesTo(messageId: string): RecordedRequest[] {
    return this.fake.requests.filter((r) => r.method === "POST" && /\/messages$/.test(r.path) && referencedId(r) === messageId);
  }

  /** The interaction callback (first response) of an interaction. */
  async callbackOf(interaction: { id: string }): Promise<RecordedRequest> {
    return this.fake.waitForRequest((r) => r.path.startsWith(`/interactions/${interaction.id}/`));
  }

  /** The edit of the deferred response with the answer. */
  async originalEditOf(interaction: { token: string }): Promise<RecordedRequest> {
    return this.fake.waitForRequest((r) => r.method === "PATCH" && r.path.includes(`/${interaction.token}/messages/@original`));
  }
}

export function referencedId(request: RecordedRequest): string | undefined {
  return (request.body?.message_reference as { message_id?: string } | undefined)?.message_id;
}

export function contentOf(request: RecordedRequest): string {
  const body = request.body ?? {};
  const data = (body.data ?? body) as { content?: unknown };
  return typeof data.content === "string" ? data.content : "";
}

/** Requests by which the bot posts or edits a message with text. */
export function isMessageSend(request: RecordedRequest): boolean {
  if (request.method === "POST" && /^\/channels\/\d+\/messages$/.test(request.path)) return true;
  if (request.path.startsWith("/webhooks/")) return true;
  if (request.path.endsWith("/callback")) return typeof (request.body?.data as { content?: unknown } | undefined)?.content === "string";
  return false;
}

export function allowedMentionsOf(request: RecordedRequest): Record<string, unknown> | undefined {
  const body = request.body ?? {};
  const data = (request.path.endsWith("/callback") ? body.data : body) as { allowed_mentions?: Record<string, unknown> } | undefined;
  return data?.allowed_mentions;
}
