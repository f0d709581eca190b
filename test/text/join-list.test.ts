import { describe, expect, it } from "vitest";
import { joinList } from "../../src/text/join-list.js";

describe("joinList", () => {
  it("joins with commas and a final 'and'", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["Armenia"])).toBe("Armenia");
    expect(joinList(["Armenia", "Russia"])).toBe("Armenia and Russia");
    expect(joinList(["Armenia", "Belarus", "Russia"])).toBe("Armenia, Belarus and Russia");
  });
});
