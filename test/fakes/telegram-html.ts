/**
 * A strict parser for Telegram's HTML parse mode, used by the fake Bot API server so a formatter bug
 * (an unescaped `<` or `&`, an unclosed tag) fails the way real Telegram fails: 400 "can't parse
 * entities". Returns the text a user would see and the links.
 */
const ALLOWED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
  "a", "code", "pre", "blockquote", "tg-emoji",
]);

export type ParsedHtml = { ok: true; text: string; links: { text: string; href: string }[] } | { ok: false; error: string };

function decodeEntity(entity: string): string | null {
  const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
  if (entity in named) return named[entity] ?? null;
  const m = /^#(x[0-9a-f]+|\d+)$/i.exec(entity);
  if (m === null || m[1] === undefined) return null;
  const code = m[1].startsWith("x") || m[1].startsWith("X") ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
  return String.fromCodePoint(code);
}

function decodeAll(raw: string): string | null {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === "<" || ch === ">") return null;
    if (ch !== "&") {
      out += ch;
      continue;
    }
    const end = raw.indexOf(";", i);
    const decoded = end === -1 ? null : decodeEntity(raw.slice(i + 1, end));
    if (decoded === null) return null;
    out += decoded;
    i = end;
  }
  return out;
}

/** Parses like Telegram does, rejecting anything Telegram would reject. */
export function parseTelegramHtml(html: string): ParsedHtml {
  const stack: { tag: string; start: number; href?: string }[] = [];
  const links: { text: string; href: string }[] = [];
  let text = "";
  let i = 0;
  const fail = (why: string): ParsedHtml => ({ ok: false, error: `Bad Request: can't parse entities: ${why} at byte offset ${i}` });
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === "<") {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/i.exec(html.slice(i));
      if (m === null) return fail("Unsupported start tag");
      const [whole, closing, rawTag = "", attrs = ""] = m;
      const tag = rawTag.toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) return fail(`Unsupported start tag "${tag}"`);
      if (closing === "/") {
        const open = stack.pop();
        if (open === undefined || open.tag !== tag) return fail(`Unmatched end tag "${tag}"`);
        if (open.href !== undefined) links.push({ text: text.slice(open.start), href: open.href });
      } else {
        const hrefRaw = /href="([^"]*)"/.exec(attrs)?.[1];
        const href = hrefRaw === undefined ? undefined : decodeAll(hrefRaw);
        if (href === null) return fail("Bad attribute value");
        stack.push({ tag, start: text.length, ...(href === undefined ? {} : { href }) });
      }
      i += whole.length;
      continue;
    }
    if (ch === ">") return fail("Unexpected >");
    if (ch === "&") {
      const end = html.indexOf(";", i);
      const decoded = end === -1 || end - i > 10 ? null : decodeEntity(html.slice(i + 1, end));
      if (decoded === null) return fail("Unsupported HTML entity");
      text += decoded;
      i = end + 1;
      continue;
    }
    text += ch;
    i++;
  }
  if (stack.length > 0) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]?.tag}"`);
  return { ok: true, text, links };
}
