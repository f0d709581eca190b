/**
 * 👍 / 👎 under grounded answers: the row an answer gets, what a click does (record the vote with
 * the service, then update the row's counts in place — the only response, so a vote adds no message
 * to the channel), and, in guild channels, the row's removal after `groupTtlMs` so old answers do
 * not keep buttons in a busy channel. DMs keep them. Clicks and removals of one message run in order,
 * so a late vote never puts back a row that was just removed. Failures are logged, never thrown.
 */
import type { ButtonInteraction, Message } from "discord.js";
import type { VoteTally } from "../../core/answer-log.js";
import type { Logger } from "../../core/logger.js";
import type { Answer, AnswerService } from "../../core/types.js";
import type { AdmissionRules } from "../../service/admission.js";
import { discordAsker } from "./discord-place.js";
import { ephemeralPayload } from "./message-payload.js";
import { parseVoteCustomId, voteReplies, voteRow, wantsVoteButtons, type VoteRow } from "./vote-buttons.js";

export interface DiscordFeedbackOptions {
  service: AnswerService;
  logger: Logger;
  /** The guild and channel allow-lists apply to clicks as they do to questions. */
  admission: AdmissionRules;
  /** How long the row stays under an answer in a guild channel; `Infinity` keeps it. */
  groupTtlMs: number;
}

/** Production default for `groupTtlMs`: long enough to react to an answer, short enough to keep a channel tidy. */
export const DEFAULT_FEEDBACK_TTL_MS = 10 * 60_000;

/** How the bot edits a message it sent (the route it was sent through: a reply, or an interaction's webhook). */
export type EditMessage = (payload: { components: [] }) => Promise<unknown>;

/** The answer's last message, which carries the row. */
export interface ShownRow {
  messageId: string;
  /** In a guild channel or thread (the row is removed after the TTL), or a DM (it stays). */
  inGuild: boolean;
  edit: EditMessage;
}

export class DiscordFeedback {
  /** Guild messages whose row is still up, by message id, with the timer that takes it down. */
  private readonly open = new Map<string, { deadline: number; timer: NodeJS.Timeout }>();
  /** The work on each message, chained so it runs in order. */
  private readonly chains = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly options: DiscordFeedbackOptions) {}

  /** The row for an answer, or undefined when it gets none (refusals, no vote store). */
  rowFor(answer: Answer): VoteRow | undefined {
    return wantsVoteButtons(answer, this.options.service) ? voteRow(answer.id) : undefined;
  }

  /** Tells the feedback that a message now carries the row; in a guild it starts the countdown to its removal. */
  shown(shown: ShownRow): void {
    if (!shown.inGuild || this.closed || !Number.isFinite(this.options.groupTtlMs)) return;
    this.expireAt(shown.messageId, Date.now() + this.options.groupTtlMs, shown.edit);
  }

  /** Handles a button click; false when the button is not one of ours (the caller acknowledges it). */
  async handle(interaction: ButtonInteraction): Promise<boolean> {
    const vote = parseVoteCustomId(interaction.customId);
    if (vote === null) return false;
    await this.inOrder(interaction.message.id, () => this.vote(interaction, vote.answerId, vote.value));
    return true;
  }

  /** Stops the removal timers (rows still up stay, and go at the next click once stale) and waits for clicks in progress. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { timer } of this.open.values()) clearTimeout(timer);
    this.open.clear();
    await Promise.allSettled([...this.chains.values()]);
  }

  private async vote(interaction: ButtonInteraction, answerId: string, value: 1 | -1): Promise<void> {
    const { service, logger } = this.options;
    const channel = interaction.channel;
    const asker = discordAsker(interaction.user.id, {
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      parentChannelId: channel?.isThread() === true ? channel.parentId : null,
    });
    const access = this.options.admission.checkAccess(asker);
    if (!access.ok) {
      await interaction.reply(ephemeralPayload(access.error.userMessage));
      return;
    }
    if (service.acceptsVotes !== true || service.vote === undefined) {
      await this.removeAndSay(interaction, voteReplies.off);
      return;
    }
    let tally: VoteTally | null;
    try {
      tally = await service.vote({ answerId, platform: "discord", userId: interaction.user.id, value, at: Date.now() });
    } catch (error) {
      logger.error("discord: could not record a vote", { channel: interaction.channelId, error });
      await interaction.reply(ephemeralPayload(voteReplies.failed));
      return;
    }
    if (tally === null) {
      await this.removeAndSay(interaction, voteReplies.tooOld);
      return;
    }
    const expired = interaction.guildId !== null && this.expired(interaction.message);
    await interaction.update({ components: expired ? [] : [voteRow(answerId, tally)] });
  }

  /** Takes the row off the clicked message and tells the clicker why, privately. */
  private async removeAndSay(interaction: ButtonInteraction, text: string): Promise<void> {
    await interaction.update({ components: [] });
    await interaction.followUp(ephemeralPayload(text));
  }

  /**
   * In a guild channel, whether the row's time is up. A row left over from before a restart has no
   * timer: its deadline is the message's creation plus the TTL (and a timer is started when that is
   * still ahead), so a click on a stale row takes it down instead of updating it.
   */
  private expired(message: Message): boolean {
    if (!Number.isFinite(this.options.groupTtlMs)) return false;
    const open = this.open.get(message.id);
    if (open !== undefined) return Date.now() >= open.deadline;
    const deadline = message.createdTimestamp + this.options.groupTtlMs;
    if (Date.now() >= deadline) return true;
    if (!this.closed) this.expireAt(message.id, deadline, (payload) => message.edit(payload));
    return false;
  }

  private expireAt(messageId: string, deadline: number, edit: EditMessage): void {
    const previous = this.open.get(messageId);
    if (previous !== undefined) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      this.open.delete(messageId);
      void this.inOrder(messageId, async () => {
        try {
          await edit({ components: [] });
        } catch (error) {
          this.options.logger.warn("discord: could not remove the feedback buttons", { message: messageId, error });
        }
      });
    }, Math.max(0, deadline - Date.now()));
    timer.unref();
    this.open.set(messageId, { deadline, timer });
  }

  /** Runs `work` after the earlier work on the same message; failures are logged, never thrown. */
  private inOrder(messageId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(messageId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => this.options.logger.error("discord: feedback failed", { message: messageId, error }));
    this.chains.set(messageId, next);
    void next.finally(() => {
      if (this.chains.get(messageId) === next) this.chains.delete(messageId);
    });
    return next;
  }
}
