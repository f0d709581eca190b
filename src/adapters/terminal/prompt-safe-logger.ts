/**
 * Keeps log lines from breaking the chat's `? ` prompt. The service logs on its own schedule (a hot
 * reload prints "index reloaded" whenever `npm run reindex` finishes); written while the chat waits
 * for input, such a line would land after the prompt and leave the user typing on a line that no
 * longer shows it. This logger erases the prompt line, writes the log line, and draws the prompt
 * again with whatever the user had typed.
 *
 * It exists before the chat does (the service is created first, with its logger), so until the
 * chat attaches its prompt it simply forwards every line.
 */
import type { Logger } from "../../core/logger.js";

/** The part of an on-screen prompt the logger needs. */
export interface PromptLine {
  /** True while the prompt is shown and waits for input (not while an answer is being written). */
  readonly waiting: boolean;
  /** Erases the prompt and the input typed so far, leaving the cursor at the start of the line. */
  clear(): void;
  /** Draws the prompt again with the typed input, cursor where it was. */
  redraw(): void;
}

type Level = keyof Logger;

export class PromptSafeLogger implements Logger {
  private prompt: PromptLine | null = null;

  /** `inner` writes the lines (to stderr, which shares the terminal with the prompt on stdout). */
  constructor(private readonly inner: Logger) {}

  /** From now on, lines logged while `prompt` waits redraw it. Returns the function that undoes this. */
  attach(prompt: PromptLine): () => void {
    this.prompt = prompt;
    return () => {
      if (this.prompt === prompt) this.prompt = null;
    };
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write("debug", message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.write("info", message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.write("warn", message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.write("error", message, fields);
  }

  private write(level: Level, message: string, fields: Record<string, unknown> | undefined): void {
    const prompt = this.prompt;
    if (prompt === null || !prompt.waiting) {
      this.inner[level](message, fields);
      return;
    }
    prompt.clear();
    try {
      this.inner[level](message, fields);
    } finally {
      prompt.redraw();
    }
  }
}
