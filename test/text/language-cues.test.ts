import { describe, expect, it } from "vitest";
import { languageCue } from "../../src/text/language-cues.js";

describe("languageCue", () => {
  it("calls questions with English function words English, whatever names they hold", () => {
    expect(languageCue("Who chairs the Federation of Trade Unions of Kyrgyzstan?")).toBe("english");
    expect(languageCue("How many members does Türk-İş have?")).toBe("english");
    expect(languageCue("what did Jumadilde say in Baku?")).toBe("english");
    expect(languageCue("who is jumadilde")).toBe("english");
  });

  it("calls English with typos English", () => {
    expect(languageCue("wat did babayev sya abut coopration")).toBe("english");
    expect(languageCue("how mny delgates atended the 108th confrence")).toBe("english");
  });

  it("calls questions in another script foreign", () => {
    expect(languageCue("Кто был министром труда Ирана в 2023 году?")).toBe("foreign");
    expect(languageCue("وزیر کار آذربایجان در ژنو با چه کسی دیدار کرد")).toBe("foreign");
    expect(languageCue("ما هي النقابات في أذربيجان؟")).toBe("foreign");
  });

  it("calls mostly non-Latin text foreign even with a Latin name in it", () => {
    expect(languageCue("Кто такой Babayev и где он работал?")).toBe("foreign");
  });

  it("calls Azerbaijani with ə foreign, even next to English words", () => {
    expect(languageCue("babayev cenevrədə iranın hansı naziri ilə görüşdü")).toBe("foreign");
    expect(languageCue("Həmkarlar what")).toBe("foreign");
  });

  it("calls Latin-script sentences without English words unclear", () => {
    expect(languageCue("kırgız sendika heyeti bakü'de hangi anlaşmayı imzaladı")).toBe("unclear");
    expect(languageCue("2024 yılı için Türkiye'de net asgari ücret ne kadar?")).toBe("unclear");
    expect(languageCue("Oʻzbekiston kasaba uyushmalari federatsiyasi raisi kim?")).toBe("unclear");
  });

  it("does not count function words other languages share as English", () => {
    expect(languageCue("bu sendika ne de ve")).toBe("unclear");
  });

  it("calls one or two words without function words English", () => {
    expect(languageCue("Babayev")).toBe("english");
    expect(languageCue("Jumadilde Kyrgyzstan")).toBe("english");
    expect(languageCue("ILO Baku Tehran")).toBe("unclear");
  });

  it("calls text without letters unclear", () => {
    expect(languageCue("")).toBe("unclear");
    expect(languageCue("2024?! 108")).toBe("unclear");
  });

  it("does not call a Turkish question English because of the folded word \"iş\"", () => {
    expect(languageCue("Türk-İş başkanı kimdir?")).not.toBe("english");
    expect(languageCue("Azerbaycan ile iş birliği anlaşması ne zaman imzalandı")).not.toBe("english");
  });
});
