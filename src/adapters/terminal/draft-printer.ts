/**
 * Prints a language model's draft in the terminal while it is written, then erases it so the
 * checked answer (which may differ, or be a refusal) is all that stays on screen. Each draft adds
 * only its new suffix; the rows the draft takes are counted as the terminal wraps them, so erasing
 * goes back exactly that far. Only for a terminal: piped or redirected output never gets drafts.
 *
 * It is also a `PromptLine`: a log line written while a draft is on screen erases the draft, and
 * the draft is printed again under it, so the row count stays right.
 */
import readline from "node:readline";
import type { PromptLine } from "./prompt-safe-logger.js";
import { codePointWidth } from "./wrap-text.js";

export interface DraftPrinterOptions {
  output: NodeJS.WritableStream;
  /** The terminal's columns (read at each draft, so resizing between answers works). */
  columns: () => number;
  /** The terminal's rows: a draft taller than the screen stops growing, since rows scrolled away cannot be erased. */
  rows?: () => number;
}

/** Control characters (escapes, carriage returns, tabs) would move the cursor behind our count. */
const CONTROL = /[^\P{Cc}\n]/gu;

export class DraftPrinter implements PromptLine {
  private printed = "";
  private frozen = false;

  constructor(private readonly options: DraftPrinterOptions) {}

  /** True while a draft is on screen. */
  get waiting(): boolean {
    return this.printed !== "";
  }

  /** Shows the whole draft so far: prints what is new, or reprints when earlier text changed. */
  show(draft: string): void {
    const text = draft.replace(CONTROL, " ").trimStart();
    if (this.frozen || text === this.printed) return;
    const maxRows = Math.max(1, (this.options.rows?.() ?? 24) - 1);
    if (rowsOf(text, this.options.columns()) > maxRows) {
      this.frozen = true;
      return;
    }
    if (!text.startsWith(this.printed)) {
      this.clear();
      this.printed = "";
    }
    this.options.output.write(text.slice(this.printed.length));
    this.printed = text;
  }

  /** Erases the draft and forgets it; the next answer starts afresh. */
  end(): void {
    this.clear();
    this.printed = "";
    this.frozen = false;
  }

  /** Erases the draft from the screen, keeping it for `redraw`. */
  clear(): void {
    if (this.printed === "") return;
    const up = rowsOf(this.printed, this.options.columns()) - 1;
    if (up > 0) readline.moveCursor(this.options.output, 0, -up);
    readline.cursorTo(this.options.output, 0);
    readline.clearScreenDown(this.options.output);
  }

  /** Prints the draft again (after a log line). */
  redraw(): void {
    if (this.printed !== "") this.options.output.write(this.printed);
  }
}

/**
 * Rows `text` takes when printed from column 0 of a terminal `columns` wide. A line exactly as wide
 * as the terminal leaves the cursor on its last column (the wrap happens with the next character).
 */
export function rowsOf(text: string, columns: number): number {
  let rows = 1;
  let column = 0;
  for (const char of text) {
    if (char === "\n") {
      rows += 1;
      column = 0;
      continue;
    }
    const width = codePointWidth(char);
    if (column + width > columns) {
      rows += 1;
      column = 0;
    }
    column += width;
  }
  return rows;
}
