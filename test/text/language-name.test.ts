import { describe, expect, it } from "vitest";
import { languageName } from "../../src/text/language-name.js";

describe("languageName", () => {
  it("names the languages of dossier's users in English", () => {
    expect(["az", "ru", "fa", "ky", "tr", "en"].map(languageName)).toEqual(["Azerbaijani", "Russian", "Persian", "Kyrgyz", "Turkish", "English"]);
  });

  it("asks for the question's own language when the code is unknown or missing", () => {
    expect(languageName(null)).toBe("the same language as the question");
    expect(languageName("zz-not-a-code-!")).toBe("the same language as the question");
  });
});
