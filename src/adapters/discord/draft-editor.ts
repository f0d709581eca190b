/**
 * Shows a language model's draft in Discord while it writes, then puts the checked answer in its
 * place. The first draft posts a placeholder (a reply, or the slash command's deferred response),
 * later drafts edit it at most once per interval, and the answer's first message is the final edit
 * of it (the rest follow as new messages). discord.js waits out 429s itself; a draft edit it still
 * rejects only ends drafting, while a rejected final edit sends the answer as a new message and
 * takes the draft down — the unchecked draft never outlives the answer, and the answer is never lost.
 */
import type { Logger } from "../../core/logger.js";
import { DraftThrottle } from "../../service/draft-throttle.js";
import type { SafePayload } from "./message-payload.js";

/** Where the drafts and the answer of one question go (see `draft-surfaces.ts`). */
export interface DraftSurface {
  /** Posts `payload` as the draft the first time, edits the posted message after. */
  show(payload: SafePayload): Promise<void>;
  /** Sends one of the answer's messages as a new message; `first` replies to the question. */
  send(payload: SafePayload, first: boolean): Promise<void>;
  /** Deletes the draft message. */
  remove(): Promise<void>;
}

export interface DraftEditorOptions {
  surface: DraftSurface;
  /** Least time between two draft updates (1000 ms in production). */
  intervalMs: number;
  /** The draft message for the draft so far; null for the placeholder. */
  render: (draft: string | null) => SafePayload;
  logger: Logger;
}

/** Production pace: Discord allows about five message edits per five seconds in a channel. */
export const DEFAULT_DRAFT_INTERVAL_MS = 1000;

export class DraftEditor {
  private readonly throttle: DraftThrottle;
  private shown: string | null = null;

  constructor(private readonly options: DraftEditorOptions) {
    this.throttle = new DraftThrottle({ intervalMs: options.intervalMs, push: (draft) => this.push(draft) });
  }

  /** The whole draft so far; cheap, never throws. */
  offer(draft: string): void {
    this.throttle.offer(draft);
  }

  /**
   * Puts the answer's messages where the draft is. Resolves false when no draft was ever shown:
   * the caller then replies exactly as it would without drafts.
   */
  async deliver(parts: readonly SafePayload[]): Promise<boolean> {
    await this.throttle.close();
    if (this.shown === null) return false;
    const { surface, logger } = this.options;
    const [first, ...rest] = parts;
    if (first === undefined) {
      await this.removeDraft();
      return true;
    }
    try {
      await surface.show(first);
    } catch (error) {
      logger.warn("discord: could not edit the draft into the answer; sending it as a new message", { error });
      try {
        await surface.send(first, true);
      } finally {
        await this.removeDraft();
      }
    }
    for (const part of rest) await surface.send(part, false);
    return true;
  }

  private async push(draft: string): Promise<boolean> {
    const payload = this.options.render(this.shown === null ? null : draft);
    if (payload.content === this.shown) return true;
    try {
      await this.options.surface.show(payload);
      this.shown = payload.content;
      return true;
    } catch (error) {
      this.options.logger.debug("discord: draft not shown; no more drafts for this answer", { error });
      return false;
    }
  }

  private async removeDraft(): Promise<void> {
    try {
      await this.options.surface.remove();
    } catch (error) {
      this.options.logger.warn("discord: could not delete the draft message", { error });
    }
  }
}
