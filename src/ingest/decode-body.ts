/**
 * Bytes of a fetched page or feed as text, in the encoding the server or the document declares:
 * many news sites (and their feeds) still serve windows-1251, ISO-8859-x or Shift_JIS, and
 * decoding those as UTF-8 would turn every quote into mojibake.
 */

/** How far into the body an encoding declaration is looked for (HTML requires it in the first 1024 bytes). */
const SNIFF_BYTES = 2048;

function charsetOfContentType(contentType: string | null): string | null {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "");
  return m?.[1] ?? null;
}

function declaredCharset(head: string): string | null {
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  return meta?.[1] ?? null;
}

function decoderFor(label: string | null): InstanceType<typeof TextDecoder> | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null; // an unknown label: fall back to UTF-8
  }
}

/** Decodes a body: a byte-order mark wins, then the Content-Type charset, then the document's own declaration, then UTF-8. */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  if (bom) return new TextDecoder("utf-8").decode(body);
  const head = new TextDecoder("latin1").decode(body.subarray(0, SNIFF_BYTES));
  const decoder = decoderFor(charsetOfContentType(contentType)) ?? decoderFor(declaredCharset(head)) ?? new TextDecoder("utf-8");
  return decoder.decode(body);
}
