/**
 * Drafts as a language-model answerer streams them, for the adapter tests of every front end: the
 * whole draft so far through `context.onDraft`, one growing step at a time, then the checked answer
 * (which may differ from the draft, or be a refusal).
 */
import { abortableSleep } from "../../src/adapters/telegram/sleep.js";
import type { AskContext } from "../../src/core/types.js";

export interface DraftScript {
  /** The drafts in order, each the whole text so far. */
  drafts: string[];
  /** Time between two drafts, and from the last draft to the answer. */
  everyMs: number;
}

/** "Muradil", "Muradil Jumadilde", … — `count` growing prefixes (by words) of `text`. */
export function growingDrafts(text: string, count: number): string[] {
  const words = text.split(" ");
  return Array.from({ length: count }, (_, i) => words.slice(0, Math.max(1, Math.round(((i + 1) * words.length) / count))).join(" "));
}

/** Waits `ms`, or less when `signal` aborts (the adapter is stopping). */
const pause = abortableSleep;

/** Emits the script's drafts through `context.onDraft` (the first at once), then waits `everyMs` once more. */
export async function emitDrafts(context: AskContext | undefined, script: DraftScript): Promise<void> {
  for (const [i, draft] of script.drafts.entries()) {
    if (i > 0) await pause(script.everyMs, context?.signal);
    context?.signal?.throwIfAborted();
    context?.onDraft?.(draft);
  }
  await pause(script.everyMs, context?.signal);
  context?.signal?.throwIfAborted();
}

/** Gaps between consecutive times, in ms. */
export function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}
