/**
 * A private, real Redis for a test: `redis-server` from Debian (`.ci/run` installs it when
 * missing) on a free loopback port in a temporary folder, nothing persisted. It can be stopped and
 * started again on the same port (the outage tests), or killed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** Stops the server (SIGTERM, waits for exit). The port stays reserved for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty; resolves when it answers PING. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves when something on `port` answers a Redis PING with PONG. */
async function pinged(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dossier-redis-"));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = "";

  const start = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--loglevel", "warning"];
    const proc = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    proc.stdout?.on("data", (d: Buffer) => (log += d.toString()));
    proc.stderr?.on("data", (d: Buffer) => (log += d.toString()));
    const failed = new Promise<never>((_, reject) => {
      proc.once("error", (error) =>
        reject(new Error(`could not start redis-server (${error.message}); install it with apt-get install redis-server (.ci/run does)`)),
      );
      proc.once("exit", (code) => reject(new Error(`redis-server exited (${code ?? "signal"}): ${log.slice(-500)}`)));
    });
    failed.catch(() => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (await Promise.race([pinged(port), failed])) return;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}: ${log.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async () => {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    async close() {
      await stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
