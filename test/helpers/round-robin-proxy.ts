/**
 * A tiny HTTP load balancer on 127.0.0.1 for putting several bot instances behind one webhook URL:
 * each request goes to the next backend in turn; a backend that refuses the connection is skipped
 * (the next one is tried); a backend that dies mid-request gets the sender a 502, so it retries —
 * as a real load balancer does, and as Telegram then does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Replaces the backends (base URLs such as `http://127.0.0.1:8443`); the rotation goes on. */
  setBackends(backends: readonly string[]): void;
  /** Requests each backend accepted (answered or not), by base URL. */
  counts(): Record<string, number>;
  /** Connections each backend refused, by base URL. */
  refusals(): Record<string, number>;
  /** Requests answered 502 by the proxy itself (every backend refused, or one died mid-request). */
  readonly badGateways: number;
  close(): Promise<void>;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** Starts the proxy in front of `backends` (more can be set later). */
export async function startRoundRobinProxy(backends: readonly string[] = []): Promise<RoundRobinProxy> {
  let list = [...backends];
  let next = 0;
  let badGateways = 0;
  const accepted: Record<string, number> = {};
  const refused: Record<string, number> = {};
  const upstream = new Set<http.ClientRequest>();

  const badGateway = (res: http.ServerResponse) => {
    badGateways++;
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("bad gateway\n");
  };

  /** Forwards to `order[i]`, moving on to the next backend only when the connection is refused. */
  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, order: string[], i: number): void => {
    const backend = order[i];
    if (backend === undefined) return badGateway(res);
    const target = new URL(req.url ?? "/", backend);
    const headers = { ...req.headers, host: target.host, "content-length": String(body.length), connection: "close" };
    delete headers["transfer-encoding"];
    const out = http.request(target, { method: req.method ?? "GET", headers, agent: false });
    upstream.add(out);
    out.on("socket", (socket) => socket.once("connect", () => bump(accepted, backend)));
    out.on("response", (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
      answer.on("aborted", () => res.destroy());
    });
    out.on("error", (error: NodeJS.ErrnoException) => {
      if (res.destroyed) return; // the sender is gone
      if (error.code === "ECONNREFUSED") {
        bump(refused, backend);
        return forward(req, res, body, order, i + 1);
      }
      if (res.headersSent) res.destroy();
      else badGateway(res);
    });
    out.on("close", () => upstream.delete(out));
    // The sender gave up (a timeout): the backend's connection is dropped too, as a real balancer does.
    res.on("close", () => {
      if (!res.writableFinished) out.destroy();
    });
    out.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const n = list.length;
      const start = n === 0 ? 0 : next++ % n;
      const order = Array.from({ length: n }, (_, k) => list[(start + k) % n]!);
      forward(req, res, Buffer.concat(chunks), order, 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setBackends(backends) {
      list = [...backends];
    },
    counts: () => ({ ...accepted }),
    refusals: () => ({ ...refused }),
    get badGateways() {
      return badGateways;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const out of upstream) out.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
