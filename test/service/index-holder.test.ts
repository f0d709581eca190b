import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import type { Retriever } from "../../src/core/retriever.js";
import type { LoadedIndex } from "../../src/index/loaded-index.js";
import { IndexHolder, type IndexHolderOptions } from "../../src/service/index-holder.js";

interface FakeIndex {
  manifest: { generation: string };
  articles: unknown[];
  closed: number;
  close(): void;
}

function fakeIndex(generation: string): FakeIndex {
  return {
    manifest: { generation },
    articles: [{}, {}],
    closed: 0,
    close() {
      this.closed++;
    },
  };
}

const asLoaded = (index: FakeIndex) => index as unknown as LoadedIndex;
const fake = (index: LoadedIndex) => index as unknown as FakeIndex;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

function logger() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger;
}

/** A holder whose `load` hands out the given results in turn. */
async function holder(results: (FakeIndex | Error | Promise<FakeIndex>)[], extra: Partial<IndexHolderOptions> = {}) {
  const log = logger();
  const load = vi.fn(async () => {
    const next = results.shift();
    if (next === undefined) throw new Error("no more indexes");
    if (next instanceof Error) throw next;
    return asLoaded(await next);
  });
  const retrieverFor = vi.fn((index: LoadedIndex): Retriever & { of: string } => ({ of: index.manifest.generation, retrieve: async () => [], overview: async () => [] }));
  const h = await IndexHolder.open({ load, retrieverFor, logger: log, ...extra });
  return { h, load, log, retrieverFor };
}

const generationOf = (h: IndexHolder) => h.use(async (g) => [g.index.manifest.generation, (g.retriever as Retriever & { of: string }).of]);

describe("IndexHolder", () => {
  it("runs work on the current generation with its retriever", async () => {
    const { h, retrieverFor } = await holder([fakeIndex("g1")]);
    expect(await generationOf(h)).toEqual(["g1", "g1"]);
    expect(retrieverFor).toHaveBeenCalledTimes(1);
    expect(h.index.manifest.generation).toBe("g1");
  });

  it("swaps in a new generation, closes the old one and logs it", async () => {
    const g1 = fakeIndex("g1");
    const { h, log } = await holder([g1, fakeIndex("g2")]);
    await h.reload();
    expect(await generationOf(h)).toEqual(["g2", "g2"]);
    expect(g1.closed).toBe(1);
    expect(log.info).toHaveBeenCalledWith("index reloaded", { articles: 2, generation: "g2" });
  });

  it("keeps the current index and closes the copy when the generation is unchanged", async () => {
    const g1 = fakeIndex("g1");
    const copy = fakeIndex("g1");
    const { h } = await holder([g1, copy]);
    await h.reload();
    expect(h.index).toBe(asLoaded(g1));
    expect(copy.closed).toBe(1);
    expect(g1.closed).toBe(0);
  });

  it("closes the old index only after the last question that started on it settles", async () => {
    const g1 = fakeIndex("g1");
    const { h } = await holder([g1, fakeIndex("g2")]);
    const first = deferred<void>();
    const second = deferred<void>();
    const a = h.use(() => first.promise);
    const b = h.use(() => second.promise.then(() => Promise.reject(new Error("failed work"))));
    await h.reload();
    expect(await generationOf(h)).toEqual(["g2", "g2"]); // new questions go to g2 meanwhile
    first.resolve();
    await a;
    expect(g1.closed).toBe(0);
    second.resolve();
    await expect(b).rejects.toThrow("failed work");
    expect(g1.closed).toBe(1);
  });

  it("keeps the old index and warns when a load fails", async () => {
    const g1 = fakeIndex("g1");
    const { h, log } = await holder([g1, new Error("manifest is not JSON")]);
    await expect(h.reload()).resolves.toBeUndefined();
    expect(h.index).toBe(asLoaded(g1));
    expect(g1.closed).toBe(0);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("reload failed"), { error: expect.objectContaining({ message: "manifest is not JSON" }) });
  });

  it("loads once for concurrent reloads, and again for a later one", async () => {
    const pending = deferred<FakeIndex>();
    const { h, load } = await holder([fakeIndex("g1"), pending.promise, fakeIndex("g3")]);
    const r1 = h.reload();
    const r2 = h.reload();
    pending.resolve(fakeIndex("g2"));
    await Promise.all([r1, r2]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(h.index.manifest.generation).toBe("g2");
    await h.reload();
    expect(load).toHaveBeenCalledTimes(3);
    expect(h.index.manifest.generation).toBe("g3");
  });

  it("on close, unwatches and closes the index after work in flight", async () => {
    const unwatch = vi.fn();
    const g1 = fakeIndex("g1");
    const { h } = await holder([g1], { watch: () => unwatch });
    const work = deferred<string>();
    const running = h.use(() => work.promise);
    h.close();
    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(g1.closed).toBe(0);
    work.resolve("done");
    await expect(running).resolves.toBe("done");
    expect(g1.closed).toBe(1);
    h.close();
    expect(unwatch).toHaveBeenCalledTimes(1);
    expect(g1.closed).toBe(1);
  });

  it("closes an index that finishes loading after close(), keeping the old one", async () => {
    const pending = deferred<FakeIndex>();
    const g1 = fakeIndex("g1");
    const { h } = await holder([g1, pending.promise]);
    const reloading = h.reload();
    h.close();
    const g2 = fakeIndex("g2");
    pending.resolve(g2);
    await reloading;
    expect(g2.closed).toBe(1);
    expect(h.index).toBe(asLoaded(g1));
    expect(g1.closed).toBe(1);
  });

  it("reloads when the watcher reports a change", async () => {
    let onChange: (() => void) | undefined;
    const { h, load } = await holder([fakeIndex("g1"), fakeIndex("g2")], {
      watch: (cb) => {
        onChange = cb;
        return () => undefined;
      },
    });
    expect(onChange).toBeDefined();
    onChange?.();
    await h.reload(); // joins the reload the watcher started
    expect(load).toHaveBeenCalledTimes(2);
    expect(fake(h.index).manifest.generation).toBe("g2");
  });
});
