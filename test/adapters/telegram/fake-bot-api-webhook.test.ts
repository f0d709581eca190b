/**
 * The fake Bot API behaves like Telegram where several instances meet it: webhook registration and
 * delivery with retries until acknowledged, at most max_connections at a time; getUpdates refused
 * while a webhook is set; a second getUpdates ends the one held open.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegramBotApi } from "../../fakes/telegram-bot-api.js";
import { TEST_TOKEN, alice, privateChat } from "../../fakes/telegram-harness.js";

let api: FakeTelegramBotApi | undefined;
const servers: http.Server[] = [];

afterEach(async () => {
  await api?.close();
  api = undefined;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

async function callApi(method: string, payload: Record<string, unknown> = {}): Promise<{ status: number; body: { ok: boolean; result?: unknown; description?: string } }> {
  const res = await fetch(`${api!.apiRoot}/bot${TEST_TOKEN}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: unknown; description?: string } };
}

/** A webhook receiver on 127.0.0.1 that answers with whatever `respond` says. */
async function receiver(respond: (body: Record<string, unknown>, headers: http.IncomingHttpHeaders, res: http.ServerResponse) => void): Promise<string> {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += String(c)));
    req.on("end", () => respond(JSON.parse(body) as Record<string, unknown>, req.headers, res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe("fake Bot API: webhooks and getUpdates conflicts", () => {
  it("stores the webhook, delivers queued updates with the secret, and retries a failed delivery until it is acknowledged", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN, webhook: { retryDelayMs: 20 } });
    const seen: { id: unknown; secret: unknown }[] = [];
    let failuresLeft = 2;
    const url = await receiver((body, headers, res) => {
      seen.push({ id: body.update_id, secret: headers["x-telegram-bot-api-secret-token"] });
      res.writeHead(failuresLeft-- > 0 ? 500 : 200).end();
    });
    expect((await callApi("setWebhook", { url, secret_token: "s3cret", allowed_updates: ["message"] })).body.ok).toBe(true);
    expect(api.setWebhookCount).toBe(1);
    expect(api.webhook).toMatchObject({ url, secretToken: "s3cret", allowedUpdates: ["message"], maxConnections: 40 });
    const id = api.pushUpdate(api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "hello?" }));
    await api.waitFor(() => api!.pendingUpdates === 0, "the update to be acknowledged");
    expect(api.deliveries.map((d) => [d.updateId, d.status])).toEqual([[id, 500], [id, 500], [id, 200]]);
    expect(seen.every((s) => s.id === id && s.secret === "s3cret")).toBe(true);
    const info = (await callApi("getWebhookInfo")).body.result as Record<string, unknown>;
    expect(info).toMatchObject({ url, pending_update_count: 0, max_connections: 40, allowed_updates: ["message"] });
    expect(info.last_error_message).toContain("500");
  });

  it("counts a refused connection and a timeout as failed deliveries", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN, webhook: { retryDelayMs: 20, timeoutMs: 100 } });
    let calls = 0;
    const url = await receiver((_body, _headers, res) => {
      if (++calls === 1) return; // never answers: a timeout
      res.writeHead(204).end();
    });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/hook`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    await callApi("setWebhook", { url: deadUrl });
    const id = api.pushUpdate(api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: "anyone?" }));
    await api.waitFor(() => api!.deliveries.length >= 1, "a refused delivery");
    expect(api.deliveries[0]).toMatchObject({ updateId: id, status: 0, error: "ECONNREFUSED" });
    await callApi("setWebhook", { url });
    await api.waitFor(() => api!.pendingUpdates === 0, "the update to be acknowledged");
    expect(api.deliveries.filter((d) => d.error === "timeout")).toHaveLength(1);
    expect(api.deliveries.at(-1)).toMatchObject({ updateId: id, status: 204 });
  });

  it("keeps at most max_connections deliveries in flight", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN, webhook: { maxConnections: 3 } });
    let inFlight = 0;
    let most = 0;
    const url = await receiver((_body, _headers, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end();
      }, 30);
    });
    await callApi("setWebhook", { url });
    for (let i = 0; i < 12; i++) api.pushUpdate(api.makeMessageUpdate({ chat: privateChat(alice), from: alice, text: `q${i}` }));
    await api.waitFor(() => api!.pendingUpdates === 0, "12 acknowledged");
    expect(most).toBe(3);
    expect(api.deliveries.filter((d) => d.status === 200)).toHaveLength(12);
  });

  it("answers getUpdates with 409 while a webhook is set, and serves it again after deleteWebhook", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    await callApi("setWebhook", { url: "http://127.0.0.1:9/hook" });
    const refused = await callApi("getUpdates", { timeout: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.description).toContain("can't use getUpdates method while webhook is active");
    expect((await callApi("deleteWebhook")).body.ok).toBe(true);
    expect(api.webhook).toBeNull();
    expect((await callApi("getUpdates", { timeout: 0 })).status).toBe(200);
  });

  it("a second getUpdates ends the one held open with 409, like the real API", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const older = callApi("getUpdates", { timeout: 5 });
    await api.waitFor(() => api!.pendingPolls === 1, "the first long poll to be held");
    const newer = callApi("getUpdates", { timeout: 5 });
    const first = await older;
    expect(first.status).toBe(409);
    expect(first.body.description).toBe("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    api.sendUserMessage({ chat: privateChat(alice), from: alice, text: "for the newer poll" });
    const second = await newer;
    expect(second.status).toBe(200);
    expect(second.body.result).toHaveLength(1);
  });

  it("records which client made a call when it uses its own API root", async () => {
    api = await FakeTelegramBotApi.start({ token: TEST_TOKEN });
    const res = await fetch(`${api.apiRootFor("a")}bot${TEST_TOKEN}/getMe`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(api.callsOf("getMe")[0]?.client).toBe("a");
  });
});
