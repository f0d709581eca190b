/**
 * The draft throttle both chat adapters use: the first draft at once, then only the latest at most
 * once per interval, never two pushes at a time, and nothing after `close()` — which waits for the
 * push in flight.
 */
import { describe, expect, it } from "vitest";
import { DraftThrottle } from "../../src/service/draft-throttle.js";
import { gaps } from "../adapters/drafting.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("DraftThrottle", () => {
  const Throttle = DraftThrottle;
  function recording(intervalMs: number, pushMs = 0, result: () => Promise<boolean> = async () => true) {
    const pushes: { draft: string; at: number }[] = [];
    let running = 0;
    let overlapped = false;
    const throttle = new Throttle({
      intervalMs,
      push: async (draft) => {
        pushes.push({ draft, at: performance.now() });
        running += 1;
        overlapped ||= running > 1;
        await sleep(pushMs);
        running -= 1;
        return result();
      },
    });
    return { throttle, pushes, overlapped: () => overlapped };
  }

  it("pushes the first draft at once and then only the latest, at most once per interval", async () => {
    const { throttle, pushes } = recording(60);
    const started = performance.now();
    for (let i = 1; i <= 20; i++) {
      throttle.offer(`d${i}`);
      await sleep(10);
    }
    await sleep(80);
    await throttle.close();
    expect(pushes[0]).toMatchObject({ draft: "d1" });
    expect(pushes[0]!.at - started).toBeLessThan(5);
    expect(pushes.at(-1)?.draft).toBe("d20");
    expect(pushes.length).toBeLessThanOrEqual(5);
    for (const gap of gaps(pushes.map((p) => p.at))) expect(gap).toBeGreaterThanOrEqual(55);
  });

  it("never runs two pushes at once: a slow push holds the next back and the drafts meanwhile collapse", async () => {
    const { throttle, pushes, overlapped } = recording(10, 80);
    throttle.offer("a");
    await sleep(20);
    throttle.offer("b");
    throttle.offer("c");
    await sleep(120);
    await throttle.close();
    expect(overlapped()).toBe(false);
    expect(pushes.map((p) => p.draft)).toEqual(["a", "c"]);
  });

  it("close() waits for the push in flight and drops the draft not pushed yet", async () => {
    const { throttle, pushes } = recording(1000, 50);
    throttle.offer("shown");
    throttle.offer("pending");
    const closing = performance.now();
    await throttle.close();
    expect(performance.now() - closing).toBeGreaterThanOrEqual(45);
    throttle.offer("late");
    await sleep(20);
    expect(pushes.map((p) => p.draft)).toEqual(["shown"]);
  });

  it("stops after a push resolves false or rejects", async () => {
    for (const result of [async () => false, async () => Promise.reject(new Error("400"))]) {
      const { throttle, pushes } = recording(5, 0, result);
      throttle.offer("a");
      await sleep(15);
      throttle.offer("b");
      await sleep(15);
      await throttle.close();
      expect(pushes.map((p) => p.draft)).toEqual(["a"]);
    }
  });
});
