/**
 * Log lines written while the chat waits at its `? ` prompt (a hot reload's "index reloaded") must
 * not break it: the prompt and the input typed so far are drawn again after the log line.
 */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { PromptSafeLogger, type PromptLine } from "../../../src/adapters/terminal/prompt-safe-logger.js";
import { runTerminalChat } from "../../../src/adapters/terminal/terminal-chat.js";
import type { Logger } from "../../../src/core/logger.js";
import type { AnswerService, AskContext, CorpusInfo } from "../../../src/core/types.js";
import { groupedAnswer } from "../../fakes/grouped-answer.js";

/** Everything written to the terminal, stdout and stderr interleaved as a user would see it. */
class Screen extends Writable {
  readonly chunks: string[] = [];
  readonly isTTY = true;
  columns = 60;

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }

  get text(): string {
    return this.chunks.join("");
  }
}

/** A logger that writes to the same screen, as stderr does on a terminal. */
function screenLogger(screen: Screen): Logger {
  const line = (level: string) => (message: string) => screen.chunks.push(`<${level} ${message}>\n`);
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}

const CORPUS: CorpusInfo = { articles: [], dateRange: null, sources: ["AZERTAC"], builtAt: null };

class FakeService implements AnswerService {
  readonly questions: string[] = [];
  onAsk: () => void = () => undefined;
  async ask(question: string, _context?: AskContext) {
    this.questions.push(question);
    this.onAsk();
    return groupedAnswer({ question });
  }
  corpus(): CorpusInfo {
    return CORPUS;
  }
}

/** The cursor moves readline writes: one row up, to column 1, erase to the end of the screen. */
const UP = "\u001b[1A";
const LINE_START = "\u001b[1G";
const CLEAR_DOWN = "\u001b[0J";

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("PromptSafeLogger", () => {
  it("forwards lines unchanged until a prompt is attached, and again after it is detached", () => {
    const calls: string[] = [];
    const inner: Logger = { debug: (m) => calls.push(`debug ${m}`), info: (m, f) => calls.push(`info ${m} ${JSON.stringify(f)}`), warn: (m) => calls.push(`warn ${m}`), error: (m) => calls.push(`error ${m}`) };
    const prompt: PromptLine & { waiting: boolean } = { waiting: true, clear: () => calls.push("clear"), redraw: () => calls.push("redraw") };
    const logger = new PromptSafeLogger(inner);
    logger.info("before", { a: 1 });
    const detach = logger.attach(prompt);
    logger.warn("while waiting");
    prompt.waiting = false;
    logger.error("while answering");
    detach();
    prompt.waiting = true;
    logger.debug("after");
    expect(calls).toEqual(['info before {"a":1}', "clear", "warn while waiting", "redraw", "error while answering", "debug after"]);
  });

  it("redraws the prompt even when the inner logger throws", () => {
    const calls: string[] = [];
    const failing: Logger = { debug: () => undefined, info: () => { throw new Error("stderr closed"); }, warn: () => undefined, error: () => undefined };
    const logger = new PromptSafeLogger(failing);
    logger.attach({ waiting: true, clear: () => calls.push("clear"), redraw: () => calls.push("redraw") });
    expect(() => logger.info("x")).toThrow("stderr closed");
    expect(calls).toEqual(["clear", "redraw"]);
  });
});

describe("terminal chat with a PromptSafeLogger", () => {
  it("a log line during the prompt is written on its own line and the prompt with the typed input is redrawn", async () => {
    const input = new PassThrough();
    const screen = new Screen();
    const logger = new PromptSafeLogger(screenLogger(screen));
    const service = new FakeService();
    const chat = runTerminalChat({ service, logger, input, output: screen, interactive: true });
    await tick();
    input.write("Who ch");
    await tick();
    const before = screen.chunks.length;
    logger.info("index reloaded");
    const after = screen.chunks.slice(before).join("");
    // Cleared: back to column 0 and erase to the end of the screen, then the log line, then the prompt again.
    expect(after.startsWith(`${LINE_START}${CLEAR_DOWN}<info index reloaded>\n${LINE_START}${CLEAR_DOWN}? Who ch`)).toBe(true);
    // The typed input survived: finishing the line asks the whole question.
    input.write("airs?\n");
    await tick();
    expect(service.questions).toEqual(["Who chairs?"]);
    input.end();
    await chat;
  });

  it("input wider than the terminal is cleared from its first row and redrawn below the log line", async () => {
    const input = new PassThrough();
    const screen = new Screen();
    screen.columns = 20;
    const logger = new PromptSafeLogger(screenLogger(screen));
    const service = new FakeService();
    const chat = runTerminalChat({ service, logger, input, output: screen, interactive: true });
    await tick();
    input.write("who chairs the federation"); // "? " + 25 characters: two rows
    input.write("\x1b[DX"); // an edit in the middle makes readline redraw with the cursor on the second row
    await tick();
    const before = screen.chunks.length;
    logger.info("index reloaded");
    const after = screen.chunks.slice(before).join("");
    // Up to the prompt's first row and clear; log; step down the row readline will go up; redraw.
    expect(after.startsWith(`${UP}${LINE_START}${CLEAR_DOWN}<info index reloaded>\n\n${UP}${LINE_START}${CLEAR_DOWN}? who chairs the federatioXn`)).toBe(true);
    input.end("\n");
    await chat;
    expect(service.questions).toEqual(["who chairs the federatioXn"]);
  });

  it("a log line while an answer is being written does not draw a prompt in the middle of it", async () => {
    const input = new PassThrough();
    const screen = new Screen();
    const logger = new PromptSafeLogger(screenLogger(screen));
    const service = new FakeService();
    service.onAsk = () => logger.info("index reloaded");
    const chat = runTerminalChat({ service, logger, input, output: screen, interactive: true });
    await tick();
    input.write("Who chairs?\n");
    await tick();
    input.end();
    await chat;
    const text = screen.text;
    const log = text.indexOf("<info index reloaded>\n");
    expect(log).toBeGreaterThan(0);
    expect(text.slice(log - 2, log)).not.toBe("? ");
    expect(text.indexOf("Iran [1] [3] and Kyrgyzstan [2].")).toBeGreaterThan(log);
    expect(text.slice(log).match(/\? /g)).toHaveLength(1); // only the next prompt, after the answer
  });

  it("wraps answers to the terminal's width", async () => {
    const input = new PassThrough();
    const screen = new Screen();
    screen.columns = 44;
    const chat = runTerminalChat({ service: new FakeService(), logger: screenLogger(screen), input, output: screen, interactive: false });
    input.end("Who chairs?\n");
    await chat;
    const lines = screen.text.split("\n").filter((l) => !/https:\/\/|\.md$/.test(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(44);
    expect(screen.text).toContain("    [1] “Sahil Babayev called for expanding\n        cooperation");
  });
});
