/**
 * The steps every Discord question goes through, whatever its route (slash command, mention,
 * reply, DM): admission (per-user rate limit, length limit) and answering (the core answers; this
 * only formats, and turns a failure into a short apology that is logged without secrets).
 */
import type { AnswerService } from "../../core/types.js";
import type { Logger } from "../../core/logger.js";
import { RateLimiter } from "../../service/sliding-window-rate-limiter.js";
import { userMessageOf } from "../../core/errors.js";
import { formatAnswer, type FormatAnswerOptions } from "./format-answer.js";
import { safePayload, type SafePayload } from "./message-payload.js";
import { replies } from "./user-replies.js";

export interface QuestionDeskOptions {
  service: AnswerService;
  logger: Logger;
  rateLimit: { max: number; windowMs: number };
  maxQuestionLength: number;
  now?: () => number;
}

export type Admission =
  | { ok: true }
  | {
      ok: false;
      reason: "rate-limited" | "too-long";
      message: string;
      /** The user was already told during this rate-limit episode; message routes stay silent. */
      repeat: boolean;
    };

export interface AnswerRequest {
  question: string;
  conversationId: string;
  signal: AbortSignal;
  format: FormatAnswerOptions;
  /** Where the question came from, for the logs. */
  route: string;
}

export class QuestionDesk {
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  /** Until when each user has been told they are rate limited, so a flood gets one notice. */
  private readonly noticeUntil = new Map<string, number>();

  constructor(private readonly options: QuestionDeskOptions) {
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter({ ...options.rateLimit, now: this.now });
  }

  /** Decides whether a user's question is taken; every addressed message costs one request. */
  admit(userId: string, question: string): Admission {
    const decision = this.limiter.take(userId);
    if (!decision.ok) {
      const now = this.now();
      const repeat = (this.noticeUntil.get(userId) ?? 0) > now;
      if (!repeat) this.rememberNotice(userId, now + decision.retryAfterMs, now);
      return { ok: false, reason: "rate-limited", message: replies.rateLimited(decision.retryAfterMs), repeat };
    }
    const length = [...question].length;
    if (length > this.options.maxQuestionLength) {
      return { ok: false, reason: "too-long", message: replies.tooLong(length, this.options.maxQuestionLength), repeat: false };
    }
    return { ok: true };
  }

  /** Asks the core and formats the answer; on failure, a short apology (never a stack trace). */
  async answer(request: AnswerRequest): Promise<SafePayload[]> {
    const started = performance.now();
    try {
      const answer = await this.options.service.ask(request.question, {
        conversationId: request.conversationId,
        signal: request.signal,
      });
      this.options.logger.debug("discord: answered", {
        route: request.route,
        grounded: answer.grounded,
        citations: answer.citations.length,
        ms: Math.round(performance.now() - started),
      });
      return formatAnswer(answer, request.format);
    } catch (error) {
      this.options.logger.error("discord: answering failed", { route: request.route, error });
      return [safePayload(userMessageOf(error), { pingAsker: request.format.pingAsker ?? false })];
    }
  }

  private rememberNotice(userId: string, until: number, now: number): void {
    this.noticeUntil.set(userId, until);
    if (this.noticeUntil.size <= 1000) return;
    for (const [id, t] of this.noticeUntil) if (t <= now) this.noticeUntil.delete(id);
  }
}
