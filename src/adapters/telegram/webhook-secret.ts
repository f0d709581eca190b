/**
 * The webhook's secret token (`X-Telegram-Bot-Api-Secret-Token`). Every instance behind the load
 * balancer must accept the secret the registering instance gave Telegram, so when
 * TELEGRAM_WEBHOOK_SECRET is unset it is derived from the bot token — the same on every instance,
 * with no coordination, and useless without the token it hides.
 */
import { createHmac } from "node:crypto";

/** What Telegram accepts as a secret token: 1–256 characters of A-Z, a-z, 0-9, _ and -. */
export const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/** HMAC-SHA256 of a fixed label keyed by the bot token, in hex (64 characters). */
export function deriveWebhookSecret(token: string): string {
  return createHmac("sha256", token).update("dossier webhook secret").digest("hex");
}

/** The configured secret, else the derived one. */
export function webhookSecretOf(config: { token: string; webhookSecret: string | null }): string {
  return config.webhookSecret ?? deriveWebhookSecret(config.token);
}
