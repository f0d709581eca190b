import { describe, expect, it } from "vitest";
import { KeyedTaskQueue } from "../../../src/adapters/telegram/task-queue.js";

describe("KeyedTaskQueue after abort", () => {
  const blocked = () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    return { gate, open };
  };

  it("with skipOnceAborted, a task not yet started does not run and resolves aborted", async () => {
    const queue = new KeyedTaskQueue({ concurrency: 1, onError: () => undefined, skipOnceAborted: true });
    const { gate, open } = blocked();
    const ran: string[] = [];
    const first = queue.run("a", async () => {
      ran.push("first");
      await gate;
    });
    const second = queue.run("a", async () => void ran.push("second"));
    await new Promise((r) => setTimeout(r, 0)); // the first has started
    expect(ran).toEqual(["first"]);
    queue.abort();
    open();
    expect(await first).toBe("done");
    expect(await second).toBe("aborted");
    expect(ran).toEqual(["first"]);
  });

  it("without it, the task still runs, with the aborted signal", async () => {
    const queue = new KeyedTaskQueue({ concurrency: 1, onError: () => undefined });
    const { gate, open } = blocked();
    const first = queue.run("a", () => gate);
    let sawAborted = false;
    const second = queue.run("a", async (signal) => void (sawAborted = signal.aborted));
    await new Promise((r) => setTimeout(r, 0));
    queue.abort();
    open();
    await first;
    expect(await second).toBe("done");
    expect(sawAborted).toBe(true);
  });
});
