import { describe, expect, it } from "vitest";
import { chatWord } from "../../src/text/chat-words.js";

describe("chatWord", () => {
  it("maps misspelt question words to the right one", () => {
    expect(chatWord("wat")).toBe("what");
    expect(chatWord("wher")).toBe("where");
    expect(chatWord("wen")).toBe("when");
    expect(chatWord("hu")).toBe("who");
    expect(chatWord("wich")).toBe("which");
    expect(chatWord("hwo")).toBe("how");
    expect(chatWord("meny")).toBe("many");
  });

  it("maps chat abbreviations, digits and symbols included", () => {
    expect(chatWord("ppl")).toBe("people");
    expect(chatWord("reps")).toBe("representatives");
    expect(chatWord("govt")).toBe("government");
    expect(chatWord("b4")).toBe("before");
    expect(chatWord("&")).toBe("and");
    expect(chatWord("u")).toBe("you");
    expect(chatWord("yrs")).toBe("years");
  });

  it("takes normalised lower-case words only", () => {
    expect(chatWord("WAT")).toBeNull();
    expect(chatWord("Ppl")).toBeNull();
  });

  it("gives null for ordinary words", () => {
    for (const w of ["what", "people", "union", "who", "a", ""]) expect(chatWord(w)).toBeNull();
  });

  it("gives null for words that name Object.prototype members", () => {
    expect(chatWord("constructor")).toBeNull();
  });
});
