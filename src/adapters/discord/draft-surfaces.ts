/**
 * The two places a Discord answer is drafted: a reply to the asking message (mentions, replies,
 * threads, DMs), and a slash command's deferred response, which is edited with `editReply` and
 * continued with follow-ups.
 */
import type { ChatInputCommandInteraction, Message } from "discord.js";
import type { DraftSurface } from "./draft-editor.js";

/** Drafts as a reply to `message`: posted with the first draft, then edited. */
export function replySurface(message: Message): DraftSurface {
  let placeholder: Message | null = null;
  return {
    async show(payload) {
      if (placeholder === null) placeholder = await message.reply(payload);
      else await placeholder.edit(payload);
    },
    async send(payload, first) {
      if (first) await message.reply(payload);
      else if (message.channel.isSendable()) await message.channel.send(payload);
    },
    async remove() {
      await placeholder?.delete();
    },
  };
}

/** Drafts in a slash command's deferred response. */
export function slashSurface(interaction: ChatInputCommandInteraction): DraftSurface {
  return {
    async show(payload) {
      await interaction.editReply(payload);
    },
    async send(payload) {
      await interaction.followUp(payload);
    },
    async remove() {
      await interaction.deleteReply();
    },
  };
}
