/**
 * Word wrapping with hanging indents for the terminal. Answers and quotes are long sentences; a
 * terminal that wraps them itself breaks words and puts continuation lines in column 0, so a quote
 * no longer reads as belonging to its `[n]`. This wraps at spaces only (a word is cut only when it
 * alone is longer than the line) and starts continuation lines under the text, not the number.
 */

export interface WrapOptions {
  /** Columns available per line, prefix included. */
  width: number;
  /** Put before the first line, e.g. `"    [1] "`. */
  prefix?: string;
  /** Put before every further line; defaults to spaces as wide as `prefix` (a hanging indent). */
  indent?: string;
  /**
   * Cut a word longer than the line into line-sized pieces (default). With false it stays whole
   * and overflows: a URL cut in two is no longer clickable or copyable.
   */
  breakLongWords?: boolean;
}

/** Zero-width: combining marks (they belong to the previous character) and format characters (ZWJ, soft hyphen, bidi marks). */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
/** East Asian wide and fullwidth characters and emoji shown as pictures: two columns in a terminal. */
const DOUBLE_WIDTH =
  /^(?:[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]|\p{Emoji_Presentation})$/u;

/**
 * Columns one code point takes: 0 for combining marks and format characters, 2 for East Asian
 * wide/fullwidth characters and emoji, else 1. An approximation of `wcwidth` measured per code
 * point, not per grapheme: a ZWJ emoji sequence or a flag counts as the sum of its parts, and
 * "ambiguous" East Asian characters count 1. Good enough to keep lines of news text inside the
 * terminal; at worst a line with such sequences is a little shorter than it could be.
 */
export function codePointWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return DOUBLE_WIDTH.test(char) ? 2 : 1;
}

/** Columns a string takes (see `codePointWidth`). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char);
  return width;
}

/**
 * Wraps `text` to `width` columns. Runs of whitespace become single spaces; a line break in the
 * text starts a new line (with the indent). Returns the lines without trailing spaces.
 */
export function wrapText(text: string, options: WrapOptions): string[] {
  const prefix = options.prefix ?? "";
  const indent = options.indent ?? " ".repeat(displayWidth(prefix));
  const wrapper = new LineWrapper(options.width, prefix, indent, options.breakLongWords ?? true);
  text.split("\n").forEach((line, i) => {
    if (i > 0) wrapper.newLine();
    for (const word of line.split(/\s+/)) if (word !== "") wrapper.add(word);
  });
  return wrapper.finish();
}

/** Greedy line filling: the state of one `wrapText` call. */
class LineWrapper {
  private readonly lines: string[] = [];
  private current = "";
  private used = 0;

  constructor(
    private readonly width: number,
    private readonly prefix: string,
    private readonly indent: string,
    private readonly breakLongWords: boolean,
  ) {}

  /** Columns for text on the line being filled (at least one, so a tiny terminal still progresses). */
  private get room(): number {
    const lead = this.lines.length === 0 ? this.prefix : this.indent;
    return Math.max(1, this.width - displayWidth(lead));
  }

  add(word: string): void {
    const width = displayWidth(word);
    if (this.used > 0 && this.used + 1 + width <= this.room) {
      this.current += ` ${word}`;
      this.used += 1 + width;
      return;
    }
    if (this.used > 0) this.newLine();
    if (width <= this.room || !this.breakLongWords) {
      this.current = word;
      this.used = width;
      return;
    }
    this.addPieces(word);
  }

  /** A word longer than the line: fill lines with it code point by code point (marks stay with their letter). */
  private addPieces(word: string): void {
    for (const char of word) {
      const width = codePointWidth(char);
      if (this.used > 0 && this.used + width > this.room) this.newLine();
      this.current += char;
      this.used += width;
    }
  }

  newLine(): void {
    const lead = this.lines.length === 0 ? this.prefix : this.indent;
    this.lines.push(`${lead}${this.current}`.trimEnd());
    this.current = "";
    this.used = 0;
  }

  finish(): string[] {
    this.newLine();
    return this.lines;
  }
}
