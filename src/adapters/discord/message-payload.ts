/**
 * The one shape of every message the bot sends. Centralising it means no code path can forget the
 * safety settings: no pings from quoted text (`allowedMentions.parse` is empty, so `@everyone`,
 * roles and `<@id>` in an article or a question stay inert) and no link previews under sources.
 */
import { MessageFlags } from "discord.js";
import type { VoteRow } from "./vote-buttons.js";

export interface SafePayload {
  content: string;
  allowedMentions: { parse: []; repliedUser: boolean };
  flags: MessageFlags.SuppressEmbeds;
  /** The 👍 / 👎 row (`withVoteRow`), on an answer's last message only. */
  components?: VoteRow[];
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

/** The same messages with the vote row under the last one (the row is the only thing added). */
export function withVoteRow(parts: readonly SafePayload[], row: VoteRow): SafePayload[] {
  return parts.map((part, i) => (i === parts.length - 1 ? { ...part, components: [row] } : part));
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
