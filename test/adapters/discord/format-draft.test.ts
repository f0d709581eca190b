import { describe, expect, it } from "vitest";
import { DRAFT_PLACEHOLDER, formatDraft } from "../../../src/adapters/discord/format-draft.js";

describe("Discord draft message", () => {
  it("is the placeholder before any text, with the question echoed for slash commands", () => {
    expect(formatDraft(null)).toBe(DRAFT_PLACEHOLDER);
    expect(formatDraft("  ", { echoQuestion: "Who *chairs* it?" })).toBe(`**Q:** Who \\*chairs\\* it?\n\n${DRAFT_PLACEHOLDER}`);
  });

  it("escapes the unchecked draft like an answer and marks it as still being written", () => {
    expect(formatDraft("Muradil **[1]** @everyone <@123> [x](https://evil)")).toBe("Muradil \\*\\*[1]\\*\\* @\u200beveryone \\<@123> \\[x\\](https://evil) …");
  });

  it("always fits one message, escapes included", () => {
    const content = formatDraft("*a* ".repeat(1000), { echoQuestion: "q" });
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.endsWith(" …")).toBe(true);
    expect(content).not.toMatch(/[^\\]\\ …$/); // never cut between a backslash and what it escapes
  });
});
