import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/core/chat-model.js";
import { AppError } from "../../src/core/errors.js";
import { createAnthropicChatModel, type AnthropicChatModelOptions } from "../../src/providers/anthropic-chat-model.js";
import { apiError, FakeAnthropicServer } from "../fakes/anthropic-server.js";

const KEY = "sk-ant-api03-test-secret-key-0123456789";
const MESSAGES: ChatMessage[] = [
  { role: "system", content: "You answer from the passages only." },
  { role: "user", content: "Who chairs the federation?" },
];
const SCHEMA = {
  type: "object",
  properties: { answer: { type: "string" }, citations: { type: "array", items: { type: "integer" } } },
  required: ["answer", "citations"],
};
const REQUEST = { name: "grounded_answer", description: "The answer with its citations.", schema: SCHEMA };

let fake: FakeAnthropicServer;

beforeEach(async () => {
  fake = await FakeAnthropicServer.start();
});
afterEach(async () => {
  await fake.close();
});

function model(overrides: Partial<AnthropicChatModelOptions> = {}) {
  return createAnthropicChatModel({ baseUrl: fake.baseUrl, apiKey: KEY, model: "claude-test", timeoutMs: 5000, maxTokens: 256, temperature: 0, ...overrides });
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe("LLM_FAILED");
  expect(appError.userMessage).toBe("The language model did not answer.");
  expect(appError.message).not.toContain(KEY);
  expect(JSON.stringify(appError)).not.toContain(KEY);
  expect(appError.message).not.toContain("request-id");
  return appError;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("createAnthropicChatModel: invoke", () => {
  it("answers a plain call, with the system prompt sent as `system` and the key as x-api-key", async () => {
    fake.messages = () => "Muradil Jumadilde chairs it [1].";
    const text = await model().invoke(MESSAGES);
    expect(text).toBe("Muradil Jumadilde chairs it [1].");
    const [request] = fake.messageRequests();
    expect(request?.system).toBe("You answer from the passages only.");
    expect(request?.messages).toEqual([{ role: "user", content: "Who chairs the federation?" }]);
    expect(request?.stream).toBe(false);
    expect(request?.model).toBe("claude-test");
    expect(fake.requests[0]?.headers["x-api-key"]).toBe(KEY);
    expect(fake.requests[0]?.headers["anthropic-version"]).toBe("2023-06-01");
  });

  it("streams text deltas through onText; joined they are the returned text", async () => {
    const reply = "Muradil Jumadilde, the Chairman of the Federation of Trade Unions of Kyrgyzstan [1].";
    fake.messages = () => reply;
    const deltas: string[] = [];
    const text = await model().invoke(MESSAGES, { onText: (d) => deltas.push(d) });
    expect(text).toBe(reply);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(reply);
    const [request] = fake.messageRequests();
    expect(request?.stream).toBe(true);
    expect(request?.system).toBe("You answer from the passages only.");
  });

  it("moves system messages that are not first into `system` too", async () => {
    fake.messages = () => "ok";
    await model().invoke([...MESSAGES, { role: "assistant", content: "Which one?" }, { role: "system", content: "Be brief." }, { role: "user", content: "FTUK." }]);
    const [request] = fake.messageRequests();
    expect(request?.system).toBe("You answer from the passages only.\n\nBe brief.");
    expect(request?.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  });
});

describe("createAnthropicChatModel: invokeObject", () => {
  it("streams a forced tool call: growing partial objects, then the final object", async () => {
    const final = { answer: "Muradil Jumadilde chairs the Federation of Trade Unions of Kyrgyzstan [1].", citations: [1] };
    fake.messages = () => ({ tool: { input: final } });
    const partials: unknown[] = [];
    const result = await model().invokeObject(MESSAGES, REQUEST, { onPartial: (p) => partials.push(p) });
    expect(result).toEqual(final);
    expect(partials.length).toBeGreaterThan(3);
    const answers = partials.map((p) => String((p as { answer?: unknown }).answer ?? ""));
    for (let i = 1; i < answers.length; i += 1) expect(answers[i]?.startsWith(answers[i - 1] ?? "")).toBe(true);
    expect(partials.at(-1)).toEqual(final);
    const [request] = fake.messageRequests();
    expect(request?.stream).toBe(true);
    expect(request?.tool_choice).toEqual({ type: "tool", name: "grounded_answer" });
    expect(request?.tools).toEqual([{ name: "grounded_answer", description: "The answer with its citations.", input_schema: SCHEMA }]);
    expect(request?.system).toBe("You answer from the passages only.");
  });

  it("works without onPartial", async () => {
    fake.messages = () => ({ tool: { input: { answer: "Yes.", citations: [] } } });
    expect(await model().invokeObject(MESSAGES, REQUEST)).toEqual({ answer: "Yes.", citations: [] });
  });

  it("falls back to JSON in the text when the reply has no tool call", async () => {
    fake.messages = () => 'Here it is:\n```json\n{"answer": "No.", "citations": [2]}\n```';
    expect(await model().invokeObject(MESSAGES, REQUEST)).toEqual({ answer: "No.", citations: [2] });
  });

  it("fails when the reply has neither a tool call nor JSON", async () => {
    fake.messages = () => "I cannot help with that.";
    const error = await failureOf(model().invokeObject(MESSAGES, REQUEST));
    expect(error.message).toContain("grounded_answer");
  });
});

describe("createAnthropicChatModel: failures", () => {
  it("HTTP 500 → LLM_FAILED with the status and reason, no retry, no key", async () => {
    fake.messages = () => ({ status: 500, body: apiError("api_error", "Internal server error") });
    const error = await failureOf(model().invoke(MESSAGES));
    expect(error.message).toContain("HTTP 500");
    expect(error.message).toContain("Internal server error");
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("HTTP 429 while streaming an object → LLM_FAILED with the status", async () => {
    fake.messages = () => ({ status: 429, body: apiError("rate_limit_error", "Number of requests has exceeded your rate limit") });
    const error = await failureOf(model().invokeObject(MESSAGES, REQUEST, { onPartial: () => undefined }));
    expect(error.message).toContain("HTTP 429");
    expect(error.message).toContain("rate_limit_error");
    expect(fake.messageRequests()).toHaveLength(1);
  });

  it("a wrong key → HTTP 401 without echoing the key", async () => {
    fake.apiKey = "sk-ant-api03-the-right-one-000000000000";
    const error = await failureOf(model().invoke(MESSAGES, { onText: () => undefined }));
    expect(error.message).toContain("HTTP 401");
  });

  it("a server slower than timeoutMs → LLM_FAILED saying it timed out", async () => {
    fake.messages = () => ({ delayMs: 3000, text: "too late" });
    const started = Date.now();
    const error = await failureOf(model({ timeoutMs: 300 }).invoke(MESSAGES));
    expect(error.message).toContain("timed out");
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("a stream that stalls after it started → LLM_FAILED saying it timed out", async () => {
    fake.chunkDelayMs = 200;
    fake.messages = () => "a long answer that trickles in very slowly, piece by piece";
    const deltas: string[] = [];
    const error = await failureOf(model({ timeoutMs: 500 }).invoke(MESSAGES, { onText: (d) => deltas.push(d) }));
    expect(error.message).toContain("timed out");
  });
});

describe("createAnthropicChatModel: probe", () => {
  it("null when reachable and the model is listed, sending the key and version", async () => {
    fake.models = [{ id: "claude-other" }, { id: "claude-test" }];
    expect(await model().probe()).toBeNull();
    const request = fake.requests.find((r) => r.path.startsWith("/v1/models"));
    expect(request?.method).toBe("GET");
    expect(request?.headers["x-api-key"]).toBe(KEY);
    expect(request?.headers["anthropic-version"]).toBe("2023-06-01");
  });

  it("null when the list is empty, or when the model is an alias of a listed dated id", async () => {
    fake.models = [];
    expect(await model().probe()).toBeNull();
    fake.models = [{ id: "claude-sonnet-4-5-20250929" }];
    expect(await model({ model: "claude-sonnet-4-5" }).probe()).toBeNull();
  });

  it("names the models served when the configured one is not", async () => {
    fake.models = ["a", "b", "c", "d", "e", "f", "g"].map((id) => ({ id: `claude-${id}` }));
    const line = await model({ model: "claude-x" }).probe();
    expect(line).toBe(`model "claude-x" is not served by ${fake.baseUrl}/v1/models (it serves: claude-a, claude-b, claude-c, claude-d, claude-e, …)`);
  });

  it("reports HTTP 401 with the reason, never the key", async () => {
    fake.apiKey = "sk-ant-api03-the-right-one-000000000000";
    const line = await model().probe();
    expect(line).toBe(`${fake.baseUrl}/v1/models answered HTTP 401: authentication_error: invalid x-api-key`);
    expect(line).not.toContain(KEY);
  });

  it("reports a refused port without credentials in the URL", async () => {
    const port = await closedPort();
    const line = await model({ baseUrl: `http://user:hunter22@127.0.0.1:${port}/` }).probe();
    expect(line).toBe(`cannot reach http://127.0.0.1:${port}/v1/models: ECONNREFUSED`);
    expect(line).not.toContain("hunter22");
    expect(line).not.toContain(KEY);
  });

  it("sends credentials in the base URL as Basic auth, and never shows them", async () => {
    fake.models = [{ id: "claude-test" }];
    const withCredentials = fake.baseUrl.replace("http://", "http://proxy:hunter22@");
    expect(await model({ baseUrl: withCredentials }).probe()).toBeNull();
    fake.messages = () => ({ status: 502, body: "Bad gateway" });
    const error = await failureOf(model({ baseUrl: `${withCredentials}/v1/` }).invoke(MESSAGES));
    expect(error.message).toBe(`Anthropic (${fake.baseUrl}): HTTP 502: Bad gateway`);
    const basic = `Basic ${Buffer.from("proxy:hunter22").toString("base64")}`;
    expect(fake.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ["/v1/models?limit=1000", basic],
      ["/v1/messages", basic],
    ]);
  });

  it("a refused port on a call → LLM_FAILED naming the network error", async () => {
    const port = await closedPort();
    const error = await failureOf(model({ baseUrl: `http://127.0.0.1:${port}` }).invoke(MESSAGES));
    expect(error.message).toContain("ECONNREFUSED");
  });
});
