/**
 * The chat's prompt on a readline interface, as a `PromptLine`: it knows whether the prompt is on
 * screen (shown and not yet answered) so a log line redraws it only then — never in the middle
 * of an answer being written.
 */
import readline from "node:readline";
import type { PromptLine } from "./prompt-safe-logger.js";

export class ReadlinePrompt implements PromptLine {
  private shown = false;

  constructor(
    private readonly rl: readline.Interface,
    private readonly output: NodeJS.WritableStream,
  ) {
    // The line event fires as soon as Enter is pressed, before the chat loop takes the line.
    rl.on("line", () => this.hide());
    rl.on("close", () => this.hide());
  }

  get waiting(): boolean {
    return this.shown;
  }

  /** Shows the prompt, waiting for the next line. */
  show(): void {
    this.shown = true;
    this.rl.prompt();
  }

  /** The prompt was answered (or the chat is busy): log lines no longer redraw it. */
  hide(): void {
    this.shown = false;
  }

  clear(): void {
    // Input longer than the terminal is wide spans several rows: go up to the prompt's first row.
    const { rows } = this.rl.getCursorPos();
    if (rows > 0) readline.moveCursor(this.output, 0, -rows);
    readline.cursorTo(this.output, 0);
    readline.clearScreenDown(this.output);
  }

  redraw(): void {
    // readline redraws from the row it last drew the cursor on (its undocumented `prevRows`, > 0
    // when the input wraps): it moves up that many rows first. The prompt now starts on the row
    // after the log line, so step down as many rows, or the redraw would erase the log line.
    const rows = (this.rl as unknown as { prevRows?: unknown }).prevRows;
    if (typeof rows === "number" && rows > 0) this.output.write("\n".repeat(rows));
    this.rl.prompt(true);
  }
}
