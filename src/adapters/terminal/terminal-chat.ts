/**
 * The terminal chat, the default front end when no bot token is configured: a prompt on a TTY,
 * one question per line, `/help`, `/sources`, and exit at end of input. Errors become a one-line
 * message; the loop never dies on a bad question. Output is wrapped to the terminal's width. On a
 * terminal a language model's draft is shown as it is written and replaced by the checked answer.
 */
import readline from "node:readline";
import { userMessageOf } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import type { AnswerService } from "../../core/types.js";
import { DraftPrinter } from "./draft-printer.js";
import { DEFAULT_WIDTH, formatAnswerText, formatSourcesText, formatWelcomeText } from "./format-answer.js";
import { PromptSafeLogger, type PromptLine } from "./prompt-safe-logger.js";
import { ReadlinePrompt } from "./readline-prompt.js";
import { wrapText } from "./wrap-text.js";

export interface TerminalChatOptions {
  service: AnswerService;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /**
   * For the chat's own errors. When it is a `PromptSafeLogger` (main.ts passes the one the service
   * logs to), lines logged while the prompt waits redraw the prompt and the input typed so far.
   */
  logger: Logger;
  /** Show the prompt and welcome (defaults to whether input is a TTY). */
  interactive?: boolean;
  /**
   * Print a language model's draft while it writes, erased when the checked answer is printed
   * (defaults to whether output is a TTY: pipes and files only ever get the checked answer).
   */
  drafts?: boolean;
}

const HELP = [
  "Type a question and press Enter. Answers quote the articles, with numbered sources below them.",
  "  /sources  list the indexed articles",
  "  /help     this help",
  "  /quit     leave (or press Ctrl+D)",
].join("\n");

/** The terminal's width when output is one (read at each answer, so resizing works), else 80. */
export function outputWidth(output: NodeJS.WritableStream): number {
  const tty = output as { isTTY?: boolean; columns?: number };
  return tty.isTTY === true && typeof tty.columns === "number" && tty.columns > 0 ? tty.columns : DEFAULT_WIDTH;
}

/** Runs until end of input or /quit. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = readline.createInterface({ input, output, terminal: interactive, prompt: "? " });
  const prompt = new ReadlinePrompt(rl, output);
  const width = () => outputWidth(output);
  const showDrafts = options.drafts ?? (output as { isTTY?: boolean }).isTTY === true;
  const draft = new DraftPrinter({ output, columns: width, rows: () => (output as { rows?: number }).rows ?? 24 });
  const detach =
    (interactive || showDrafts) && options.logger instanceof PromptSafeLogger ? options.logger.attach(screenLine(prompt, draft)) : () => undefined;
  const write = (text: string) => output.write(`${text}\n`);
  const conversationId = `terminal:${process.pid}`;
  try {
    if (interactive) {
      write(formatWelcomeText(options.service.corpus(), { width: width() }));
      prompt.show();
    }
    for await (const raw of rl) {
      prompt.hide();
      const line = raw.trim();
      if (line === "") {
        if (interactive) prompt.show();
        continue;
      }
      if (line === "/quit" || line === "/exit") break;
      if (line === "/help") write(HELP);
      else if (line === "/sources") write(formatSourcesText(options.service.corpus(), { width: width() }));
      else if (line.startsWith("/")) write(wrapText(unknownCommand(line), { width: width() }).join("\n"));
      else {
        const asked = { conversationId, platform: "terminal", chat: "private" } as const;
        const context = showDrafts ? { ...asked, onDraft: (text: string) => draft.show(text) } : asked;
        try {
          const answer = await options.service.ask(line, context);
          draft.end();
          write(formatAnswerText(answer, { width: width() }));
        } catch (error) {
          draft.end();
          options.logger.error("answering failed", { error });
          write(userMessageOf(error));
        }
      }
      write("");
      if (interactive) prompt.show();
    }
  } finally {
    detach();
    rl.close();
  }
}

/** What a log line must step around: the prompt while it waits, else a draft on screen. */
function screenLine(prompt: ReadlinePrompt, draft: DraftPrinter): PromptLine {
  const active = (): PromptLine => (prompt.waiting ? prompt : draft);
  return {
    get waiting() {
      return prompt.waiting || draft.waiting;
    },
    clear: () => active().clear(),
    redraw: () => active().redraw(),
  };
}

function unknownCommand(line: string): string {
  return `Unknown command ${line.split(/\s/)[0] ?? ""}. ${HELP.split("\n")[0] ?? ""} Type /help for commands.`;
}
