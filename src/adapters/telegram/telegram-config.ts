/** What the Telegram adapter is configured with (from TELEGRAM_* in `.env`, read by `config.ts`). */
export interface TelegramConfig {
  token: string;
  apiRoot: string | null;
  webhookUrl: string | null;
  webhookPort: number;
  webhookPath: string;
  webhookSecret: string | null;
  /** TELEGRAM_ALLOWED_CHAT_IDS: applied by the admission rules, not by the adapter. */
  allowedChatIds: string[] | null;
}
