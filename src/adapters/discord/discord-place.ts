/**
 * Where a Discord event happened, in the admission rules' terms: its guild and channel ids (a
 * thread also counts as its parent channel), for DISCORD_ALLOWED_GUILD_IDS / _CHANNEL_IDS.
 */
import type { Asker } from "../../service/admission.js";

export function discordAsker(userId: string, where: { guildId: string | null; channelId: string | null; parentChannelId: string | null }): Asker {
  const channel = [where.channelId, where.parentChannelId].filter((id): id is string => id !== null);
  return {
    platform: "discord",
    userId,
    place: { ids: { guild: where.guildId === null ? [] : [where.guildId], channel }, name: "this channel" },
  };
}
