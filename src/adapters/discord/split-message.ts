/**
 * Packs formatted blocks into Discord messages of at most 2,000 characters. Blocks (a paragraph
 * of the answer, one citation with its quote) are kept whole whenever they fit, so a citation is
 * never cut in half; only an oversized paragraph is split, at a line or sentence end when possible
 * and never inside a `[n]` marker or a Markdown escape.
 */

/** Discord's limit for `content`. */
export const DISCORD_MESSAGE_LIMIT = 2000;

/** A piece of a message and the separator that goes before it when it follows another block. */
export interface MessageBlock {
  text: string;
  /** Defaults to a blank line. */
  separator?: string;
}

/** Greedily fills messages with whole blocks; a block too big for any message is split first. */
export function packBlocks(blocks: readonly MessageBlock[], max = DISCORD_MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks) {
    if (block.text.length === 0) continue;
    const separator = block.separator ?? "\n\n";
    if (current !== "" && current.length + separator.length + block.text.length <= max) {
      current += separator + block.text;
      continue;
    }
    if (current !== "") messages.push(current);
    const pieces = splitText(block.text, max);
    current = pieces.pop() ?? "";
    messages.push(...pieces);
  }
  if (current !== "") messages.push(current);
  return messages;
}

/** Splits text longer than `max` into pieces, preferring line ends, then sentence ends, then spaces. */
export function splitText(text: string, max = DISCORD_MESSAGE_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    pieces.push(head);
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** Index to cut `text` at so that the head fits in `max` characters. */
function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const minimum = Math.floor(max / 2);
  const tiers: RegExp[] = [
    /\n/g, // line breaks
    /(?<=[.!?…]["”’)]?(?:\s*\[\d{1,3}\])*[.!?]?)\s(?!\[\d{1,3}\])/g, // sentence ends, markers included
    /\s(?!\[\d{1,3}\])/g, // any space not in front of a citation marker
  ];
  for (const tier of tiers) {
    let best = -1;
    for (const match of window.matchAll(tier)) {
      if (match.index > max) break;
      if (match.index >= minimum) best = match.index;
    }
    if (best > 0) return best;
  }
  // One unbroken run of text: hard cut, but never between a backslash and the character it escapes.
  let cut = max;
  const marker = /\[\d{0,3}$/.exec(text.slice(Math.max(0, cut - 4), cut));
  if (marker !== null && /^\d{0,3}\]/.test(text.slice(cut))) cut -= marker[0].length;
  while (cut > 1 && isEscapingBackslash(text, cut - 1)) cut -= 1;
  return cut;
}

/** True when the character at `index` is a backslash that escapes the next one. */
function isEscapingBackslash(text: string, index: number): boolean {
  let count = 0;
  for (let i = index; i >= 0 && text[i] === "\\"; i -= 1) count += 1;
  return count % 2 === 1;
}
