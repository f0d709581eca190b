import { describe, expect, test } from "vitest";
import { parseVoteCustomId, voteRow, wantsVoteButtons } from "../../../src/adapters/discord/vote-buttons.js";
import { withVoteRow, safePayload } from "../../../src/adapters/discord/message-payload.js";
import type { Answer } from "../../../src/core/types.js";
import { FakeAnswerService, citationOne } from "../../fakes/discord-answer-service.js";
import { FakeVotes } from "../../fakes/fake-votes.js";

const UUID = "0b6f4f7e-8f0c-4c57-9a43-1b2d3c4e5f60";
const answer: Answer = { question: "q", answer: "A [1].", grounded: true, citations: [citationOne], id: UUID, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };

describe("Discord vote buttons", () => {
  test("one action row of two grey buttons whose custom ids carry the vote and the answer", () => {
    expect(voteRow(UUID)).toEqual({
      type: 1,
      components: [
        { type: 2, style: 2, custom_id: `v:1:${UUID}`, label: "👍" },
        { type: 2, style: 2, custom_id: `v:-1:${UUID}`, label: "👎" },
      ],
    });
    expect(voteRow(UUID, { up: 0, down: 2 }).components.map((b) => b.label)).toEqual(["👍 0", "👎 2"]);
    expect(parseVoteCustomId(`v:-1:${UUID}`)).toEqual({ value: -1, answerId: UUID });
    expect(parseVoteCustomId("v:1:")).toBeNull();
    expect(parseVoteCustomId("something")).toBeNull();
  });

  test("only for grounded answers with an id, when the service keeps votes", () => {
    const voting = new FakeAnswerService();
    voting.votes = new FakeVotes();
    expect(wantsVoteButtons(answer, voting)).toBe(true);
    expect(wantsVoteButtons({ ...answer, grounded: false }, voting)).toBe(false);
    expect(wantsVoteButtons(answer, new FakeAnswerService())).toBe(false);
  });

  test("the row goes on the last message only, and the mention safety stays", () => {
    const parts = withVoteRow([safePayload("one", { pingAsker: true }), safePayload("two")], voteRow(UUID));
    expect(parts[0]?.components).toBeUndefined();
    expect(parts[1]?.components).toHaveLength(1);
    for (const part of parts) expect(part.allowedMentions.parse).toEqual([]);
  });
});
