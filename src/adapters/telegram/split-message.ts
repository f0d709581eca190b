/**
 * Telegram rejects messages over 4,096 characters. Messages are built from whole blocks (a paragraph,
 * a citation) that are packed greedily, so a split never falls inside a tag, an entity or a citation.
 * Every block carries its HTML and a plain-text twin, so the plain-text fallback splits the same way.
 */
import { escapeHtml } from "./html.js";

export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** One message (or one block of a message) in both renderings. */
export interface MessagePart {
  html: string;
  text: string;
}

export interface PackOptions {
  limit?: number;
  /** Put between blocks of one message; defaults to a blank line (a paragraph break). */
  separator?: string;
}

/** A block of plain text, escaped for HTML. */
export function plainBlock(text: string): MessagePart {
  return { html: escapeHtml(text), text };
}

/** Packs whole blocks into as few messages as fit in `limit` (measured on the HTML, which is never shorter). */
export function packBlocks(blocks: readonly MessagePart[], options: PackOptions = {}): MessagePart[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT;
  const sep = options.separator ?? "\n\n";
  const out: MessagePart[] = [];
  let current: MessagePart | null = null;
  for (const block of blocks.flatMap((b) => fitBlock(b, limit))) {
    if (current !== null && current.html.length + sep.length + block.html.length <= limit) {
      current = { html: current.html + sep + block.html, text: current.text + sep + block.text };
      continue;
    }
    if (current !== null) out.push(current);
    current = block;
  }
  if (current !== null) out.push(current);
  return out;
}

/** Safety net for a block the formatter could not bound: re-split its plain text (losing only markup). */
function fitBlock(block: MessagePart, limit: number): MessagePart[] {
  if (block.html.length <= limit) return [block];
  return splitPlainText(block.text, limit).map(plainBlock);
}

const LEVELS: { split: RegExp; join: string }[] = [
  { split: /\n[ \t]*\n\s*/, join: "\n\n" },
  { split: /\n/, join: "\n" },
  { split: /(?<=[.!?…]["'»”’)\]]*)\s+/, join: " " },
  { split: /\s+/, join: " " },
];

const escapedLength = (s: string): number => escapeHtml(s).length;

/**
 * Splits plain text into pieces whose escaped HTML fits `limit`, preferring paragraph, then line,
 * sentence and word boundaries; only a single over-long "word" is cut between characters.
 */
export function splitPlainText(text: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  return splitAt(text.trim(), 0, limit);
}

function splitAt(text: string, level: number, limit: number): string[] {
  if (text === "") return [];
  if (escapedLength(text) <= limit) return [text];
  const rule = LEVELS[level];
  if (rule === undefined) return hardSplit(text, limit);
  const pieces = text.split(rule.split).map((p) => p.trim()).filter((p) => p !== "");
  if (pieces.length <= 1) return splitAt(text, level + 1, limit);
  const out: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const candidate = current === "" ? piece : current + rule.join + piece;
    if (escapedLength(candidate) <= limit) {
      current = candidate;
      continue;
    }
    if (current !== "") out.push(current);
    current = "";
    if (escapedLength(piece) <= limit) current = piece;
    else out.push(...splitAt(piece, level + 1, limit));
  }
  if (current !== "") out.push(current);
  return out;
}

function hardSplit(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of text) {
    const n = escapedLength(ch);
    if (size + n > limit && current !== "") {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  if (current !== "") out.push(current);
  return out;
}
