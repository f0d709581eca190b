import { afterEach, describe, expect, it, vi } from "vitest";
import type * as SkeletonModule from "../../src/text/skeleton.js";
import type * as StemModule from "../../src/text/stem.js";
import { TermKeys } from "../../src/text/term-keys.js";

// Count how often the memo falls through to the pure functions (the real ones run underneath).
vi.mock("../../src/text/stem.js", async (importOriginal) => {
  const real = await importOriginal<typeof StemModule>();
  return { stem: vi.fn(real.stem) };
});
vi.mock("../../src/text/skeleton.js", async (importOriginal) => {
  const real = await importOriginal<typeof SkeletonModule>();
  return { skeleton: vi.fn(real.skeleton) };
});

const { stem } = await import("../../src/text/stem.js");
const { skeleton } = await import("../../src/text/skeleton.js");
const { stem: pureStem } = await vi.importActual<typeof StemModule>("../../src/text/stem.js");
const { skeleton: pureSkeleton } = await vi.importActual<typeof SkeletonModule>("../../src/text/skeleton.js");

const WORDS = ["cooperating", "unions", "labour", "babayev", "babaev", "dzhumadilde", "the", "abc", "2020s", "khan", "organisations", "meetings"];

afterEach(() => {
  vi.mocked(stem).mockClear();
  vi.mocked(skeleton).mockClear();
});

describe("TermKeys", () => {
  it("gives the same results as the pure functions, including null skeletons", () => {
    const keys = new TermKeys();
    for (let round = 0; round < 2; round++) {
      for (const word of WORDS) {
        expect(keys.stem(word)).toBe(pureStem(word));
        expect(keys.skeleton(word)).toBe(pureSkeleton(word));
      }
    }
    expect(keys.skeleton("the")).toBeNull();
    expect(keys.stem("labour")).toBe("labor");
  });

  it("computes each word once while it is remembered (null skeletons too)", () => {
    const keys = new TermKeys();
    for (let i = 0; i < 5; i++) {
      keys.stem("unions");
      keys.skeleton("babayev");
      keys.skeleton("the");
    }
    expect(vi.mocked(stem)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(skeleton)).toHaveBeenCalledTimes(2);
  });

  it("stays correct after more than `capacity` distinct words", () => {
    const keys = new TermKeys(3);
    const words = ["wages", "strikes", "ministers", "delegates", "councils", "pensions", "contracts", ...WORDS];
    for (let round = 0; round < 3; round++) {
      for (const word of words) {
        expect(keys.stem(word)).toBe(pureStem(word));
        expect(keys.skeleton(word)).toBe(pureSkeleton(word));
      }
    }
  });

  it("is bounded: once full it is emptied, and forgotten words are computed again", () => {
    const keys = new TermKeys(2);
    keys.stem("wages");
    keys.stem("unions");
    keys.stem("wages");
    expect(vi.mocked(stem)).toHaveBeenCalledTimes(2);
    keys.stem("strikes"); // full: the memo is emptied before "strikes" goes in
    keys.stem("strikes");
    expect(vi.mocked(stem)).toHaveBeenCalledTimes(3);
    expect(keys.stem("wages")).toBe("wage");
    expect(vi.mocked(stem)).toHaveBeenCalledTimes(4);

    keys.skeleton("babayev");
    keys.skeleton("the");
    keys.skeleton("dzhumadilde");
    expect(keys.skeleton("babayev")).toBe("bbv");
    expect(vi.mocked(skeleton)).toHaveBeenCalledTimes(4);
  });

  it("keeps separate memos per owner", () => {
    const a = new TermKeys();
    const b = new TermKeys();
    a.stem("labour");
    b.stem("labour");
    expect(vi.mocked(stem)).toHaveBeenCalledTimes(2);
  });
});
