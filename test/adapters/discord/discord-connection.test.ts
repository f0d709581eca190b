/**
 * Connection behaviour with the real discord.js client: REST 429s and gateway resumes are left to
 * discord.js (and work through a REST base URL), start-up failures become clear AppErrors without
 * the token.
 */
import { afterEach, describe, expect, test } from "vitest";
import { startDiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { AppError } from "../../../src/core/errors.js";
import { Harness, contentOf } from "./discord-harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("discord.js handles the platform", () => {
  test("a REST 429 with retry-after is honoured, then the reply goes through once", async () => {
    h = await new Harness().start();
    const fake = h.fake;
    const route = `/channels/${h.general}/messages`;
    fake.failNext((r) => r.method === "POST" && r.path === route, {
      status: 429,
      headers: { "retry-after": "0.3", "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset-after": "0.3", "x-ratelimit-bucket": "b1", "x-ratelimit-scope": "user" },
      body: { message: "You are being rate limited.", retry_after: 0.3, global: false },
    });
    const { message } = h.sendMessage({ from: h.alice, content: "Who chairs the federation?", mention: true });
    const ok = await fake.waitForRequest((r) => r.path === route && r.status === 200);
    const attempts = fake.requests.filter((r) => r.path === route);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    const waited = (attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0);
    console.log(`REST 429 (retry-after 300 ms): discord.js retried after ${waited.toFixed(0)} ms`);
    expect(waited).toBeGreaterThanOrEqual(295); // lower bound only: the client must not retry early
    expect(contentOf(ok)).toContain("[1]");
    expect(ok.body?.message_reference).toMatchObject({ message_id: message.id });
  });

  test("when the gateway closes, the client resumes the session and missed events are replayed", async () => {
    h = await new Harness().start();
    const fake = h.fake;
    fake.closeGateway(4000);
    // Sent while disconnected: Discord replays it after RESUME.
    const { message } = h.sendMessage({ from: h.alice, content: "asked during the outage", mention: true });
    await fake.waitUntil(() => (fake.resumes.length > 0 ? true : undefined), 15_000, "RESUME");
    expect(contentOf(await h.replyTo(message.id))).toContain("asked during the outage");
    expect(fake.identifies).toHaveLength(1);
    expect(fake.resumes).toHaveLength(1);
    expect(fake.gatewayCloses).toContain(4000);
    const after = h.sendMessage({ from: h.bob, content: "after the resume", mention: true }).message;
    expect(contentOf(await h.replyTo(after.id))).toContain("after the resume");
    expect(h.logs.some((l) => l.includes("discord: gateway resumed"))).toBe(true);
  });
});

describe("start-up failures", () => {
  test("a bad token (401) → AppError with a clear message and no token in it", async () => {
    h = new Harness();
    await h.fake.start();
    const badToken = "OTk5OTk5OTk5OTk5OTk5OTk5.Gbadbd.this-token-is-wrong-and-secret-000";
    const error = await startDiscordAdapter(h.adapterOptions(badToken)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("CONFIG_INVALID");
    expect(appError.userMessage).toContain("Discord rejected DISCORD_TOKEN");
    const everything = `${appError.message}\n${appError.stack ?? ""}\n${String(appError.cause)}\n${h.logs.join("\n")}`;
    expect(everything).not.toContain(badToken);
    expect(everything).not.toContain("this-token-is-wrong");
    expect(h.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["GET /gateway/bot 401"]);
  });

  test("Message Content not enabled in the portal (close 4014) → AppError saying how to fix it", async () => {
    h = new Harness({ fake: { disallowMessageContent: true } });
    await h.fake.start();
    const error = await startDiscordAdapter(h.adapterOptions()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toContain("DISCORD_MESSAGE_CONTENT=false");
    const fake = h.fake;
    await fake.waitUntil(() => (fake.gatewayCloses.includes(4014) ? true : undefined));
    expect(fake.identifies).toHaveLength(1);
  });

  test("an unreachable DISCORD_API_URL → AppError naming the URL", async () => {
    h = new Harness();
    await h.fake.start();
    const options = h.adapterOptions();
    const url = h.fake.apiUrl;
    await h.fake.close();
    const error = await startDiscordAdapter(options).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toContain(`Could not connect to Discord at ${url}`);
    h = null;
  });
});
