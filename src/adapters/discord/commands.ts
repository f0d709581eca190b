/**
 * The slash commands, registered at start: `/ask` is the primary interface (no privileged intent
 * needed), `/sources` and `/help` explain what the bot knows. Usable in servers and in DMs with
 * the bot.
 */
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type ChatInputApplicationCommandData,
} from "discord.js";

export const commandNames = { ask: "ask", sources: "sources", help: "help" } as const;
export const QUESTION_OPTION = "question";

/** Discord's own cap on a string option. */
const DISCORD_MAX_OPTION_LENGTH = 6000;

export interface CommandDefinitionsOptions {
  /** Shown to users while typing, so over-long questions are stopped before they are sent. */
  maxQuestionLength: number;
}

/** The command definitions sent to Discord (a bulk overwrite, so stale commands disappear). */
export function commandDefinitions(options: CommandDefinitionsOptions): ChatInputApplicationCommandData[] {
  const where = {
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
  };
  return [
    {
      name: commandNames.ask,
      description: "Ask a question about the indexed news articles; the answer cites its sources.",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: QUESTION_OPTION,
          description: "Your question, e.g. who signed the agreement?",
          required: true,
          maxLength: Math.min(options.maxQuestionLength, DISCORD_MAX_OPTION_LENGTH),
        },
      ],
      ...where,
    },
    { name: commandNames.sources, description: "List the articles I can answer from.", ...where },
    { name: commandNames.help, description: "How to ask me questions.", ...where },
  ];
}
