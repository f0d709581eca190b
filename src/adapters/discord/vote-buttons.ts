/**
 * The 👍 / 👎 row under a grounded answer, as a Discord action row of two grey buttons: the custom
 * ids carry the answer's id (`v:1:<id>`, `v:-1:<id>`, at most 100 characters) and the labels carry
 * the counts once anyone has voted, so the message itself is the only state (counts survive a
 * restart). Pure, so the wire format is unit-tested.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from "discord.js";
import type { VoteTally, VoteValue } from "../../core/answer-log.js";
import type { Answer, AnswerService } from "../../core/types.js";

export type VoteRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** Discord's limit for a component's `custom_id`. */
const MAX_CUSTOM_ID = 100;
const UP = "👍";
const DOWN = "👎";

export interface VoteData {
  value: VoteValue;
  answerId: string;
}

/** `v:1:<id>` / `v:-1:<id>`. */
export function voteCustomId(value: VoteValue, answerId: string): string {
  return `v:${value}:${answerId}`;
}

/** The vote a button means, or null for a custom id that is not one of our vote buttons. */
export function parseVoteCustomId(customId: string): VoteData | null {
  const m = /^v:(1|-1):(.+)$/s.exec(customId);
  if (m === null) return null;
  return { value: m[1] === "1" ? 1 : -1, answerId: m[2] ?? "" };
}

/** True when the service keeps votes and the answer can be voted on: grounded, with an id that fits in a button. */
export function wantsVoteButtons(answer: Answer, service: AnswerService): answer is Answer & { id: string } {
  if (service.acceptsVotes !== true || service.vote === undefined || !answer.grounded) return false;
  const id = answer.id;
  return id !== undefined && id !== "" && voteCustomId(-1, id).length <= MAX_CUSTOM_ID;
}

/** One row, 👍 and 👎; with a tally the labels show the counts ("👍 3", "👎 1"). */
export function voteRow(answerId: string, tally: VoteTally | null = null): VoteRow {
  const button = (value: VoteValue, label: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: voteCustomId(value, answerId),
    label,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button(1, tally === null ? UP : `${UP} ${tally.up}`), button(-1, tally === null ? DOWN : `${DOWN} ${tally.down}`)],
  };
}

export const voteReplies = {
  tooOld: "This answer is too old to vote on.",
  off: "Votes are not being collected right now.",
  failed: "Sorry, I couldn't record your vote. Please try again later.",
} as const;
