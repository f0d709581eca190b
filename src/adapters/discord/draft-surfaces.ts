/**
 * The two places a Discord answer is drafted: a reply to the asking message (mentions, replies,
 * threads, DMs), and a slash command's deferred response, which is edited with `editReply` and
 * continued with follow-ups. Each remembers the last message it showed or sent: the answer's last
 * message, which carries the 👍 / 👎 row.
 */
import type { ChatInputCommandInteraction, Message } from "discord.js";
import type { DraftSurface } from "./draft-editor.js";

export interface TrackedSurface extends DraftSurface {
  /** The message last posted or edited through this surface (null before the first). */
  readonly last: Message | null;
}

/** Drafts as a reply to `message`: posted with the first draft, then edited. */
export function replySurface(message: Message): TrackedSurface {
  let placeholder: Message | null = null;
  let last: Message | null = null;
  return {
    get last() {
      return last;
    },
    async show(payload) {
      if (placeholder === null) placeholder = await message.reply(payload);
      else placeholder = await placeholder.edit(payload);
      last = placeholder;
    },
    async send(payload, first) {
      if (first) last = await message.reply(payload);
      else if (message.channel.isSendable()) last = await message.channel.send(payload);
    },
    async remove() {
      await placeholder?.delete();
    },
  };
}

/** Drafts in a slash command's deferred response. */
export function slashSurface(interaction: ChatInputCommandInteraction): TrackedSurface {
  let last: Message | null = null;
  return {
    get last() {
      return last;
    },
    async show(payload) {
      last = await interaction.editReply(payload);
    },
    async send(payload) {
      last = await interaction.followUp(payload);
    },
    async remove() {
      await interaction.deleteReply();
    },
  };
}
