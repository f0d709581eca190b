/**
 * A language model's draft in the terminal chat: on a terminal it is printed as it grows (only the
 * new text each time) and erased for the checked answer, so the screen ends exactly as it would
 * without drafts; piped output never gets a draft at all.
 */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../../src/adapters/terminal/draft-printer.js";
import { formatAnswerText } from "../../../src/adapters/terminal/format-answer.js";
import { PromptSafeLogger } from "../../../src/adapters/terminal/prompt-safe-logger.js";
import { runTerminalChat } from "../../../src/adapters/terminal/terminal-chat.js";
import type { Logger } from "../../../src/core/logger.js";
import type { Answer, AnswerService, AskContext, CorpusInfo } from "../../../src/core/types.js";
import { groupedAnswer, notCoveredAnswer } from "../../fakes/grouped-answer.js";
import { emitDrafts } from "../drafting.js";
import { VirtualTerminal } from "./virtual-terminal.js";

const CORPUS: CorpusInfo = { articles: [], dateRange: null, sources: ["AZERTAC"], builtAt: null };
const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Streams `drafts` 5 ms apart, then answers; `onDraft` lets a test act in the middle. */
class DraftingService implements AnswerService {
  readonly contexts: (AskContext | undefined)[] = [];
  constructor(
    private readonly drafts: string[],
    private readonly answer: (question: string) => Answer = (question) => groupedAnswer({ question }),
    private readonly during: (i: number) => void = () => undefined,
  ) {}

  async ask(question: string, context?: AskContext): Promise<Answer> {
    this.contexts.push(context);
    const onDraft = context?.onDraft;
    const spy = onDraft === undefined ? context : { ...context, onDraft: (d: string) => (onDraft(d), this.during(this.drafts.indexOf(d))) };
    await emitDrafts(spy, { drafts: this.drafts, everyMs: 5 });
    return this.answer(question);
  }

  corpus(): CorpusInfo {
    return CORPUS;
  }
}

const DRAFTS = [
  "Iran",
  "Iran and Kyrgyzstan [2], and",
  "Iran and Kyrgyzstan [2], and also Turkey, whose unions signed a memorandum in 2019\nand more",
];

/** The screen after `text` is printed on a fresh terminal `columns` wide. */
function screenOf(text: string, columns: number): string[] {
  const t = new VirtualTerminal(columns);
  t.write(text);
  return t.screen;
}

describe("terminal drafts", () => {
  it("on a terminal prints each draft's new text, then leaves only the checked answer on screen", async () => {
    const screen = new VirtualTerminal(30);
    const input = new PassThrough();
    const chat = runTerminalChat({ service: new DraftingService(DRAFTS), logger: silent, input, output: screen, interactive: false });
    input.end("Which unions?\n");
    await chat;
    const drafts = screen.chunks.slice(0, 3);
    expect(drafts).toEqual(["Iran", " and Kyrgyzstan [2], and", " also Turkey, whose unions signed a memorandum in 2019\nand more"]);
    // Three rows of the 30-column terminal, then "and more": up three rows, column 1, erase down.
    expect(rowsOf(DRAFTS[2]!, 30)).toBe(4);
    expect(screen.chunks.slice(3, 6).join("")).toBe("\u001b[3A\u001b[1G\u001b[0J");
    const answer = formatAnswerText(groupedAnswer({ question: "Which unions?" }), { width: 30 });
    expect(screen.screen).toEqual(screenOf(`${answer}\n\n`, 30));
    expect(screen.screen.join("\n")).not.toContain("Turkey");
  });

  it("a refusal replaces the draft, and a draft that changes earlier text is reprinted", async () => {
    const screen = new VirtualTerminal(40);
    const input = new PassThrough();
    const service = new DraftingService(["The minimum wage is", "A minimum wage of 200 dollars"], () => notCoveredAnswer());
    const chat = runTerminalChat({ service, logger: silent, input, output: screen, interactive: false });
    input.end("What is the minimum wage?\n");
    await chat;
    expect(screen.text).toContain("The minimum wage is\u001b[1G\u001b[0JA minimum wage of 200 dollars");
    expect(screen.screen).toEqual(screenOf("The indexed articles don't cover that.\n\n", 40));
  });

  it("a draft exactly as wide as the terminal takes one row", () => {
    expect(rowsOf("x".repeat(30), 30)).toBe(1);
    expect(rowsOf("x".repeat(31), 30)).toBe(2);
    expect(rowsOf(`${"x".repeat(30)}\ny`, 30)).toBe(2);
    expect(rowsOf("", 30)).toBe(1);
  });

  it("a log line during a draft is printed above it, and the draft still leaves no trace", async () => {
    const screen = new VirtualTerminal(30);
    const logger = new PromptSafeLogger({ ...silent, info: (m) => void screen.write(`<${m}>\n`) });
    const input = new PassThrough();
    const service = new DraftingService(DRAFTS, undefined, (i) => {
      if (i === 1) logger.info("index reloaded");
    });
    const chat = runTerminalChat({ service, logger, input, output: screen, interactive: false });
    input.end("Which unions?\n");
    await chat;
    const answer = formatAnswerText(groupedAnswer({ question: "Which unions?" }), { width: 30 });
    expect(screen.screen).toEqual(screenOf(`<index reloaded>\n${answer}\n\n`, 30));
  });

  it("interactive: drafts between the prompt and the answer, and the screen ends as without them", async () => {
    const run = async (drafts: string[]) => {
      const screen = new VirtualTerminal(50);
      const input = new PassThrough();
      const chat = runTerminalChat({ service: new DraftingService(drafts), logger: silent, input, output: screen, interactive: true });
      await new Promise((resolve) => setTimeout(resolve, 10));
      input.write("Which unions?\n");
      await new Promise((resolve) => setTimeout(resolve, 100));
      input.end();
      await chat;
      return screen;
    };
    const withDrafts = await run(DRAFTS);
    const without = await run([]);
    expect(withDrafts.text).toContain("Iran and Kyrgyzstan [2], and also Turkey");
    expect(withDrafts.screen).toEqual(without.screen);
  });

  it("not a terminal: no drafts are asked for or printed, only the answer", async () => {
    const chunks: string[] = [];
    const pipe = new Writable({ write: (chunk, _e, cb) => (chunks.push(String(chunk)), cb()) });
    const service = new DraftingService(DRAFTS);
    const input = new PassThrough();
    const chat = runTerminalChat({ service, logger: silent, input, output: pipe });
    input.end("Which unions?\n");
    await chat;
    expect(service.contexts[0]?.onDraft).toBeUndefined();
    // What the question log records about where the question came from.
    expect(service.contexts[0]).toMatchObject({ platform: "terminal", chat: "private" });
    expect(chunks.join("")).toBe(`${formatAnswerText(groupedAnswer({ question: "Which unions?" }))}\n\n`);
  });
});
