/**
 * The terminal chat, the default front end when no bot token is configured: a prompt on a TTY,
 * one question per line, `/help`, `/sources`, and exit at end of input. Errors become a one-line
 * message; the loop never dies on a bad question.
 */
import readline from "node:readline";
import { userMessageOf } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import type { AnswerService } from "../../core/types.js";
import { formatAnswerText, formatSourcesText, formatWelcomeText } from "./format-answer.js";

export interface TerminalChatOptions {
  service: AnswerService;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  logger: Logger;
  /** Show the prompt and welcome (defaults to whether input is a TTY). */
  interactive?: boolean;
}

const HELP = [
  "Type a question and press Enter. Answers quote the articles, with numbered sources below them.",
  "  /sources  list the indexed articles",
  "  /help     this help",
  "  /quit     leave (or press Ctrl+D)",
].join("\n");

/** Runs until end of input or /quit. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = readline.createInterface({ input, output, terminal: interactive, prompt: "? " });
  const write = (text: string) => output.write(`${text}\n`);
  const conversationId = `terminal:${process.pid}`;
  if (interactive) {
    write(formatWelcomeText(options.service.corpus()));
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "") {
      if (interactive) rl.prompt();
      continue;
    }
    if (line === "/quit" || line === "/exit") break;
    if (line === "/help") write(HELP);
    else if (line === "/sources") write(formatSourcesText(options.service.corpus()));
    else if (line.startsWith("/")) write(`Unknown command ${line.split(/\s/)[0] ?? ""}. ${HELP.split("\n")[0] ?? ""} Type /help for commands.`);
    else {
      try {
        write(formatAnswerText(await options.service.ask(line, { conversationId })));
      } catch (error) {
        options.logger.error("answering failed", { error });
        write(userMessageOf(error));
      }
    }
    write("");
    if (interactive) rl.prompt();
  }
  rl.close();
}
