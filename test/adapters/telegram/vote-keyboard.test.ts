import { describe, expect, it } from "vitest";
import { parseVoteData, tallyOfKeyboard, voteKeyboard, voteToast, wantsVoteButtons } from "../../../src/adapters/telegram/vote-keyboard.js";
import type { Answer, AnswerService } from "../../../src/core/types.js";
import { FakeAnswerService, makeAnswer } from "../../fakes/telegram-answer-service.js";
import { FakeVotes } from "../../fakes/fake-votes.js";

const UUID = "0b6f4f7e-8f0c-4c57-9a43-1b2d3c4e5f60";
const voting: AnswerService = new FakeAnswerService({ votes: new FakeVotes() });
const grounded: Answer = { ...makeAnswer("q", "A [1]."), id: UUID };

describe("Telegram vote keyboard", () => {
  it("encodes the vote and the answer id in at most 64 bytes, and reads it back", () => {
    const markup = voteKeyboard(UUID);
    const data = markup.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(data).toEqual([`v:1:${UUID}`, `v:-1:${UUID}`]);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
    expect(parseVoteData(data[1]!)).toEqual({ value: -1, answerId: UUID });
    expect(parseVoteData("v:0:x")).toBeNull();
    expect(parseVoteData("v:1:")).toBeNull();
    expect(parseVoteData("other")).toBeNull();
  });

  it("shows counts once there is a tally, and reads them back from the keyboard", () => {
    expect(voteKeyboard(UUID).inline_keyboard[0]!.map((b) => b.text)).toEqual(["👍", "👎"]);
    const counted = voteKeyboard(UUID, { up: 3, down: 1 });
    expect(counted.inline_keyboard[0]!.map((b) => b.text)).toEqual(["👍 3", "👎 1"]);
    expect(tallyOfKeyboard(counted)).toEqual({ up: 3, down: 1 });
    expect(tallyOfKeyboard(voteKeyboard(UUID))).toEqual({ up: 0, down: 0 });
    expect(tallyOfKeyboard(undefined)).toBeNull();
  });

  it("offers buttons only for grounded answers with an id, when the service keeps votes", () => {
    expect(wantsVoteButtons(grounded, voting)).toBe(true);
    expect(wantsVoteButtons({ ...grounded, grounded: false, citations: [] }, voting)).toBe(false);
    const { id: _none, ...withoutId } = grounded;
    expect(wantsVoteButtons(withoutId, voting)).toBe(false);
    expect(wantsVoteButtons({ ...grounded, id: "x".repeat(60) }, voting)).toBe(false); // would not fit in callback_data
    expect(wantsVoteButtons(grounded, new FakeAnswerService())).toBe(false);
  });

  it("toasts a first vote as noted and a moved vote as changed", () => {
    expect(voteToast(1, { up: 0, down: 0 }, { up: 1, down: 0 })).toBe("Thanks — noted 👍");
    expect(voteToast(-1, { up: 1, down: 0 }, { up: 0, down: 1 })).toBe("Vote changed to 👎");
    expect(voteToast(-1, null, { up: 0, down: 1 })).toBe("Thanks — noted 👎");
  });
});
