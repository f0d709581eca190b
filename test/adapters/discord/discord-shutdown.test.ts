/**
 * Clean shutdown, in its own file so the handle count starts from a clean process: stop() lets
 * answers in flight finish for a grace period, aborts the rest, closes the gateway with 1000 and
 * leaves no socket, server or timer behind.
 */
import { expect, test } from "vitest";
import { Harness, contentOf } from "./discord-harness.js";

test("stop() aborts answers still in flight after the grace period, closes the gateway normally, leaves no open handles", async () => {
  const before = countHandles();
  const h = new Harness({ shutdownGraceMs: 20 });
  let release: () => void = () => undefined;
  try {
    await h.start();
    h.service.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.sendMessage({ from: h.alice, content: "a slow question", mention: true });
    await h.fake.waitUntil(() => (h.service.asks.length === 1 ? true : undefined));
    await h.adapter?.stop("SIGTERM");
    await h.adapter?.stop("twice is fine");
    expect(h.service.asks[0]?.context?.signal?.aborted).toBe(true);
    await h.fake.waitUntil(() => (h.fake.gatewayCloses.includes(1000) ? true : undefined));
    expect(h.logs.some((l) => l.includes("discord: stopped"))).toBe(true);
  } finally {
    release();
    await h.fake.close();
  }
  const after = await settle(before);
  console.log(`active handles before start ${JSON.stringify(before)}, after stop ${JSON.stringify(after)}`);
  for (const [kind, n] of Object.entries(after)) expect(n, kind).toBeLessThanOrEqual(before[kind] ?? 0);
});

test("an answer finishing within the grace period is still delivered on stop()", async () => {
  const h = new Harness({ shutdownGraceMs: 10_000 });
  try {
    await h.start();
    let release: () => void = () => undefined;
    h.service.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { message } = h.sendMessage({ from: h.alice, content: "almost done", mention: true });
    await h.fake.waitUntil(() => (h.service.asks.length === 1 ? true : undefined));
    const stopped = h.adapter?.stop("SIGINT");
    // Arrives after stop(): ignored, because the adapter no longer accepts work.
    const late = h.sendMessage({ from: h.bob, content: "too late", mention: true }).message;
    release();
    await stopped;
    expect(contentOf(await h.replyTo(message.id))).toContain("almost done");
    expect(h.repliesTo(late.id)).toHaveLength(0);
  } finally {
    await h.fake.close();
  }
});

/** Sockets, servers and timers alive in this process, by kind. */
function countHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (!/TCP|Timeout|Pipe/.test(kind)) continue;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Lets closing sockets finish (a few event-loop turns), then counts again. */
async function settle(limit: Record<string, number>): Promise<Record<string, number>> {
  const within = (c: Record<string, number>) => Object.entries(c).every(([k, n]) => n <= (limit[k] ?? 0));
  let counts = countHandles();
  for (let i = 0; i < 200 && !within(counts); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    counts = countHandles();
  }
  return counts;
}
