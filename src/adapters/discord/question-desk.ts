/**
 * Answering a Discord question, whatever its route (slash command, mention, reply, DM): the core
 * answers; this only formats (with the 👍 / 👎 row under a grounded answer's last message), and
 * turns a failure into a short apology that is logged without secrets. Admission (length, rate
 * limit, allow-lists) is the service's `AdmissionRules`.
 */
import type { AnswerService } from "../../core/types.js";
import type { Logger } from "../../core/logger.js";
import { userMessageOf } from "../../core/errors.js";
import { formatAnswer, type FormatAnswerOptions } from "./format-answer.js";
import type { DiscordFeedback } from "./feedback-buttons.js";
import { safePayload, withVoteRow, type SafePayload } from "./message-payload.js";

export interface QuestionDeskOptions {
  service: AnswerService;
  logger: Logger;
  /** 👍 / 👎 under grounded answers (none without it). */
  feedback?: DiscordFeedback;
}

export interface AnswerRequest {
  question: string;
  conversationId: string;
  signal: AbortSignal;
  format: FormatAnswerOptions;
  /** Where the question came from, for the logs. */
  route: string;
  /** The asker's Discord user id, for the question log. */
  userId: string;
  /** A DM, or a guild channel / thread. */
  chat: "private" | "group";
  /** Receives a language model's draft while it writes (see `AskContext.onDraft`). */
  onDraft?: (draft: string) => void;
}

export class QuestionDesk {
  constructor(private readonly options: QuestionDeskOptions) {}

  /** Asks the core and formats the answer; on failure, a short apology (never a stack trace). */
  async answer(request: AnswerRequest): Promise<SafePayload[]> {
    const started = performance.now();
    try {
      const answer = await this.options.service.ask(request.question, {
        conversationId: request.conversationId,
        signal: request.signal,
        ...(request.onDraft === undefined ? {} : { onDraft: request.onDraft }),
        platform: "discord",
        userId: request.userId,
        chat: request.chat,
      });
      this.options.logger.debug("discord: answered", {
        route: request.route,
        grounded: answer.grounded,
        citations: answer.citations.length,
        ms: Math.round(performance.now() - started),
      });
      const parts = formatAnswer(answer, request.format);
      const row = this.options.feedback?.rowFor(answer);
      return row === undefined ? parts : withVoteRow(parts, row);
    } catch (error) {
      this.options.logger.error("discord: answering failed", { route: request.route, error });
      return [safePayload(userMessageOf(error), { pingAsker: request.format.pingAsker ?? false })];
    }
  }
}
