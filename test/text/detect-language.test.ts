import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/text/detect-language.js";

const UNKNOWN = "the same language as the question";

describe("detectLanguage", () => {
  it.each([
    ["Azerbaijani", "Həmkarlar ittifaqı nə vaxt yaradılıb?"],
    ["Azerbaijani", "ƏMƏK NAZİRİ KİMDİR?"],
    ["Russian", "Кто возглавляет федерацию профсоюзов?"],
    ["Kyrgyz", "Кыргызстандын кесиптик бирликтеринин төрагасы ким?"],
    ["Ukrainian", "Хто очолює федерацію профспілок України?"],
    ["Persian", "چه کسی رئیس اتحادیه است؟"],
    ["Arabic", "من هو رئيس الاتحاد العام لنقابات العمال؟"],
    ["Turkish", "İşçi sendikasının başkanı kim?"],
    ["English", "Who chairs the Federation of Trade Unions of Kyrgyzstan?"],
    ["English", "What did Babayev say about “Iran’s experience” — in 2019…?"],
  ])("%s: %s", (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it("falls back to the question's own language for other scripts and accented Latin", () => {
    expect(detectLanguage("Qui dirige la fédération des syndicats ?")).toBe(UNKNOWN);
    expect(detectLanguage("Wer leitet den Gewerkschaftsbund für Ärzte?")).toBe(UNKNOWN);
    expect(detectLanguage("労働組合の会長は誰ですか")).toBe(UNKNOWN);
  });

  it("lets a script win over Latin words in the same question", () => {
    expect(detectLanguage("Что сказал Babayev?")).toBe("Russian");
    expect(detectLanguage("Babayev nə dedi?")).toBe("Azerbaijani");
  });

  it("recognises a Persian question without پ چ ژ گ", () => {
    expect(detectLanguage("وزیر کار آذربایجان کیست؟")).toBe("Persian");
  });
});
