/**
 * The 👍 / 👎 row under a grounded answer, as Telegram inline keyboard data: the buttons carry the
 * answer's id in `callback_data` (`v:1:<id>`, `v:-1:<id>`, at most 64 bytes), and their labels carry
 * the counts once anyone has voted, so the message itself is the only state (nothing to remember
 * per answer, and counts survive a restart). Pure, so the wire format is unit-tested.
 */
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { VoteTally, VoteValue } from "../../core/answer-log.js";
import type { Answer, AnswerService } from "../../core/types.js";

const PREFIX = "v:";
/** Telegram's limit for `callback_data`, in bytes. */
const MAX_CALLBACK_DATA = 64;
const UP = "👍";
const DOWN = "👎";

export interface VoteData {
  value: VoteValue;
  answerId: string;
}

/** `v:1:<id>` / `v:-1:<id>`. */
export function voteCallbackData(value: VoteValue, answerId: string): string {
  return `${PREFIX}${value}:${answerId}`;
}

/** The vote a button press means, or null for data that is not one of our vote buttons. */
export function parseVoteData(data: string): VoteData | null {
  const m = /^v:(1|-1):(.+)$/s.exec(data);
  if (m === null) return null;
  return { value: m[1] === "1" ? 1 : -1, answerId: m[2] ?? "" };
}

/** True when the service keeps votes and the answer can be voted on: grounded, with an id that fits in a button. */
export function wantsVoteButtons(answer: Answer, service: AnswerService): answer is Answer & { id: string } {
  if (service.acceptsVotes !== true || service.vote === undefined || !answer.grounded) return false;
  const id = answer.id;
  return id !== undefined && id !== "" && Buffer.byteLength(voteCallbackData(-1, id)) <= MAX_CALLBACK_DATA;
}

/** One row, 👍 and 👎; with a tally the labels show the counts ("👍 3", "👎 1"). */
export function voteKeyboard(answerId: string, tally: VoteTally | null = null): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [
        { text: tally === null ? UP : `${UP} ${tally.up}`, callback_data: voteCallbackData(1, answerId) },
        { text: tally === null ? DOWN : `${DOWN} ${tally.down}`, callback_data: voteCallbackData(-1, answerId) },
      ],
    ],
  };
}

/** The counts a keyboard shows (0 / 0 before anyone voted), or null when it has no vote buttons. */
export function tallyOfKeyboard(markup: InlineKeyboardMarkup | undefined): VoteTally | null {
  let up: number | null = null;
  let down: number | null = null;
  for (const button of markup?.inline_keyboard.flat() ?? []) {
    if (!("callback_data" in button)) continue;
    const vote = parseVoteData(button.callback_data);
    if (vote === null) continue;
    const count = Number(/\d+$/.exec(button.text)?.[0] ?? 0);
    if (vote.value === 1) up = count;
    else down = count;
  }
  return up === null || down === null ? null : { up, down };
}

/** Whether two keyboards would look the same (Telegram refuses an edit that changes nothing). */
export function sameKeyboard(a: InlineKeyboardMarkup | undefined, b: InlineKeyboardMarkup | undefined): boolean {
  return JSON.stringify(a?.inline_keyboard ?? []) === JSON.stringify(b?.inline_keyboard ?? []);
}

export const voteToasts = {
  noted: (value: VoteValue) => `Thanks — noted ${value === 1 ? UP : DOWN}`,
  changed: (value: VoteValue) => `Vote changed to ${value === 1 ? UP : DOWN}`,
  tooOld: "This answer is too old to vote on",
  off: "Votes are not being collected right now",
  failed: "Sorry, I couldn't record your vote. Please try again later.",
  notAllowed: "I'm not available in this chat.",
} as const;

/**
 * The toast for a vote, from the counts before (the keyboard the user tapped) and after: the other
 * side losing a vote means this user moved theirs (a vote is never withdrawn, only replaced).
 */
export function voteToast(value: VoteValue, before: VoteTally | null, after: VoteTally): string {
  if (before === null) return voteToasts.noted(value);
  const moved = value === 1 ? after.down < before.down : after.up < before.up;
  return moved ? voteToasts.changed(value) : voteToasts.noted(value);
}
