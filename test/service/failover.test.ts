/**
 * The switching rule of the failover wrappers, with hand-made primaries: the fallback is used at
 * once while the primary is known to be down, a failing primary is warned about once per outage
 * (not per call), its return is logged once, and a slow call that began before an outage cannot
 * end it.
 */
import { describe, expect, it } from "vitest";
import { FailoverSwitch } from "../../src/service/failover.js";
import { recording } from "../helpers/recording.js";

const ok = (value: string) => async () => value;
const failing = async (): Promise<string> => {
  throw new Error("Connection is closed.");
};

describe("FailoverSwitch", () => {
  it("uses the fallback without trying the primary while it is down, and says nothing above debug", async () => {
    const { logger, lines } = recording();
    const up = { now: false };
    const failover = new FailoverSwitch({ isUp: () => up.now, logger, what: "rate limits" });
    let tried = 0;
    const primary = async () => {
      tried += 1;
      return "primary";
    };
    expect(await failover.run(primary, ok("fallback"))).toBe("fallback");
    expect(await failover.run(primary, ok("fallback"))).toBe("fallback");
    expect(tried).toBe(0);
    expect(failover.degraded).toBe(true);
    up.now = true;
    expect(await failover.run(primary, ok("fallback"))).toBe("primary");
    expect(failover.degraded).toBe(false);
    expect(lines.filter((l) => !l.startsWith("debug"))).toEqual([]);
  });

  it("warns once per outage when the primary fails, and tells once when it answers again", async () => {
    const { logger, lines } = recording();
    const failover = new FailoverSwitch({ isUp: () => true, logger, what: "rate limits" });
    const broken = { now: true };
    const primary = () => (broken.now ? failing() : ok("primary")());
    const results = await Promise.all(Array.from({ length: 20 }, () => failover.run(primary, ok("fallback"))));
    expect(new Set(results)).toEqual(new Set(["fallback"]));
    broken.now = false;
    expect(await failover.run(primary, ok("fallback"))).toBe("primary");
    expect(await failover.run(primary, ok("fallback"))).toBe("primary");
    broken.now = true;
    expect(await failover.run(primary, ok("fallback"))).toBe("fallback");
    expect(lines.filter((l) => !l.startsWith("debug"))).toEqual([
      "warn Redis failed (Connection is closed.); using this process's rate limits until it is back",
      "info Redis answers again; using the shared rate limits again",
      "warn Redis failed (Connection is closed.); using this process's rate limits until it is back",
    ]);
  });

  it("a slow call that began before the outage does not end it", async () => {
    const { logger, lines } = recording();
    const failover = new FailoverSwitch({ isUp: () => true, logger, what: "event claims" });
    let finishSlow: (value: string) => void = () => undefined;
    const slow = failover.run(() => new Promise<string>((resolve) => (finishSlow = resolve)), ok("fallback"));
    expect(await failover.run(failing, ok("fallback"))).toBe("fallback");
    finishSlow("primary");
    expect(await slow).toBe("primary");
    expect(failover.degraded).toBe(true);
    expect(await failover.run(failing, ok("fallback"))).toBe("fallback");
    expect(lines.filter((l) => l.startsWith("warn"))).toHaveLength(1);
  });

  it("attempt() always calls the primary (so it can clean up) and never throws", async () => {
    const { logger, lines } = recording();
    const failover = new FailoverSwitch({ isUp: () => false, logger, what: "event claims" });
    let called = 0;
    expect(
      await failover.attempt(async () => {
        called += 1;
        throw new Error("Stream isn't writeable");
      }),
    ).toBe(false);
    expect(called).toBe(1);
    expect(lines.filter((l) => !l.startsWith("debug"))).toEqual([]); // known down: the connection warned already
  });
});
