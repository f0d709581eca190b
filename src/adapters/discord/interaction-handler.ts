/**
 * Slash commands → the question desk → interaction responses. `/ask` is deferred at once (Discord
 * allows 3 s for the first response), edited with a language model's draft while it writes, and
 * then with the checked answer; refusals, `/help` and `/sources` are ephemeral so they never
 * clutter a channel. A click on an answer's 👍 / 👎 goes to the feedback. Anything else is ignored
 * or answered with a short hint, never a crash.
 */
import type { ButtonInteraction, ChatInputCommandInteraction, Interaction, Message } from "discord.js";
import type { AnswerService } from "../../core/types.js";
import type { Logger } from "../../core/logger.js";
import type { AdmissionRules, Asker } from "../../service/admission.js";
import { commandNames, QUESTION_OPTION } from "./commands.js";
import { conversationKey } from "./conversation-key.js";
import { discordAsker } from "./discord-place.js";
import { DEFAULT_DRAFT_INTERVAL_MS, DraftEditor } from "./draft-editor.js";
import { slashSurface } from "./draft-surfaces.js";
import type { DiscordFeedback } from "./feedback-buttons.js";
import { formatDraft } from "./format-draft.js";
import { formatHelp, formatSources } from "./format-sources.js";
import { ephemeralPayload, safePayload } from "./message-payload.js";
import type { QuestionDesk } from "./question-desk.js";
import { replies } from "./user-replies.js";

export interface InteractionHandlerOptions {
  desk: QuestionDesk;
  /** Length limit, rate limit and allow-lists, shared with every front end. */
  admission: AdmissionRules;
  service: AnswerService;
  logger: Logger;
  messageContent: boolean;
  /** Aborted when the adapter stops. */
  signal: AbortSignal;
  /** Least time between two edits of a language model's draft (default 1000 ms). */
  draftIntervalMs?: number;
  /** Handles clicks on 👍 / 👎, and is told where an answer's row went. */
  feedback?: DiscordFeedback;
}

/** Interaction tokens last 15 minutes; past this, a reply is edited through the channel instead. */
const INTERACTION_TOKEN_MS = 14 * 60_000;

/** Builds the `interactionCreate` listener. */
export function createInteractionHandler(options: InteractionHandlerOptions): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      await interaction.respond([]);
      return;
    }
    if (interaction.isButton()) {
      await handleButton(interaction, options);
      return;
    }
    if (!interaction.isChatInputCommand()) {
      options.logger.debug("discord: ignored interaction", { type: interaction.type });
      return;
    }
    const channel = interaction.channel;
    const asker = discordAsker(interaction.user.id, {
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      parentChannelId: channel?.isThread() === true ? channel.parentId : null,
    });
    const access = options.admission.checkAccess(asker);
    if (!access.ok) {
      await interaction.reply(ephemeralPayload(access.error.userMessage));
      return;
    }
    switch (interaction.commandName) {
      case commandNames.ask:
        await handleAsk(interaction, asker, options);
        return;
      case commandNames.sources:
        await replyEphemeral(interaction, formatSources(options.service.corpus()));
        return;
      case commandNames.help:
        await replyEphemeral(
          interaction,
          formatHelp(options.service.corpus(), {
            maxQuestionLength: options.admission.maxQuestionLength,
            messageContent: options.messageContent,
            botMention: `<@${interaction.client.user.id}>`,
          }),
        );
        return;
      default:
        await interaction.reply(ephemeralPayload(replies.unknownCommand));
    }
  };
}

async function handleAsk(interaction: ChatInputCommandInteraction, asker: Asker, options: InteractionHandlerOptions): Promise<void> {
  const question = (interaction.options.getString(QUESTION_OPTION) ?? "").trim();
  if (question === "") {
    await interaction.reply(ephemeralPayload(replies.emptyQuestion));
    return;
  }
  const admission = await options.admission.admit({ asker, question });
  if (!admission.ok) {
    // A slash command must be answered: the refusal is private, even when repeated.
    await interaction.reply(ephemeralPayload(admission.error.userMessage));
    return;
  }
  await interaction.deferReply();
  const surface = slashSurface(interaction);
  const drafts = new DraftEditor({
    surface,
    intervalMs: options.draftIntervalMs ?? DEFAULT_DRAFT_INTERVAL_MS,
    render: (draft) => safePayload(formatDraft(draft, { echoQuestion: question })),
    logger: options.logger,
  });
  const parts = await options.desk.answer({
    question,
    conversationId: conversationKey(interaction.channelId, interaction.user.id),
    signal: options.signal,
    format: { echoQuestion: true },
    route: "slash",
    userId: interaction.user.id,
    chat: interaction.guildId === null ? "private" : "group",
    onDraft: (draft) => drafts.offer(draft),
  });
  let last: Message | null;
  if (await drafts.deliver(parts)) {
    last = surface.last;
  } else {
    const [first, ...rest] = parts;
    if (first === undefined) return;
    last = await interaction.editReply(first);
    for (const part of rest) last = await interaction.followUp(part);
  }
  const sent = last;
  if (sent === null || parts.at(-1)?.components === undefined) return;
  options.feedback?.shown({
    messageId: sent.id,
    inGuild: interaction.guildId !== null,
    // The interaction's webhook edits its own messages anywhere (DMs too) while the token lasts.
    edit: (payload) =>
      Date.now() - interaction.createdTimestamp < INTERACTION_TOKEN_MS
        ? interaction.editReply({ ...payload, message: sent.id })
        : sent.edit(payload),
  });
}

/** A click on a button: a vote goes to the feedback; any other button is acknowledged and left as it is. */
async function handleButton(interaction: ButtonInteraction, options: InteractionHandlerOptions): Promise<void> {
  if (options.feedback !== undefined && (await options.feedback.handle(interaction))) return;
  options.logger.debug("discord: ignored button", { customId: interaction.customId.slice(0, 40) });
  await interaction.deferUpdate();
}

/** Replies with one or more ephemeral messages (long `/sources` lists span several). */
async function replyEphemeral(interaction: ChatInputCommandInteraction, texts: string[]): Promise<void> {
  const [first, ...rest] = texts;
  await interaction.reply(ephemeralPayload(first ?? "…"));
  for (const text of rest) await interaction.followUp(ephemeralPayload(text));
}
