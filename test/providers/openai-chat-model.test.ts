import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/core/chat-model.js";
import { createOpenAIChatModel, type OpenAIChatModelOptions } from "../../src/providers/openai-chat-model.js";
import { FakeOpenAIServer } from "../fakes/openai-server.js";

const KEY = "sk-test-CHATKEY1234567890abcdef";
const MESSAGES: ChatMessage[] = [
  { role: "system", content: "You answer from passages." },
  { role: "user", content: "Who chairs the federation?" },
];
const REQUEST = {
  name: "answer",
  description: "The answer and the passages it cites.",
  schema: {
    type: "object",
    properties: { answer: { type: "string" }, citations: { type: "array", items: { type: "integer" } } },
    required: ["answer", "citations"],
  },
};
const OBJECT = { answer: "Muradil Jumadilde chairs it [1].", citations: [1, 2] };

let fake: FakeOpenAIServer;

const modelFor = (overrides: Partial<OpenAIChatModelOptions> = {}) =>
  createOpenAIChatModel({ baseUrl: fake.baseUrl, apiKey: KEY, model: "gpt-4o-mini", timeoutMs: 2_000, maxTokens: 200, temperature: 0, ...overrides });

/** Rejects with the error `promise` rejects with (fails the test if it resolves). */
async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string; userMessage: string }> {
  const error: unknown = await promise.then(
    () => new Error("expected a failure"),
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: "LLM_FAILED", userMessage: "The language model did not answer." });
  return error as { code: string; message: string; userMessage: string };
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(KEY);
  expect(text).not.toContain("hunter2");
}

beforeAll(async () => {
  fake = await FakeOpenAIServer.start();
});

beforeEach(() => {
  fake.requests.length = 0;
  fake.chunkChars = 8;
  fake.chunkDelayMs = 0;
  fake.firstChunkDelayMs = 0;
  fake.models = ["gpt-4o-mini"];
  fake.apiKey = null;
});

afterAll(async () => {
  await fake?.close();
});

describe("invoke", () => {
  it("returns the reply text, sending the key and no stream", async () => {
    fake.chat = () => "The Federation is chaired by Muradil Jumadilde [1].";
    expect(await modelFor().invoke(MESSAGES)).toBe("The Federation is chaired by Muradil Jumadilde [1].");
    const [request] = fake.chatRequests();
    expect(request?.stream).toBe(false);
    expect(request?.system).toBe("You answer from passages.");
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(fake.requests[0]?.body.model).toBe("gpt-4o-mini");
  });

  it("streams the text to onText in several deltas that join to the whole reply", async () => {
    const text = "Muradil Jumadilde, the Chairman of the Federation of Trade Unions of Kyrgyzstan [1].";
    fake.chat = () => text;
    fake.chunkDelayMs = 2;
    const deltas: string[] = [];
    const reply = await modelFor().invoke(MESSAGES, { onText: (d) => deltas.push(d) });
    expect(reply).toBe(text);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(text);
    expect(fake.chatRequests()[0]?.stream).toBe(true);
  });

  it("uses the placeholder key when none is configured (local servers)", async () => {
    fake.chat = () => "ok";
    expect(await modelFor({ apiKey: null }).invoke(MESSAGES)).toBe("ok");
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer not-needed");
  });

  it("turns a 500 into LLM_FAILED with the status, without the key even when the server echoes it", async () => {
    fake.chat = () => ({ status: 500, body: JSON.stringify({ error: { message: `backend exploded for ${KEY}` } }) });
    const error = await failureOf(modelFor().invoke(MESSAGES));
    expect(error.message).toContain("500");
    expect(error.message).toContain("[key]");
    expectNoSecrets(error.message);
    expectNoSecrets(JSON.stringify(error));
    expect(fake.chatRequests()).toHaveLength(1); // no retries
  });

  it("turns a timeout into LLM_FAILED saying so, streamed or not", async () => {
    fake.chat = () => ({ delayMs: 1_000, text: "too late" });
    for (const options of [{}, { onText: () => undefined }]) {
      const started = Date.now();
      const error = await failureOf(modelFor({ timeoutMs: 150 }).invoke(MESSAGES, options));
      expect(Date.now() - started).toBeLessThan(900);
      expect(error.message).toMatch(/timed out|timeout/i);
      expectNoSecrets(error.message);
      expectNoSecrets(JSON.stringify(error));
    }
  });

  it("keeps the timeout when a stream stalls after its headers", async () => {
    fake.chat = () => "a reply that never starts";
    fake.firstChunkDelayMs = 1_500;
    const started = Date.now();
    const error = await failureOf(modelFor({ timeoutMs: 200 }).invoke(MESSAGES, { onText: () => undefined }));
    expect(Date.now() - started).toBeLessThan(1_200);
    expect(error.message).toBe("TimeoutError: no complete reply within 200 ms");
    fake.chat = () => ({ tool: { arguments: OBJECT } });
    await failureOf(modelFor({ timeoutMs: 200 }).invokeObject(MESSAGES, REQUEST, { onPartial: () => undefined }));
  });

  it("fails when the caller aborts in the middle of a stream", async () => {
    fake.chat = () => "a long answer that arrives slowly, piece by piece, far too slowly";
    fake.chunkDelayMs = 30;
    const controller = new AbortController();
    const deltas: string[] = [];
    const call = modelFor().invoke(MESSAGES, {
      signal: controller.signal,
      onText: (d) => {
        deltas.push(d);
        if (deltas.length === 2) controller.abort();
      },
    });
    await failureOf(call);
    expect(deltas.length).toBeLessThan(5);
  });
});

describe("invokeObject with tool calling", () => {
  it("forces the one tool and streams growing partial objects from the argument chunks", async () => {
    fake.chat = () => ({ tool: { arguments: OBJECT } });
    fake.chunkChars = 5;
    const partials: unknown[] = [];
    const result = await modelFor().invokeObject(MESSAGES, REQUEST, { onPartial: (p) => partials.push(p) });
    expect(result).toEqual(OBJECT);

    const [request] = fake.chatRequests();
    expect(request?.stream).toBe(true);
    expect(request?.tools).toHaveLength(1);
    expect(request?.tools[0]?.function).toMatchObject({ name: "answer", description: REQUEST.description, parameters: REQUEST.schema });
    expect(request?.toolChoice).toEqual({ type: "function", function: { name: "answer" } });

    expect(partials.length).toBeGreaterThan(3);
    const answers = partials.map((p) => (p as { answer?: string }).answer ?? "");
    for (let i = 1; i < answers.length; i++) expect((answers[i] ?? "").startsWith(answers[i - 1] ?? "")).toBe(true);
    expect(answers.some((a) => a.length > 0 && a.length < OBJECT.answer.length)).toBe(true);
    expect(partials.at(-1)).toEqual(OBJECT);
  });

  it("streams even without onPartial, so a stalled reply meets the same deadline", async () => {
    fake.chat = () => ({ tool: { arguments: JSON.stringify(OBJECT) } });
    expect(await modelFor().invokeObject(MESSAGES, REQUEST)).toEqual(OBJECT);
    expect(fake.chatRequests()[0]?.stream).toBe(true);
    expect(fake.chatRequests()[0]?.tools[0]?.function.name).toBe("answer");
  });

  it("the fake answers a non-streamed request with message.tool_calls", async () => {
    fake.chat = () => ({ tool: { arguments: OBJECT } });
    const response = await fetch(`${fake.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [], tools: [{ type: "function", function: { name: "answer", parameters: {} } }] }),
    });
    const body = (await response.json()) as { choices: { message: { tool_calls: { function: { name: string; arguments: string } }[] }; finish_reason: string }[] };
    expect(body.choices[0]?.finish_reason).toBe("tool_calls");
    expect(body.choices[0]?.message.tool_calls[0]?.function).toEqual({ name: "answer", arguments: JSON.stringify(OBJECT) });
  });

  it("falls back to a JSON object in the text when the server ignores tools", async () => {
    fake.chat = () => "```json\n" + JSON.stringify(OBJECT, null, 2) + "\n```";
    const partials: unknown[] = [];
    expect(await modelFor().invokeObject(MESSAGES, REQUEST, { onPartial: (p) => partials.push(p) })).toEqual(OBJECT);
    expect(partials.at(-1)).toEqual(OBJECT);
    expect(await modelFor().invokeObject(MESSAGES, REQUEST)).toEqual(OBJECT);
  });

  it("fails with LLM_FAILED when the reply holds no JSON object", async () => {
    fake.chat = () => "I would rather not say.";
    const error = await failureOf(modelFor().invokeObject(MESSAGES, REQUEST, { onPartial: () => undefined }));
    expect(error.message).toBe("the model returned no JSON object");
    await failureOf(modelFor().invokeObject(MESSAGES, REQUEST));
  });
});

describe("invokeObject in json mode", () => {
  it("sends no tools, puts the schema in the system message and parses fenced JSON, streaming partials", async () => {
    fake.chat = () => "Here it is:\n```json\n" + JSON.stringify(OBJECT) + "\n```";
    fake.chunkChars = 6;
    const partials: unknown[] = [];
    const result = await modelFor({ structured: "json" }).invokeObject(MESSAGES, REQUEST, { onPartial: (p) => partials.push(p) });
    expect(result).toEqual(OBJECT);
    const [request] = fake.chatRequests();
    expect(request?.tools).toEqual([]);
    expect(request?.toolChoice).toBeNull();
    expect(request?.messages.filter((m) => m.role === "system")).toHaveLength(1);
    expect(request?.system.startsWith("You answer from passages.")).toBe(true);
    expect(request?.system).toContain(JSON.stringify(REQUEST.schema));
    expect(partials.length).toBeGreaterThan(2);
    expect(partials.at(-1)).toEqual(OBJECT);
  });

  it("adds a system message when there is none, and fails without JSON", async () => {
    fake.chat = () => JSON.stringify(OBJECT);
    const model = modelFor({ structured: "json" });
    expect(await model.invokeObject([{ role: "user", content: "Who?" }], REQUEST)).toEqual(OBJECT);
    expect(fake.chatRequests()[0]?.messages[0]?.role).toBe("system");
    expect(fake.chatRequests()[0]?.system).toContain(JSON.stringify(REQUEST.schema));

    fake.chat = () => "No idea, sorry.";
    const error = await failureOf(model.invokeObject(MESSAGES, REQUEST, { onPartial: () => undefined }));
    expect(error.message).toBe("the model returned no JSON object");
  });
});

describe("probe", () => {
  it("is null when the server is reachable and serves the model, or lists none", async () => {
    fake.models = ["llama3", "gpt-4o-mini"];
    expect(await modelFor().probe()).toBeNull();
    expect(fake.requests[0]?.path).toBe("/v1/models");
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    fake.models = [];
    expect(await modelFor().probe()).toBeNull();
    fake.models = ["llama3:latest"];
    expect(await modelFor({ model: "llama3" }).probe()).toBeNull();
  });

  it("names the served models (at most five) when the configured one is not among them", async () => {
    fake.models = ["a", "b", "c", "d", "e", "f", "g"];
    const problem = await modelFor({ model: "x" }).probe();
    expect(problem).toBe(`model "x" is not served by ${fake.baseUrl} (it serves: a, b, c, d, e, … (7 in all))`);
  });

  it("reports a 401 with its reason, never the key, and strips credentials from the URL", async () => {
    fake.apiKey = "sk-the-right-one";
    const withCredentials = fake.baseUrl.replace("http://", "http://admin:hunter2@");
    const problem = await modelFor({ baseUrl: withCredentials }).probe();
    expect(problem).toMatch(new RegExp(`^${fake.baseUrl.replace(/[.]/g, "\\.")} answered HTTP 401: Incorrect API key provided`));
    expectNoSecrets(problem ?? "");
    expect(problem).not.toContain("admin");
  });

  it("reports a refused connection with the URL and the reason", async () => {
    const closed = await closedPort();
    const problem = await modelFor({ baseUrl: `http://user:hunter2@127.0.0.1:${closed}/v1` }).probe();
    expect(problem).toBe(`cannot reach http://127.0.0.1:${closed}/v1: ECONNREFUSED`);
    expectNoSecrets(problem ?? "");
  });

  it("gives up after the timeout (at most five seconds)", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const problem = await modelFor({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 150 }).probe();
      expect(problem).toBe(`cannot reach http://127.0.0.1:${port}/v1: no answer within 150 ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
