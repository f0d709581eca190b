/** The test load balancer the multi-instance webhook tests put in front of the instances. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "../../helpers/round-robin-proxy.js";

let proxy: RoundRobinProxy | undefined;
const servers: http.Server[] = [];

afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function backend(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A backend that echoes its name and the request body. */
const named = (name: string) =>
  backend((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += String(c)));
    req.on("end", () => res.writeHead(201, { "x-backend": name }).end(`${name}:${req.method} ${req.url} ${body}`));
  });

async function refusingUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

const post = async (path: string, body: string) => {
  const res = await fetch(`${proxy!.url}${path}`, { method: "POST", body });
  return { status: res.status, text: await res.text(), backend: res.headers.get("x-backend") };
};

describe("round-robin proxy", () => {
  it("sends each request to the next backend in turn, with method, path, body, status and headers", async () => {
    const a = await named("a");
    const b = await named("b");
    proxy = await startRoundRobinProxy([a, b]);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(`/hook?i=${i}`, `body ${i}`));
    expect(answers.map((r) => r.backend)).toEqual(["a", "b", "a", "b"]);
    expect(answers[0]).toMatchObject({ status: 201, text: "a:POST /hook?i=0 body 0" });
    expect(proxy.counts()).toEqual({ [a]: 2, [b]: 2 });
  });

  it("skips a backend that refuses the connection; 502 when all do", async () => {
    const dead = await refusingUrl();
    const live = await named("live");
    proxy = await startRoundRobinProxy([dead, live]);
    for (let i = 0; i < 4; i++) expect((await post("/", "x")).backend).toBe("live");
    expect(proxy.counts()).toEqual({ [live]: 4 });
    expect(proxy.refusals()[dead]).toBe(2);
    proxy.setBackends([dead]);
    expect((await post("/", "x")).status).toBe(502);
    proxy.setBackends([]);
    expect((await post("/", "x")).status).toBe(502);
    expect(proxy.badGateways).toBe(2);
  });

  it("answers 502 when a backend dies mid-request, and does not send the request elsewhere", async () => {
    let otherSaw = 0;
    const dying = await backend((req) => req.socket.destroy());
    const other = await backend((_req, res) => {
      otherSaw++;
      res.end("ok");
    });
    proxy = await startRoundRobinProxy([dying, other]);
    expect((await post("/", "x")).status).toBe(502);
    expect(otherSaw).toBe(0);
    expect((await post("/", "x")).status).toBe(200);
  });
});
