import { describe, expect, it } from "vitest";
import { createEldLanguageDetector } from "../../src/providers/eld-language-detector.js";

describe("createEldLanguageDetector", () => {
  const detector = createEldLanguageDetector();

  it("detects the language of real questions", async () => {
    expect(await detector.detect("Кто был министром труда Ирана в 2023 году?")).toBe("ru");
    expect(await detector.detect("AHIK Özbəkistan həmkarlar ittifaqları ilə hansı sənədi imzalayıb?")).toBe("az");
    expect(await detector.detect("2024 yılı için Türkiye'de net asgari ücret ne kadar?")).toBe("tr");
    expect(await detector.detect("وزیر کار آذربایجان در ژنو با چه کسی دیدار کرد")).toBe("fa");
    expect(await detector.detect("Who chairs the Federation of Trade Unions of Kyrgyzstan?")).toBe("en");
  });

  it("gives null for text without letters", async () => {
    expect(await detector.detect("")).toBeNull();
    expect(await detector.detect("2024 ?!")).toBeNull();
  });

  it("gives the same result on repeated and concurrent calls", async () => {
    const question = "kırgız sendika heyeti bakü'de hangi anlaşmayı imzaladı";
    const first = await detector.detect(question);
    expect(first).toBe("tr");
    expect(await detector.detect(question)).toBe(first);
    const fresh = createEldLanguageDetector();
    expect(await Promise.all([fresh.detect(question), fresh.detect(question), fresh.detect("сколько делегатов было на конференции")])).toEqual(["tr", "tr", "ru"]);
  });
});
