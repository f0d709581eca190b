import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegramBotApi } from "../../fakes/telegram-bot-api.js";
import { alice, privateChat, startHarness, TEST_TOKEN, type Harness } from "../../fakes/telegram-harness.js";
import { makeAnswer } from "../../fakes/telegram-answer-service.js";

describe("Telegram adapter: shutdown", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("stop() ends the long poll, finishes the answer in progress and confirms the offset", async () => {
    h = await startHarness();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h.service.respond = async (q) => {
      await gate;
      return makeAnswer(q, "Late but complete [1].");
    };
    const messageId = h.api.sendUserMessage({ chat: privateChat(alice), from: alice, text: "slow question?" });
    await h.api.waitFor(() => h!.service.asked.length === 1, "the question to reach the service");
    const stopping = h.adapter.stop("test");
    await h.api.waitFor(() => h!.api.pendingPolls === 0, "the long poll to be aborted");
    release();
    await stopping;
    expect(h.api.repliesTo(alice.id, messageId)[0]?.text).toContain("Late but complete");
    const lastPoll = h.api.callsOf("getUpdates").at(-1)!;
    expect(lastPoll.payload).toMatchObject({ limit: 1, timeout: 0 });
    expect(lastPoll.payload.offset).toBeGreaterThan(0);
    // A message arriving after stop is not answered.
    h.api.sendUserMessage({ chat: privateChat(alice), from: alice, text: "anyone?" });
    expect(h.api.pendingPolls).toBe(0);
    await h.adapter.stop("second call is harmless");
    expect(h.service.asked).toHaveLength(1);
  });

  it("a process running the bot exits by itself after stop(): no open handles", async () => {
    const api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const child = spawn(process.execPath, ["--import", "tsx", "test/fakes/telegram-shutdown-child.ts", api.apiRoot], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += String(d)));
    child.stderr.on("data", (d: Buffer) => (err += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await api.waitFor(() => out.includes("ready"), "child to start", 20_000);
      const messageId = api.sendUserMessage({ chat: privateChat(alice), from: alice, text: "hello from the child test?" });
      await api.waitFor(() => api.repliesTo(alice.id, messageId).length === 1, "child to answer");
      child.stdin.end("stop\n");
      // Hang guard only: a process with an open handle never exits, so give up after 20 s.
      const guard = new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 20_000).unref());
      const code = await Promise.race([exited, guard]);
      expect({ code, out: out.trim(), err: err.trim() }).toEqual({ code: 0, out: "ready\nstopped", err: "" });
    } finally {
      child.kill();
      await api.close();
    }
  });
});
