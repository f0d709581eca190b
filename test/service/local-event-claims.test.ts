import { describe, expect, it } from "vitest";
import { LocalEventClaims } from "../../src/service/local-event-claims.js";
import { LocalLockService } from "../../src/service/local-lock-service.js";

describe("LocalEventClaims", () => {
  it("gives an event to one claimer; a second delivery is busy while it is answered and dropped once done", async () => {
    const claims = new LocalEventClaims();
    const first = await claims.claim("telegram:update:1");
    expect(first.kind).toBe("claimed");
    expect((await claims.claim("telegram:update:1")).kind).toBe("busy");
    if (first.kind === "claimed") await first.lease.done();
    expect((await claims.claim("telegram:update:1")).kind).toBe("done");
    expect((await claims.claim("telegram:update:2")).kind).toBe("claimed");
  });

  it("a released event is claimed again by the next delivery", async () => {
    const claims = new LocalEventClaims();
    const first = await claims.claim("e");
    if (first.kind !== "claimed") throw new Error("expected a claim");
    await first.lease.release();
    expect((await claims.claim("e")).kind).toBe("claimed");
  });

  it("forgets answered events after the memory period", async () => {
    const clock = { t: 1000 };
    const claims = new LocalEventClaims({ doneTtlMs: 100, now: () => clock.t });
    const c = await claims.claim("e");
    if (c.kind === "claimed") await c.lease.done();
    clock.t += 50;
    expect((await claims.claim("e")).kind).toBe("done");
    clock.t += 100;
    expect((await claims.claim("e")).kind).toBe("claimed");
  });
});

describe("LocalLockService", () => {
  it("one holder per name until it releases", async () => {
    const locks = new LocalLockService();
    const a = await locks.tryAcquire("poller");
    expect(a).not.toBeNull();
    expect(await locks.tryAcquire("poller")).toBeNull();
    expect(await locks.tryAcquire("other")).not.toBeNull();
    await a?.release();
    expect(await locks.tryAcquire("poller")).not.toBeNull();
  });
});
