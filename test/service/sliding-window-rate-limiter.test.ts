import { describe, expect, it } from "vitest";
import { SlidingWindowRateLimiter } from "../../src/service/sliding-window-rate-limiter.js";

function limiter(max: number, windowMs: number) {
  const clock = { t: 1_000 };
  const rl = new SlidingWindowRateLimiter({ max, windowMs, now: () => clock.t });
  return { rl, clock };
}

describe("SlidingWindowRateLimiter", () => {
  it("allows max requests per window, then refuses with the time until the oldest expires", async () => {
    const { rl, clock } = limiter(2, 1_000);
    expect(await rl.take("u")).toEqual({ ok: true });
    clock.t += 300;
    expect(await rl.take("u")).toEqual({ ok: true });
    clock.t += 200;
    expect(await rl.take("u")).toMatchObject({ ok: false, retryAfterMs: 500 });
  });

  it("slides: each hit frees its slot exactly one window after it", () => {
    const { rl, clock } = limiter(2, 1_000);
    rl.takeNow("u"); // t=1000
    clock.t = 1_400;
    rl.takeNow("u"); // t=1400
    clock.t = 1_999;
    expect(rl.takeNow("u")).toMatchObject({ ok: false, retryAfterMs: 1 });
    clock.t = 2_000; // the first hit has left the window, the second has not
    expect(rl.takeNow("u")).toEqual({ ok: true });
    expect(rl.takeNow("u")).toMatchObject({ ok: false, retryAfterMs: 400 });
    clock.t = 2_400;
    expect(rl.takeNow("u")).toEqual({ ok: true });
  });

  it("does not count refused requests against the user", () => {
    const { rl, clock } = limiter(1, 1_000);
    rl.takeNow("u");
    for (let i = 0; i < 5; i++) {
      clock.t += 100;
      expect(rl.takeNow("u").ok).toBe(false);
    }
    clock.t = 2_000;
    expect(rl.takeNow("u")).toEqual({ ok: true });
  });

  it("keeps keys independent", () => {
    const { rl } = limiter(1, 1_000);
    expect(rl.takeNow("alice").ok).toBe(true);
    expect(rl.takeNow("alice").ok).toBe(false);
    expect(rl.takeNow("bob").ok).toBe(true);
    expect(rl.takeNow("bob").ok).toBe(false);
  });

  it("reports retryAfterMs of at least 1 ms", () => {
    const { rl } = limiter(1, 0.5);
    rl.takeNow("u");
    expect(rl.takeNow("u")).toMatchObject({ ok: false, retryAfterMs: 1 });
  });

  it("sweeps idle keys once a window has passed", () => {
    // Forgetting an idle key changes nothing while time moves forward, so the sweep is observed by
    // moving the clock back: a forgotten key's old hits no longer count, a remembered key's do.
    const { rl, clock } = limiter(1, 1_000);
    rl.takeNow("idle"); // t=1000
    rl.takeNow("kept"); // t=1000
    clock.t = 2_500; // first sweep: lastSweep starts at 0
    rl.takeNow("kept");
    clock.t = 4_000; // a window later: "idle" (t=1000) and "kept" (t=2500) have expired and are dropped
    rl.takeNow("other");
    clock.t = 1_500; // back in time: the hits at 1000/2500 would count again if the keys were still held
    expect(rl.takeNow("idle").ok).toBe(true);
    expect(rl.takeNow("kept").ok).toBe(true);
  });

  it("does not sweep keys whose last hit is still in the window", () => {
    const { rl, clock } = limiter(1, 1_000);
    clock.t = 3_000;
    rl.takeNow("busy");
    clock.t = 3_500;
    rl.takeNow("trigger"); // sweeps (3500 - 0 ≥ window) but "busy" hit at 3000 is recent
    clock.t = 3_200; // back in time: the hit at 3000 still counts
    expect(rl.takeNow("busy").ok).toBe(false);
  });
});

describe("SlidingWindowRateLimiter: one notice per episode", () => {
  it("tells the first refusal of an episode only; an allowed request starts a new episode", () => {
    const clock = { t: 0 };
    const limiter = new SlidingWindowRateLimiter({ max: 1, windowMs: 1000, now: () => clock.t });
    expect(limiter.takeNow("u")).toEqual({ ok: true });
    expect(limiter.takeNow("u")).toMatchObject({ ok: false, tell: true });
    expect(limiter.takeNow("u")).toMatchObject({ ok: false, tell: false });
    expect(limiter.takeNow("v")).toEqual({ ok: true }); // keys are separate
    clock.t = 1001;
    expect(limiter.takeNow("u")).toEqual({ ok: true });
    expect(limiter.takeNow("u")).toMatchObject({ ok: false, tell: true });
  });
});
