/**
 * The write buffer behind the PostgreSQL question log, with a scripted writer: rows are written in
 * order and in batches, kept while writes fail and retried with back-off, bounded (the oldest are
 * dropped and counted, one warning per outage), refused rows are dropped one by one, and `discard`
 * stops everything.
 */
import { describe, expect, it, vi } from "vitest";
import { RetryingWriteBuffer, type RetryingWriteBufferEvents } from "../../src/providers/retrying-write-buffer.js";

class Refused extends Error {
  readonly code = "22P02";
}

function setup(options: { max?: number; batchSize?: number } = {}) {
  const written: number[] = [];
  const state = { up: true };
  const events: string[] = [];
  const on: RetryingWriteBufferEvents = {
    outage: () => events.push("outage"),
    full: (max) => events.push(`full ${max}`),
    recovered: ({ written: w, dropped }) => events.push(`recovered ${w} ${dropped}`),
    rejected: () => events.push("rejected"),
  };
  const buffer = new RetryingWriteBuffer<number>({
    write: async (batch) => {
      await Promise.resolve();
      if (!state.up) throw new Error("ECONNREFUSED");
      if (batch.some((n) => n < 0)) throw new Refused("bad row");
      written.push(...batch);
    },
    isPermanent: (error) => error instanceof Refused,
    max: options.max ?? 100,
    batchSize: options.batchSize ?? 3,
    retryMs: { first: 10, max: 40 },
    events: on,
  });
  return { buffer, written, state, events };
}

describe("RetryingWriteBuffer", () => {
  it("writes rows in order, in batches", async () => {
    const { buffer, written } = setup();
    for (let i = 0; i < 10; i++) buffer.push(i);
    expect(await buffer.flush()).toBe(true);
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(buffer.pending).toBe(0);
  });

  it("keeps rows while writes fail, retries with back-off, and reports the recovery once", async () => {
    const { buffer, written, state, events } = setup();
    state.up = false;
    for (let i = 0; i < 5; i++) buffer.push(i);
    await vi.waitFor(() => expect(buffer.failures).toBeGreaterThan(1), { timeout: 2000, interval: 5 });
    expect(buffer.pending).toBe(5);
    expect(buffer.down).toBe(true);
    state.up = true;
    await vi.waitFor(() => expect(buffer.pending).toBe(0), { timeout: 2000, interval: 5 });
    expect(written).toEqual([0, 1, 2, 3, 4]);
    expect(events).toEqual(["outage", "recovered 5 0"]);
    expect(buffer.down).toBe(false);
  });

  it("drops the oldest rows beyond its bound, warns once per outage and counts them", async () => {
    const { buffer, written, state, events } = setup({ max: 4, batchSize: 2 });
    state.up = false;
    for (let i = 0; i < 10; i++) buffer.push(i);
    expect(await buffer.flush()).toBe(false);
    expect(buffer.pending).toBe(4);
    expect(buffer.dropped).toBe(6);
    state.up = true;
    expect(await buffer.flush()).toBe(true);
    expect(written).toEqual([6, 7, 8, 9]);
    expect(events).toEqual(["full 4", "outage", "recovered 4 6"]); // the pushes overflow before the first write has failed
  });

  it("drops a row the server refuses for good and writes the rest of its batch", async () => {
    const { buffer, written, events } = setup();
    for (const n of [1, -1, 2, 3]) buffer.push(n);
    expect(await buffer.flush()).toBe(true);
    expect(written).toEqual([1, 2, 3]);
    expect(buffer.dropped).toBe(1);
    expect(events).toEqual(["rejected"]);
  });

  it("flushBefore gives up at its deadline; discard counts what is left and takes no more", async () => {
    const { buffer, state } = setup();
    state.up = false;
    buffer.push(1);
    buffer.push(2);
    const started = Date.now();
    expect(await buffer.flushBefore(Date.now() + 150)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(buffer.discard()).toBe(2);
    buffer.push(3);
    expect(buffer.dropped).toBe(3);
    expect(buffer.pending).toBe(0);
  });
});
