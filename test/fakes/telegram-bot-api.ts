/**
 * A fake Telegram Bot API server on 127.0.0.1 for driving the unmodified telegraf client through
 * `telegram.apiRoot`: getMe, getUpdates (long poll with offsets), sendMessage (validating HTML like
 * Telegram), sendMessageDraft (private chats only; can be switched off like an older server),
 * editMessageText, editMessageReplyMarkup, deleteMessage, answerCallbackQuery, sendChatAction,
 * setMyCommands, setWebhook / deleteWebhook / getWebhookInfo, and errors on demand (the next call of
 * a method, or its n-th call). Inline keyboards are kept on the messages, and a user's press of one
 * of their buttons is delivered as a `callback_query` update (`pressButton`).
 *
 * While a webhook is set, queued updates are POSTed to it (`telegram-webhook-delivery.ts`) and
 * getUpdates answers 409 like the real API; a second getUpdates while one is held ends the older
 * one with 409 "terminated by other getUpdates request". Each client may use its own API root
 * (`apiRootFor(name)`), so tests can tell which instance made a call (`ApiCall.client`).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseTelegramHtml } from "./telegram-html.js";
import { WebhookDelivery, type DeliveryAttempt, type WebhookDeliveryOptions, type WebhookSettings } from "./telegram-webhook-delivery.js";

export type { DeliveryAttempt, WebhookDeliveryOptions, WebhookSettings } from "./telegram-webhook-delivery.js";

export interface FakeUser { id: number; first_name?: string; username?: string; is_bot?: boolean }
export interface FakeChat { id: number; type: "private" | "group" | "supergroup" | "channel"; title?: string }

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** The name in the API root the client used (`apiRootFor(name)`); undefined for the plain `apiRoot`. */
  client?: string;
}

export interface FakeInlineButton { text: string; callback_data?: string; url?: string }
export interface FakeInlineKeyboard { inline_keyboard: FakeInlineButton[][] }

/** A message the bot sent, as the user would see it. */
export interface SentMessage {
  messageId: number;
  chatId: number;
  /** Raw `text` field as sent. */
  raw: string;
  /** What the user sees: HTML parsed (when parse_mode is HTML) or the raw text. */
  text: string;
  parseMode: string | undefined;
  replyTo: number | undefined;
  linkPreviewDisabled: boolean;
  links: { text: string; href: string }[];
  /** The inline keyboard under the message now (undefined: none). */
  replyMarkup: FakeInlineKeyboard | undefined;
  /** Unix seconds, as Telegram dates messages. */
  date: number;
  at: number;
}

/** An accepted `editMessageReplyMarkup`: the keyboard after it (undefined when removed). */
export interface MarkupEdit {
  chatId: number;
  messageId: number;
  replyMarkup: FakeInlineKeyboard | undefined;
  at: number;
}

/** A button press delivered to the bot, and how the bot answered it. */
export interface CallbackQueryRecord {
  id: string;
  from: FakeUser;
  chatId: number;
  messageId: number;
  data: string;
  /** Set once the bot called answerCallbackQuery. */
  answer?: { text: string | undefined; showAlert: boolean; at: number };
}

/** A `sendMessageDraft` call as accepted. */
export interface DraftCall {
  chatId: number;
  draftId: number;
  text: string;
  parseMode: string | undefined;
  threadId: number | undefined;
  at: number;
}

/** An accepted `editMessageText`: what the message said after it. */
export interface MessageEdit {
  messageId: number;
  chatId: number;
  raw: string;
  text: string;
  parseMode: string | undefined;
  at: number;
}

export interface UserMessageInput { chat: FakeChat; from: FakeUser; text?: string; extra?: Record<string, unknown> }

export interface FakeError { error_code: number; description: string; parameters?: { retry_after?: number } }

export interface FakeBotApiOptions {
  token: string;
  bot?: { id: number; username: string };
  /** How updates are delivered while a webhook is set (parallelism, retry delay, timeout). */
  webhook?: WebhookDeliveryOptions;
}

interface PendingPoll { offset: number; limit: number; res: http.ServerResponse; timer: NodeJS.Timeout }

export class FakeTelegramBotApi {
  readonly calls: ApiCall[] = [];
  /** The bot's messages as they are now: edits applied, deleted ones removed (they move to `deleted`). */
  readonly sent: SentMessage[] = [];
  readonly drafts: DraftCall[] = [];
  readonly edits: MessageEdit[] = [];
  readonly deleted: SentMessage[] = [];
  readonly markupEdits: MarkupEdit[] = [];
  /** Button presses, by callback query id. */
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  /** Set to false to answer sendMessageDraft like a Bot API server that predates it (404). */
  supportsDrafts = true;
  /** When each incoming message was pushed, by `${chatId}:${messageId}`. */
  readonly pushedAt = new Map<string, number>();
  readonly bot: { id: number; username: string };
  /** Set to make every HTML sendMessage fail like a real parse error. */
  rejectHtml = false;
  private readonly updates: Record<string, unknown>[] = [];
  private readonly polls = new Set<PendingPoll>();
  private readonly failures: { method: string; error: FakeError }[] = [];
  private readonly failuresAt: { method: string; call: number; error: FakeError }[] = [];
  private readonly listeners = new Set<() => void>();
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private nextQueryId = 1;
  private readonly delivery: WebhookDelivery;
  /** Successful setWebhook calls. */
  setWebhookCount = 0;

  private constructor(private readonly server: http.Server, readonly apiRoot: string, private readonly options: FakeBotApiOptions) {
    this.bot = options.bot ?? { id: 4242, username: "dossier_test_bot" };
    this.delivery = new WebhookDelivery(options.webhook ?? {}, this.updates, () => this.notify());
  }

  /** An API root for one client: its calls are recorded with `client: name`. */
  apiRootFor(name: string): string {
    if (!/^[\w-]+$/.test(name)) throw new Error(`client names are letters, digits, _ and -: ${name}`);
    return `${this.apiRoot}/c/${name}/`;
  }

  /** The webhook set now, or null. */
  get webhook(): WebhookSettings | null {
    return this.delivery.settings;
  }

  /** Every webhook delivery attempt, in the order they finished. */
  get deliveries(): readonly DeliveryAttempt[] {
    return this.delivery.attempts;
  }

  /** Updates queued and not yet received (by getUpdates) or acknowledged (by the webhook). */
  get pendingUpdates(): number {
    return this.updates.length;
  }

  static async start(options: FakeBotApiOptions): Promise<FakeTelegramBotApi> {
    const holder: { api?: FakeTelegramBotApi } = {};
    const server = http.createServer((req, res) => void holder.api?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    holder.api = new FakeTelegramBotApi(server, `http://127.0.0.1:${port}`, options);
    return holder.api;
  }

  /** Long polls currently held open. */
  get pendingPolls(): number {
    return this.polls.size;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The next `times` calls of `method` fail with `error`. */
  failNext(method: string, error: FakeError, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, error });
  }

  /** The `call`-th call of `method` (1-based, counted since the server started) fails with `error`. */
  failCall(method: string, call: number, error: FakeError): void {
    this.failuresAt.push({ method, call, error });
  }

  /** Queues a raw update (any shape) and wakes long polls. Returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number {
    const id = typeof update.update_id === "number" ? update.update_id : this.nextUpdateId++;
    this.updates.push({ ...update, update_id: id });
    this.flushPolls();
    this.delivery.pump();
    return id;
  }

  /** Builds a message update as Telegram would and queues it for getUpdates; returns the message id. */
  sendUserMessage(input: UserMessageInput): number {
    const update = this.makeMessageUpdate(input);
    this.pushUpdate(update);
    return (update.message as { message_id: number }).message_id;
  }

  /** Builds a message update (for a webhook POST) without queuing it; `update_id` included. */
  makeMessageUpdate(input: UserMessageInput): Record<string, unknown> {
    const messageId = this.nextMessageId++;
    const message: Record<string, unknown> = {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: input.chat,
      from: { is_bot: false, first_name: "User", ...input.from },
      ...(input.text === undefined ? {} : { text: input.text, ...commandEntity(input.text) }),
      ...input.extra,
    };
    this.pushedAt.set(`${input.chat.id}:${messageId}`, performance.now());
    return { update_id: this.nextUpdateId++, message };
  }

  /**
   * A user presses a button under one of the bot's messages: queues the `callback_query` update
   * Telegram sends (with the message as it is now, keyboard included) and returns the query id.
   * `messageOverrides` replaces fields of that message as delivered (e.g. an old `date`).
   */
  pressButton(input: { from: FakeUser; message: SentMessage; data: string; messageOverrides?: Record<string, unknown> }): string {
    const id = `cbq-${this.nextQueryId++}`;
    const { message } = input;
    this.callbackQueries.set(id, { id, from: input.from, chatId: message.chatId, messageId: message.messageId, data: input.data });
    this.pushUpdate({
      callback_query: {
        id,
        from: { is_bot: false, first_name: "User", ...input.from },
        chat_instance: `instance-${message.chatId}`,
        data: input.data,
        message: {
          message_id: message.messageId,
          date: message.date,
          chat: { id: message.chatId, type: message.chatId > 0 ? "private" : "supergroup" },
          from: { ...this.bot, is_bot: true, first_name: "Dossier" },
          text: message.text,
          ...(message.replyMarkup === undefined ? {} : { reply_markup: message.replyMarkup }),
          ...input.messageOverrides,
        },
      },
    });
    return id;
  }

  /** The bot's message with this id, as it is now. */
  message(chatId: number, messageId: number): SentMessage | undefined {
    return this.sent.find((m) => m.chatId === chatId && m.messageId === messageId);
  }

  /** Resolves when `predicate` holds (checked after every API call); rejects after `ms` so a test fails instead of hanging. */
  waitFor(predicate: () => boolean, label: string, ms = 15_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for ${label}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  /** Messages sent to one chat that reply to `messageId`, plus the parts that follow them. */
  repliesTo(chatId: number, messageId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId && m.replyTo === messageId);
  }

  async close(): Promise<void> {
    this.delivery.close();
    for (const poll of this.polls) this.answerPoll(poll, []);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const m = /^(?:\/c\/([\w-]+))?\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (m === null) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, client, token, method = ""] = m;
    let payload: Record<string, unknown> = {};
    try {
      payload = body === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
    } catch {
      return this.reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid JSON" });
    }
    this.calls.push({ method, payload, at: performance.now(), ...(client === undefined ? {} : { client }) });
    try {
      if (token !== this.options.token) return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      const nth = this.calls.filter((c) => c.method === method).length;
      const at = this.failuresAt.findIndex((f) => f.method === method && f.call === nth);
      if (at !== -1) {
        const error = this.failuresAt.splice(at, 1)[0]!.error;
        return this.reply(res, error.error_code, { ok: false, ...error });
      }
      const failure = this.failures.findIndex((f) => f.method === method);
      if (failure !== -1) {
        const error = this.failures.splice(failure, 1)[0]!.error;
        return this.reply(res, error.error_code, { ok: false, ...error });
      }
      this.dispatch(method, payload, res);
    } finally {
      this.notify();
    }
  }

  private dispatch(method: string, payload: Record<string, unknown>, res: http.ServerResponse): void {
    switch (method) {
      case "getMe":
        return this.ok(res, { ...this.bot, is_bot: true, first_name: "Dossier", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case "getUpdates":
        return this.getUpdates(payload, res);
      case "sendMessage":
        return this.sendMessage(payload, res);
      case "sendMessageDraft":
        if (!this.supportsDrafts) break;
        return this.sendMessageDraft(payload, res);
      case "editMessageText":
        return this.editMessageText(payload, res);
      case "editMessageReplyMarkup":
        return this.editMessageReplyMarkup(payload, res);
      case "answerCallbackQuery":
        return this.answerCallbackQuery(payload, res);
      case "deleteMessage":
        return this.deleteMessage(payload, res);
      case "sendChatAction":
      case "setMyCommands":
        return this.ok(res, true);
      case "setWebhook":
        return this.setWebhook(payload, res);
      case "deleteWebhook":
        this.delivery.unset();
        if (payload.drop_pending_updates === true) this.updates.splice(0);
        return this.ok(res, true);
      case "getWebhookInfo":
        return this.ok(res, this.webhookInfo());
      default:
        break;
    }
    return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
  }

  private setWebhook(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const url = typeof payload.url === "string" ? payload.url : "";
    if (url === "") {
      this.delivery.unset();
      return this.ok(res, true);
    }
    const secret = payload.secret_token;
    if (secret !== undefined && (typeof secret !== "string" || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
      return this.badRequest(res, "Bad Request: secret token contains unallowed characters");
    }
    const maxConnections = typeof payload.max_connections === "number" ? payload.max_connections : this.delivery.defaultMaxConnections;
    const allowed = Array.isArray(payload.allowed_updates) ? payload.allowed_updates.map(String) : undefined;
    this.setWebhookCount++;
    // Like Telegram: a webhook ends any long poll.
    for (const poll of [...this.polls]) this.conflict(poll.res, "Conflict: terminated by setWebhook request");
    this.delivery.set({ url, secretToken: secret, allowedUpdates: allowed, maxConnections });
    this.ok(res, true);
  }

  private webhookInfo(): Record<string, unknown> {
    const settings = this.delivery.settings;
    const lastError = [...this.delivery.attempts].reverse().find((a) => a.status < 200 || a.status >= 300);
    return {
      url: settings?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.updates.length,
      ...(settings === null ? {} : { max_connections: settings.maxConnections }),
      ...(settings?.allowedUpdates === undefined ? {} : { allowed_updates: settings.allowedUpdates }),
      ...(lastError === undefined ? {} : { last_error_date: Math.floor(Date.now() / 1000), last_error_message: lastError.error ?? `Wrong response from the webhook: ${lastError.status}` }),
    };
  }

  private conflict(res: http.ServerResponse, description: string): void {
    for (const poll of this.polls) {
      if (poll.res === res) {
        clearTimeout(poll.timer);
        this.polls.delete(poll);
      }
    }
    this.reply(res, 409, { ok: false, error_code: 409, description });
  }

  private getUpdates(payload: Record<string, unknown>, res: http.ServerResponse): void {
    if (this.delivery.settings !== null) {
      return this.conflict(res, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    // Like Telegram: one getUpdates at a time per bot; a newer one ends the one held open.
    for (const poll of [...this.polls]) this.conflict(poll.res, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    const limit = typeof payload.limit === "number" ? Math.min(100, payload.limit) : 100;
    const timeout = typeof payload.timeout === "number" ? payload.timeout : 0;
    while (this.updates.length > 0 && (this.updates[0]?.update_id as number) < offset) this.updates.shift();
    if (this.updates.length > 0 || timeout === 0) return this.ok(res, this.updates.slice(0, limit));
    const poll: PendingPoll = { offset, limit, res, timer: setTimeout(() => this.answerPoll(poll, []), timeout * 1000) };
    this.polls.add(poll);
    res.on("close", () => {
      clearTimeout(poll.timer);
      this.polls.delete(poll);
      this.notify();
    });
  }

  private flushPolls(): void {
    for (const poll of [...this.polls]) this.answerPoll(poll, this.updates.slice(0, poll.limit));
  }

  private answerPoll(poll: PendingPoll, updates: unknown[]): void {
    clearTimeout(poll.timer);
    this.polls.delete(poll);
    if (!poll.res.writableEnded) this.ok(poll.res, updates);
  }

  /** The text as the user sees it, or the error Telegram gives for it. */
  private parseText(payload: Record<string, unknown>): { ok: true; raw: string; text: string; parseMode: string | undefined; links: { text: string; href: string }[] } | { ok: false; error: string } {
    const raw = String(payload.text ?? "");
    const parseMode = typeof payload.parse_mode === "string" ? payload.parse_mode : undefined;
    let text = raw;
    let links: { text: string; href: string }[] = [];
    if (parseMode === "HTML") {
      const parsed = this.rejectHtml ? { ok: false as const, error: "Bad Request: can't parse entities: rejected on demand" } : parseTelegramHtml(raw);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      text = parsed.text;
      links = parsed.links;
    }
    if (text.trim() === "") return { ok: false, error: "Bad Request: message text is empty" };
    if (text.length > 4096) return { ok: false, error: "Bad Request: message is too long" };
    return { ok: true, raw, text, parseMode, links };
  }

  private badRequest(res: http.ServerResponse, description: string): void {
    this.reply(res, 400, { ok: false, error_code: 400, description });
  }

  private sendMessageDraft(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const chatId = Number(payload.chat_id);
    const draftId = payload.draft_id;
    if (!(chatId > 0)) return this.badRequest(res, "Bad Request: drafts can be sent only to private chats");
    if (typeof draftId !== "number" || !Number.isInteger(draftId) || draftId === 0) return this.badRequest(res, "Bad Request: invalid draft_id");
    const parsed = this.parseText(payload);
    if (!parsed.ok) return this.badRequest(res, parsed.error);
    this.drafts.push({
      chatId, draftId, text: parsed.text, parseMode: parsed.parseMode,
      threadId: typeof payload.message_thread_id === "number" ? payload.message_thread_id : undefined,
      at: performance.now(),
    });
    this.ok(res, true);
  }

  private editMessageText(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const chatId = Number(payload.chat_id);
    const messageId = Number(payload.message_id);
    const message = this.sent.find((m) => m.chatId === chatId && m.messageId === messageId);
    if (message === undefined) return this.badRequest(res, "Bad Request: message to edit not found");
    const parsed = this.parseText(payload);
    if (!parsed.ok) return this.badRequest(res, parsed.error);
    const replyMarkup = keyboardOf(payload.reply_markup);
    if (parsed.text === message.text && parsed.parseMode === message.parseMode && sameKeyboard(replyMarkup, message.replyMarkup)) {
      return this.badRequest(res, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    const preview = payload.link_preview_options as { is_disabled?: boolean } | undefined;
    // Like Telegram: an edit without reply_markup takes the inline keyboard away.
    Object.assign(message, { raw: parsed.raw, text: parsed.text, parseMode: parsed.parseMode, links: parsed.links, linkPreviewDisabled: preview?.is_disabled === true, replyMarkup });
    const at = performance.now();
    this.edits.push({ messageId, chatId, raw: parsed.raw, text: parsed.text, parseMode: parsed.parseMode, at });
    this.ok(res, { message_id: messageId, date: Math.floor(Date.now() / 1000), edit_date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" }, from: { ...this.bot, is_bot: true, first_name: "Dossier" }, text: parsed.text });
  }

  private editMessageReplyMarkup(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const chatId = Number(payload.chat_id);
    const messageId = Number(payload.message_id);
    const message = this.message(chatId, messageId);
    if (message === undefined) return this.badRequest(res, "Bad Request: message to edit not found");
    const replyMarkup = keyboardOf(payload.reply_markup);
    const invalid = replyMarkup?.inline_keyboard.flat().find((b) => b.callback_data !== undefined && (Buffer.byteLength(b.callback_data) > 64 || b.callback_data === ""));
    if (invalid !== undefined) return this.badRequest(res, "Bad Request: BUTTON_DATA_INVALID");
    if (sameKeyboard(replyMarkup, message.replyMarkup)) {
      return this.badRequest(res, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    message.replyMarkup = replyMarkup;
    this.markupEdits.push({ chatId, messageId, replyMarkup, at: performance.now() });
    this.ok(res, { message_id: messageId, date: message.date, chat: { id: chatId, type: chatId > 0 ? "private" : "supergroup" }, from: { ...this.bot, is_bot: true, first_name: "Dossier" }, text: message.text, ...(replyMarkup === undefined ? {} : { reply_markup: replyMarkup }) });
  }

  private answerCallbackQuery(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const query = this.callbackQueries.get(String(payload.callback_query_id));
    if (query === undefined || query.answer !== undefined) {
      return this.badRequest(res, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    }
    query.answer = { text: typeof payload.text === "string" ? payload.text : undefined, showAlert: payload.show_alert === true, at: performance.now() };
    this.ok(res, true);
  }

  private deleteMessage(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const index = this.sent.findIndex((m) => m.chatId === Number(payload.chat_id) && m.messageId === Number(payload.message_id));
    if (index === -1) return this.badRequest(res, "Bad Request: message to delete not found");
    this.deleted.push(...this.sent.splice(index, 1));
    this.ok(res, true);
  }

  private sendMessage(payload: Record<string, unknown>, res: http.ServerResponse): void {
    const parsed = this.parseText(payload);
    if (!parsed.ok) return this.badRequest(res, parsed.error);
    const { raw, text, parseMode, links } = parsed;
    const chatId = Number(payload.chat_id);
    const replyParameters = payload.reply_parameters as { message_id?: number } | undefined;
    const preview = payload.link_preview_options as { is_disabled?: boolean } | undefined;
    const replyMarkup = keyboardOf(payload.reply_markup);
    const invalid = replyMarkup?.inline_keyboard.flat().find((b) => b.callback_data !== undefined && (Buffer.byteLength(b.callback_data) > 64 || b.callback_data === ""));
    if (invalid !== undefined) return this.badRequest(res, "Bad Request: BUTTON_DATA_INVALID");
    const messageId = this.nextMessageId++;
    const date = Math.floor(Date.now() / 1000);
    this.sent.push({
      messageId, chatId, raw, text, parseMode, links, replyMarkup, date,
      replyTo: replyParameters?.message_id,
      linkPreviewDisabled: preview?.is_disabled === true,
      at: performance.now(),
    });
    this.ok(res, { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, from: { ...this.bot, is_bot: true, first_name: "Dossier" }, text });
  }

  private ok(res: http.ServerResponse, result: unknown): void {
    this.reply(res, 200, { ok: true, result });
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
}

/** The inline keyboard of a `reply_markup` (other markups and an empty keyboard count as none). */
function keyboardOf(markup: unknown): FakeInlineKeyboard | undefined {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows) || rows.every((row) => !Array.isArray(row) || row.length === 0)) return undefined;
  return { inline_keyboard: rows as FakeInlineButton[][] };
}

function sameKeyboard(a: FakeInlineKeyboard | undefined, b: FakeInlineKeyboard | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Telegram marks a leading `/command` with a bot_command entity; do the same. */
function commandEntity(text: string): Record<string, unknown> {
  const m = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return m === null ? {} : { entities: [{ type: "bot_command", offset: 0, length: m[0].length }] };
}

/** Posts an update to a webhook as Telegram would; returns the HTTP status. */
export function postWebhook(url: string, update: Record<string, unknown>, secret: string | undefined): Promise<number> {
  const body = JSON.stringify(update);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
      },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}
