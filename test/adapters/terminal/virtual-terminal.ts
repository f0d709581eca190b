/**
 * A terminal screen for tests: a writable that keeps every chunk and also plays it like a terminal
 * does — printable characters with line wrapping (a full line wraps only at the next character),
 * line feeds, and the cursor moves readline writes (CSI A/B/C/D/G, erase to end of screen/line) —
 * so a test can read what is left on screen once drafts were printed and erased.
 */
import { Writable } from "node:stream";

export class VirtualTerminal extends Writable {
  readonly chunks: string[] = [];
  readonly isTTY = true;
  rows = 40;
  private lines: string[][] = [[]];
  private row = 0;
  private col = 0;

  constructor(public columns = 60) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    const text = chunk.toString();
    this.chunks.push(text);
    this.play(text);
    callback();
  }

  /** Everything written, escapes included. */
  get text(): string {
    return this.chunks.join("");
  }

  /** The screen's lines as shown now, trailing spaces removed. */
  get screen(): string[] {
    return this.lines.map((l) => l.join("").trimEnd());
  }

  private line(): string[] {
    while (this.lines.length <= this.row) this.lines.push([]);
    return this.lines[this.row]!;
  }

  private play(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === "\u001b" && text[i + 1] === "[") {
        const m = /^.\[(\d*)([A-Za-z])/.exec(text.slice(i)); // ESC [ n letter
        if (m === null) continue;
        this.csi(Number(m[1] || "0"), m[2]!);
        i += m[0].length - 1;
      } else if (ch === "\n") {
        this.row += 1;
        this.col = 0;
        this.line();
      } else if (ch === "\r") {
        this.col = 0;
      } else {
        if (this.col >= this.columns) {
          this.row += 1;
          this.col = 0;
        }
        const line = this.line();
        while (line.length < this.col) line.push(" ");
        line[this.col] = ch;
        this.col += 1;
      }
    }
  }

  private csi(n: number, command: string): void {
    const count = Math.max(1, n);
    if (command === "A") this.row = Math.max(0, this.row - count);
    else if (command === "B") this.row += count;
    else if (command === "C") this.col = Math.min(this.columns - 1, this.col + count);
    else if (command === "D") this.col = Math.max(0, this.col - count);
    else if (command === "G") this.col = count - 1;
    else if (command === "J") {
      this.line().length = Math.min(this.line().length, this.col);
      this.lines.length = this.row + 1;
    } else if (command === "K") {
      const line = this.line();
      if (n === 2) line.length = 0;
      else line.length = Math.min(line.length, this.col);
    }
    this.line();
  }
}
