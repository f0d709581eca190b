import { describe, expect, it } from "vitest";
import { americanSpelling, stem } from "../../src/text/stem.js";

describe("stem (Porter2 after folding British spellings)", () => {
  it("gives Porter2 stems", () => {
    expect(stem("cooperation")).toBe("cooper");
    expect(stem("delegates")).toBe("deleg");
    expect(stem("memorandums")).toBe("memorandum");
    expect(stem("happened")).toBe("happen");
  });

  it("lets inflections and derivations of one word meet", () => {
    expect(stem("disabled")).toBe(stem("disabilities"));
    expect(stem("employment")).toBe(stem("employ"));
    expect(stem("signed")).toBe(stem("signing"));
    expect(stem("unions")).toBe(stem("union"));
    expect(stem("trainings")).toBe(stem("training"));
  });

  it("folds British -our and -ise spellings to American ones, inflections included", () => {
    expect(stem("labour")).toBe(stem("labor"));
    expect(stem("labourers")).toBe(stem("laborers"));
    expect(stem("organisation")).toBe(stem("organization"));
    expect(stem("organises")).toBe(stem("organizes"));
    expect(stem("organised")).toBe(stem("organized"));
  });

  it("leaves -our and -ise words that are not British spellings alone", () => {
    for (const w of ["four", "hour", "your", "tour", "devour"]) expect(americanSpelling(w)).toBe(w);
    for (const w of ["promise", "promises", "raised", "exercise", "enterprise", "otherwise", "advertise", "surprise"]) expect(americanSpelling(w)).toBe(w);
    expect(stem("promises")).toBe(stem("promise"));
  });

  it("keeps numbers and short words as they are", () => {
    expect(stem("108th")).toBe("108th");
    expect(stem("2019")).toBe("2019");
    expect(stem("ilo")).toBe("ilo");
    expect(stem("was")).toBe("was");
  });
});
