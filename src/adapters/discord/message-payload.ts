/**
 * The one shape of every message the bot sends. Centralising it means no code path can forget the
 * safety settings: no pings from quoted text (`allowedMentions.parse` is empty, so `@everyone`,
 * roles and `<@id>` in an article or a question stay inert) and no link previews under sources.
 */
import { MessageFlags } from "discord.js";

export interface SafePayload {
  content: string;
  allowedMentions: { parse: []; repliedUser: boolean };
  flags: MessageFlags.SuppressEmbeds;
}

export interface SafePayloadOptions {
  /** Ping the author of the message we reply to (only the asker, never anyone named in the text). */
  pingAsker?: boolean;
}

/** Wraps text in the bot's only message payload shape. */
export function safePayload(content: string, options: SafePayloadOptions = {}): SafePayload {
  return {
    content,
    allowedMentions: { parse: [], repliedUser: options.pingAsker ?? false },
    flags: MessageFlags.SuppressEmbeds,
  };
}

export interface EphemeralPayload {
  content: string;
  allowedMentions: { parse: [] };
  flags: readonly [MessageFlags.Ephemeral, MessageFlags.SuppressEmbeds];
}

/** A reply to a slash command that only the user who ran it sees (refusals, /help, /sources). */
export function ephemeralPayload(content: string): EphemeralPayload {
  return { content, allowedMentions: { parse: [] }, flags: [MessageFlags.Ephemeral, MessageFlags.SuppressEmbeds] };
}
