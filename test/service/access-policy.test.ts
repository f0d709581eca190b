import { describe, expect, it } from "vitest";
import { AccessPolicy, type Place } from "../../src/service/access-policy.js";

const place = (ids: Place["ids"]): Place => ({ ids, name: "this channel" });

describe("AccessPolicy", () => {
  it("is open and allows everything without lists", () => {
    for (const policy of [new AccessPolicy(), new AccessPolicy({}), new AccessPolicy({ guild: null, channel: null })]) {
      expect(policy.open).toBe(true);
      expect(policy.allows(place({}))).toBe(true);
      expect(policy.allows(place({ guild: ["9"] }))).toBe(true);
    }
  });

  it("allows only places on the list of one scope", () => {
    const policy = new AccessPolicy({ chat: ["-100", "7"] });
    expect(policy.open).toBe(false);
    expect(policy.allows(place({ chat: ["7"] }))).toBe(true);
    expect(policy.allows(place({ chat: ["8"] }))).toBe(false);
    expect(policy.allows(place({ chat: [] }))).toBe(false);
  });

  it("ignores a null scope next to a configured one", () => {
    const policy = new AccessPolicy({ guild: ["g1"], channel: null });
    expect(policy.allows(place({ guild: ["g1"], channel: ["anything"] }))).toBe(true);
    expect(policy.allows(place({ guild: ["g2"] }))).toBe(false);
  });

  it("requires every configured scope to match", () => {
    const policy = new AccessPolicy({ guild: ["g1"], channel: ["c1"] });
    expect(policy.allows(place({ guild: ["g1"], channel: ["c1"] }))).toBe(true);
    expect(policy.allows(place({ guild: ["g1"], channel: ["c2"] }))).toBe(false);
    expect(policy.allows(place({ guild: ["g2"], channel: ["c1"] }))).toBe(false);
  });

  it("allows a place when any of its ids for a scope is listed (a thread and its parent channel)", () => {
    const policy = new AccessPolicy({ channel: ["parent"] });
    expect(policy.allows(place({ channel: ["thread", "parent"] }))).toBe(true);
    expect(policy.allows(place({ channel: ["thread", "other"] }))).toBe(false);
  });

  it("refuses a place with no id for a configured scope (a Discord DM has no guild)", () => {
    const policy = new AccessPolicy({ guild: ["g1"] });
    expect(policy.allows(place({ channel: ["dm-channel"] }))).toBe(false);
  });

  it("refuses everything with an empty list", () => {
    const policy = new AccessPolicy({ chat: [] });
    expect(policy.open).toBe(false);
    expect(policy.allows(place({ chat: ["1"] }))).toBe(false);
  });
});
