/**
 * Turns what can go wrong while connecting into one clear `AppError` for the maintainer starting
 * the bot: a rejected token, a privileged intent not enabled in the Developer Portal, an
 * unreachable API. Messages never contain the token.
 */
import { DiscordAPIError } from "discord.js";
import { redact } from "../../text/redact-secrets.js";
import { AppError } from "../../core/errors.js";

/** The gateway closed the connection for good while starting (a close code discord.js won't retry). */
export class GatewayClosedError extends Error {
  constructor(readonly code: number) {
    super(`Discord closed the gateway connection with code ${code}`);
    this.name = "GatewayClosedError";
  }
}

const AUTHENTICATION_FAILED = 4004;
const INVALID_INTENTS = 4013;
const DISALLOWED_INTENTS = 4014;

const BAD_TOKEN =
  "Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Discord Developer Portal " +
  "(your application → Bot → Reset Token) into .env.";
const MESSAGE_CONTENT_DISALLOWED =
  "Discord refused the Message Content intent. Enable it in the Discord Developer Portal (your application → Bot → " +
  "Privileged Gateway Intents → Message Content Intent), or set DISCORD_MESSAGE_CONTENT=false to use slash commands only.";

export interface StartupErrorContext {
  /** The REST base in use, for "could not reach" messages. */
  apiBase: string;
  stage: "connect" | "register-commands";
  /** Removed from any message taken from a library error. */
  secrets: readonly string[];
}

/** Maps a connection or registration failure to an `AppError` safe to print. */
export function toStartupError(error: unknown, context: StartupErrorContext): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "TokenInvalid" || (error instanceof GatewayClosedError && error.code === AUTHENTICATION_FAILED)) {
    return new AppError("CONFIG_INVALID", BAD_TOKEN);
  }
  if (error instanceof DiscordAPIError && error.status === 401) return new AppError("CONFIG_INVALID", BAD_TOKEN);
  if (error instanceof GatewayClosedError) {
    if (error.code === DISALLOWED_INTENTS) return new AppError("CONFIG_INVALID", MESSAGE_CONTENT_DISALLOWED);
    const detail = error.code === INVALID_INTENTS ? " (invalid intents)" : "";
    return new AppError("INTERNAL", `Discord closed the gateway connection with code ${error.code}${detail}.`, { cause: error });
  }
  if (error instanceof DiscordAPIError) {
    const what = context.stage === "register-commands" ? "register the slash commands" : "connect";
    const detail = redact(error.message, context.secrets);
    return new AppError("INTERNAL", `Discord refused to ${what}: ${detail} (HTTP ${error.status}).`, { cause: error });
  }
  const message = redact(error instanceof Error ? error.message : String(error), context.secrets);
  return new AppError("INTERNAL", `Could not connect to Discord at ${context.apiBase}: ${message}`, { cause: error });
}
