import { describe, expect, it } from "vitest";
import { formatDraftText } from "../../../src/adapters/telegram/format-draft.js";

describe("Telegram draft text", () => {
  it("is the draft as plain text with the 'still writing' marker", () => {
    expect(formatDraftText("  Muradil Jumadilde [1]  ")).toBe("Muradil Jumadilde [1] …");
  });

  it("keeps line breaks, drops control characters, and has nothing to show for a blank draft", () => {
    expect(formatDraftText("a\u001b[31m\tb \nc\r")).toBe("a [31m b\nc …");
    expect(formatDraftText(" \n ")).toBeNull();
  });

  it("always fits one message", () => {
    const text = formatDraftText("word ".repeat(2000))!;
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.endsWith("…")).toBe(true);
  });
});
