/**
 * Every test runs with the network closed except loopback: Discord, Telegram and LLM servers are
 * replaced by fakes on 127.0.0.1, and a test that tries to reach anything else fails loudly
 * instead of hanging or silently depending on the outside world.
 */
import net from "node:net";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === "") return true; // Node defaults to localhost
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ""));
}

const originalConnect = net.Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const first = args[0];
  if (Array.isArray(first)) return hostOf(first as unknown[]);
  if (typeof first === "object" && first !== null) {
    const o = first as { host?: string; path?: string };
    if (o.path !== undefined) return "localhost"; // unix socket / IPC pipe
    return o.host;
  }
  if (typeof first === "number") return typeof args[1] === "string" ? args[1] : undefined;
  if (typeof first === "string") return "localhost"; // a path
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (!isLoopbackHost(host)) {
    throw new Error(`Blocked network connection to non-loopback host "${String(host)}" during tests`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
