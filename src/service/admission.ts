/**
 * The rules every front end applies before answering, written once: the question's length (in
 * code points, after collapsing whitespace), the per-user rate limit (with one notice per
 * rate-limit episode, so a flood gets one reply and then silence), and the allow-lists of each
 * platform. Decisions come back as typed outcomes; adapters only render them.
 */
import { AppError } from "../core/errors.js";
import type { RateLimiter } from "../core/rate-limiter.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";
import { AccessPolicy, type AccessLists, type Place } from "./access-policy.js";

/** Who is asking, and where. */
export interface Asker {
  /** "telegram", "discord", … — selects the allow-lists and namespaces the rate-limit key. */
  platform: string;
  userId: string;
  place: Place;
}

export type Admission =
  | { ok: true }
  | {
      ok: false;
      /** `NOT_ALLOWED`, `RATE_LIMITED` or `QUESTION_INVALID`, with the message to show. */
      error: AppError;
      /**
       * False when the user was already told during this rate-limit episode: message routes stay
       * silent; routes that must reply (a slash command) show the message privately anyway.
       */
      notify: boolean;
    };

export interface AdmissionOptions {
  maxQuestionLength: number;
  rateLimiter: RateLimiter;
  /** Allow-lists per platform, e.g. `{ telegram: { chat: ["-100…"] } }`. */
  access?: Readonly<Record<string, AccessLists>>;
  /** Told about every request turned away, with its code (`NOT_ALLOWED`, `RATE_LIMITED`, `QUESTION_INVALID`): metrics count them. */
  onRefused?: (asker: Asker, code: string) => void;
}

/** The question as the service reads it: whitespace collapsed, trimmed. */
export function normalizeQuestion(raw: string): string {
  return normalizeWhitespace(raw);
}

/** The length rule, the same for every front end: code points of the normalised question. */
export function checkQuestion(raw: string, maxLength: number): string {
  const question = normalizeQuestion(raw);
  if (question.length === 0) throw new AppError("QUESTION_INVALID", "Please ask a question about the articles.");
  const length = [...question].length;
  if (length > maxLength) {
    throw new AppError("QUESTION_INVALID", tooLongMessage(length, maxLength));
  }
  return question;
}

/** What every front end says to a question over the length limit. */
export function tooLongMessage(length: number, maxLength: number): string {
  return `That question is too long (${length} characters; the limit is ${maxLength}). Please shorten it and ask again.`;
}

/** What every front end says where it is not enabled (`placeName`: "this channel", "this chat (chat id 1)"). */
export function notAllowedMessage(placeName: string): string {
  return `Sorry, I'm not enabled in ${placeName}.`;
}

/** What every front end says to the first question over the rate limit. */
export function rateLimitedMessage(retryAfterMs: number): string {
  return `You're asking faster than I can keep up — please wait ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s and ask again.`;
}

export class AdmissionRules {
  private readonly policies = new Map<string, AccessPolicy>();

  constructor(private readonly options: AdmissionOptions) {
    for (const [platform, lists] of Object.entries(options.access ?? {})) this.policies.set(platform, new AccessPolicy(lists));
  }

  get maxQuestionLength(): number {
    return this.options.maxQuestionLength;
  }

  /** The allow-list decision alone (free: it takes no rate-limit token), for help and greeting commands. */
  checkAccess(asker: Asker): Admission {
    const policy = this.policies.get(asker.platform);
    if (policy === undefined || policy.allows(asker.place)) return { ok: true };
    return { ok: false, error: new AppError("NOT_ALLOWED", notAllowedMessage(asker.place.name)), notify: true };
  }

  /**
   * Decides whether to take a request: a question (`question` given: checked for length) or a
   * command that costs a request (`/sources`). Every admitted request takes one rate-limit token.
   */
  async admit(request: { asker: Asker; question?: string }): Promise<Admission> {
    const admission = await this.decide(request);
    if (!admission.ok) {
      try {
        this.options.onRefused?.(request.asker, admission.error.code);
      } catch {
        // Counting a refusal must never change it.
      }
    }
    return admission;
  }

  private async decide(request: { asker: Asker; question?: string }): Promise<Admission> {
    const { asker } = request;
    const access = this.checkAccess(asker);
    if (!access.ok) return access;
    if (request.question !== undefined) {
      try {
        checkQuestion(request.question, this.options.maxQuestionLength);
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error, notify: true };
        throw error;
      }
    }
    const key = `${asker.platform}:${asker.userId}`;
    const decision = await this.options.rateLimiter.take(key);
    if (decision.ok) return { ok: true };
    return { ok: false, error: new AppError("RATE_LIMITED", rateLimitedMessage(decision.retryAfterMs)), notify: decision.tell };
  }
}
