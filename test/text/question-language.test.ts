import { describe, expect, it } from "vitest";
import type { LanguageDetector } from "../../src/core/language-detector.js";
import { questionLanguage } from "../../src/text/question-language.js";

const says = (code: string | null): LanguageDetector => ({ detect: async () => code });

describe("questionLanguage", () => {
  it("takes English function words as English whatever the detector says", async () => {
    expect(await questionLanguage("who chairs Türk-İş?", says("tr"))).toBe("en");
  });

  it("takes the detector's word for another script", async () => {
    expect(await questionLanguage("Кто возглавляет федерацию профсоюзов?", says("ru"))).toBe("ru");
    expect(await questionLanguage("Кто возглавляет федерацию профсоюзов?", says("en"))).toBeNull();
  });

  it("reads unclear Latin-script questions as English unless the detector knows better", async () => {
    expect(await questionLanguage("Həmkarlar ittifaqı kim?", says("az"))).toBe("az");
    expect(await questionLanguage("sendika başkanı kimdir bugün", says("tr"))).toBe("tr");
    expect(await questionLanguage("sendika başkanı kimdir bugün", undefined)).toBe("en");
  });

  it("survives a failing detector", async () => {
    const broken: LanguageDetector = { detect: async () => Promise.reject(new Error("no model")) };
    expect(await questionLanguage("Кто это?", broken)).toBeNull();
  });
});
