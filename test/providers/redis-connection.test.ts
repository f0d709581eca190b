/**
 * The shared Redis connection against a real redis-server: an unreachable Redis at start is a
 * configuration error that names the URL but never its password; while running, an outage is
 * logged once when it starts and once when it ends, commands fail fast meanwhile (no queueing),
 * and the connection comes back on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { connectRedis, reconnectDelayMs, type RedisConnection } from "../../src/providers/redis-connection.js";
import { freePort, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { recording, until } from "../helpers/recording.js";

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.close();
});

describe("connectRedis", () => {
  it("connects with credentials, prefixes keys and says where it is without them", async () => {
    const admin = await connectRedis({ url: server.url, prefix: "", logger: recording().logger });
    await admin.client.call("ACL", "SETUSER", "bot", "on", ">hunter2secret", "~*", "&*", "+@all");
    const { logger, lines } = recording();
    const connection = await connectRedis({ url: `redis://bot:hunter2secret@127.0.0.1:${server.port}`, prefix: "test:", logger });
    try {
      expect(connection.up).toBe(true);
      expect(connection.where).toBe(server.url);
      expect(connection.key("conv:a")).toBe("test:conv:a");
      await connection.client.set(connection.key("x"), "1");
      expect(await admin.client.get("test:x")).toBe("1");
      expect(await connection.client.call("ACL", "WHOAMI")).toBe("bot");
    } finally {
      await connection.close();
      await admin.close();
    }
    expect(connection.up).toBe(false);
    expect(lines.join(" ")).not.toContain("hunter2secret");
  });

  it("rejects with CONFIG_INVALID naming the URL without its password when Redis cannot be reached", async () => {
    const port = await freePort();
    const { logger, lines } = recording();
    const started = Date.now();
    const error = await connectRedis({ url: `redis://:hunter2secret@127.0.0.1:${port}`, prefix: "t:", logger, connectTimeoutMs: 400 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("CONFIG_INVALID");
    expect(appError.userMessage).toContain(`Cannot reach Redis at redis://127.0.0.1:${port} (REDIS_URL): `);
    expect(appError.userMessage).toMatch(/ECONNREFUSED/);
    expect(`${appError.userMessage} ${appError.message} ${lines.join(" ")}`).not.toContain("hunter2secret");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a wrong password is reported with Redis's reason, not the password", async () => {
    const admin = await connectRedis({ url: server.url, prefix: "", logger: recording().logger });
    await admin.client.call("ACL", "SETUSER", "bot", "on", ">hunter2secret", "~*", "&*", "+@all");
    await admin.close();
    const error = await connectRedis({ url: `redis://bot:wrongpass1234@127.0.0.1:${server.port}`, prefix: "t:", logger: recording().logger, connectTimeoutMs: 400 }).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error?.code).toBe("CONFIG_INVALID");
    expect(error?.userMessage).toMatch(new RegExp(`^Cannot reach Redis at redis://127\\.0\\.0\\.1:${server.port} \\(REDIS_URL\\): .*WRONGPASS`));
    expect(error?.userMessage).not.toContain("wrongpass1234");
  });

  it("backs off by 100 ms per attempt up to 2 s", () => {
    expect([1, 2, 5, 20, 1000].map(reconnectDelayMs)).toEqual([100, 200, 500, 2000, 2000]);
  });

  it("logs one warning when Redis goes away and one line when it is back; commands fail fast meanwhile", async () => {
    const { logger, lines } = recording();
    const connection: RedisConnection = await connectRedis({ url: server.url, prefix: "t:", logger });
    try {
      await server.stop();
      await until(() => !connection.up);
      const started = Date.now();
      await expect(connection.client.get("t:x")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(500);
      await new Promise((r) => setTimeout(r, 400)); // several reconnect attempts fail meanwhile
      await server.start();
      await until(() => connection.up);
      expect(await connection.client.ping()).toBe("PONG");
      const warnings = lines.filter((l) => l.startsWith("warn"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^warn Redis connection lost \(.+\); memory, rate limits and event claims fall back to this process until it is back$/);
      expect(lines.filter((l) => l.startsWith("info"))).toEqual(["info Redis connection is back; memory, rate limits and event claims are shared again"]);
    } finally {
      await connection.close();
    }
  });

  it("close() ends the connection even while Redis is away: it does not come back when Redis does", async () => {
    const { logger, lines } = recording();
    const connection = await connectRedis({ url: server.url, prefix: "t:", logger });
    await server.stop();
    try {
      await until(() => !connection.up);
      await connection.close();
    } finally {
      await server.start();
    }
    await new Promise((r) => setTimeout(r, 500)); // longer than the next reconnect attempt would wait
    expect(connection.up).toBe(false);
    expect(lines.filter((l) => l.startsWith("info"))).toEqual([]);
  });
});
