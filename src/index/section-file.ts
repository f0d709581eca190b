/**
 * A small binary container for index files: a JSON header followed by typed-array sections, each
 * starting on an 8-byte boundary so it can be viewed in place after one file read (no parsing, no
 * copies, nothing on the JS heap). Used for the article store and the BM25 index.
 *
 * ```
 * magic      8 bytes  "DSSECT1\0"
 * headerLen  u32      byte length of the JSON header
 * reserved   u32      0
 * header     JSON     { kind, meta, sections: [{ name, type, offset, length }] }, padded to 8
 * sections   …        little-endian typed arrays at the offsets the header gives
 * ```
 */
import fs from "node:fs";
import type { FileHandle } from "node:fs/promises";

const MAGIC = "DSSECT1\0";
const PREFIX_BYTES = 16;

export type SectionArray = Uint8Array | Int32Array | Uint32Array | Float32Array | Float64Array;
type SectionType = "u8" | "i32" | "u32" | "f32" | "f64";

interface SectionEntry {
  name: string;
  type: SectionType;
  /** Byte offset from the start of the file. */
  offset: number;
  /** Element count. */
  length: number;
}

interface Header {
  kind: string;
  meta: unknown;
  sections: SectionEntry[];
}

const BYTES: Record<SectionType, number> = { u8: 1, i32: 4, u32: 4, f32: 4, f64: 8 };

function typeOf(array: SectionArray): SectionType {
  if (array instanceof Uint8Array) return "u8";
  if (array instanceof Int32Array) return "i32";
  if (array instanceof Uint32Array) return "u32";
  if (array instanceof Float32Array) return "f32";
  return "f64";
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Encodes a section file as a list of byte ranges to write one after the other. */
export function encodeSections(kind: string, meta: unknown, sections: Record<string, SectionArray>): Uint8Array[] {
  const names = Object.keys(sections);
  // The header's own length depends on the offsets it lists: lay out with a generous guess, then fix.
  let headerBytes = 0;
  let header: Header = { kind, meta, sections: [] };
  let json = new Uint8Array();
  for (let attempt = 0; attempt < 3; attempt++) {
    let offset = align8(PREFIX_BYTES + headerBytes);
    header = { kind, meta, sections: [] };
    for (const name of names) {
      const array = sections[name] as SectionArray;
      header.sections.push({ name, type: typeOf(array), offset, length: array.length });
      offset = align8(offset + array.byteLength);
    }
    json = new TextEncoder().encode(JSON.stringify(header));
    if (json.length === headerBytes) break;
    headerBytes = json.length;
  }
  const prefix = new Uint8Array(align8(PREFIX_BYTES + json.length));
  prefix.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(prefix.buffer).setUint32(8, json.length, true);
  prefix.set(json, PREFIX_BYTES);
  const parts: Uint8Array[] = [prefix];
  let at = prefix.length;
  for (const entry of header.sections) {
    if (entry.offset !== at) throw new Error("section layout mismatch");
    const array = sections[entry.name] as SectionArray;
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    parts.push(bytes);
    at += bytes.length;
    const pad = align8(at) - at;
    if (pad > 0) parts.push(new Uint8Array(pad));
    at += pad;
  }
  return parts;
}

/** Writes encoded parts to an open file. */
export async function writeParts(handle: FileHandle, parts: readonly Uint8Array[]): Promise<void> {
  for (const part of parts) if (part.length > 0) await handle.write(part);
}

export interface DecodedSections {
  meta: unknown;
  /** Views into the file's bytes; `undefined` for a name the file does not have. */
  section(name: string, type: "u8"): Uint8Array;
  section(name: string, type: "i32"): Int32Array;
  section(name: string, type: "u32"): Uint32Array;
  section(name: string, type: "f32"): Float32Array;
  section(name: string, type: "f64"): Float64Array;
}

interface Layout {
  meta: unknown;
  sections: Map<string, SectionEntry>;
  /** Total file size the header implies. */
  size: number;
}

/** Parses and checks the prefix and header at the start of `bytes` (which may hold more). */
function parseLayout(bytes: Uint8Array, kind: string): Layout {
  if (bytes.length < PREFIX_BYTES || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error("not a dossier section file");
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (PREFIX_BYTES + headerBytes > bytes.length) throw new Error("truncated header");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerBytes))) as Header;
  if (header.kind !== kind) throw new Error(`expected a ${kind} file, found ${String(header.kind)}`);
  const sections = new Map<string, SectionEntry>();
  let end = align8(PREFIX_BYTES + headerBytes);
  for (const s of header.sections) {
    const size = BYTES[s.type];
    if (size === undefined || s.offset % 8 !== 0 || s.offset < end || !Number.isInteger(s.length) || s.length < 0) throw new Error(`bad section ${s.name}`);
    end = align8(s.offset + s.length * size);
    sections.set(s.name, s);
  }
  return { meta: header.meta, sections, size: end };
}

/** Typed views of sections whose bytes are at `base + offset` in `buffer`. */
function viewer(layout: Layout, locate: (s: SectionEntry) => { buffer: ArrayBufferLike; at: number }): DecodedSections["section"] {
  const section = (name: string, type: SectionType): SectionArray => {
    const s = layout.sections.get(name);
    if (s === undefined || s.type !== type) throw new Error(`missing section ${name}`);
    const { buffer, at } = locate(s);
    switch (type) {
      case "u8":
        return new Uint8Array(buffer, at, s.length);
      case "i32":
        return new Int32Array(buffer, at, s.length);
      case "u32":
        return new Uint32Array(buffer, at, s.length);
      case "f32":
        return new Float32Array(buffer, at, s.length);
      case "f64":
        return new Float64Array(buffer, at, s.length);
    }
  };
  return section as DecodedSections["section"];
}

/** Reads a section file's bytes; throws a plain `Error` naming the problem if they are not one of `kind`. */
export function decodeSections(data: Uint8Array, kind: string): DecodedSections {
  // Typed views need aligned offsets; a pooled small Buffer may not start on one.
  const bytes = data.byteOffset % 8 === 0 ? data : new Uint8Array(data);
  const layout = parseLayout(bytes, kind);
  if (layout.size !== bytes.length) throw new Error(`file is ${bytes.length} bytes, expected ${layout.size}`);
  return { meta: layout.meta, section: viewer(layout, (s) => ({ buffer: bytes.buffer, at: bytes.byteOffset + s.offset })) };
}

/** Fills `out` from `fd` at `position` (a positioned read; short reads are continued). */
export function readExactly<T extends Uint8Array>(fd: number, out: T, position: number): T {
  let done = 0;
  while (done < out.length) {
    const n = fs.readSync(fd, out, done, out.length - done, position + done);
    if (n === 0) throw new Error("file ended early");
    done += n;
  }
  return out;
}

/** A section left on disk: its bytes are read on demand from `fd` at `offset`. */
export interface SectionOnDisk {
  fd: number;
  offset: number;
  length: number;
}

/**
 * Opens a section file, reading every section into memory except those named in `onDisk`, which
 * stay in the file and are read on demand through the returned descriptor. The caller owns `fd`.
 */
export function openSections(file: string, kind: string, onDisk: readonly string[]): { sections: DecodedSections; onDisk: Record<string, SectionOnDisk>; fd: number } {
  const fd = fs.openSync(file, "r");
  try {
    const readAt = (position: number, length: number): Uint8Array => readExactly(fd, new Uint8Array(length), position);
    const size = fs.fstatSync(fd).size;
    const prefix = readAt(0, Math.min(size, PREFIX_BYTES));
    if (prefix.length < PREFIX_BYTES || new TextDecoder().decode(prefix.subarray(0, 8)) !== MAGIC) throw new Error("not a dossier section file");
    const headerBytes = new DataView(prefix.buffer).getUint32(8, true);
    if (PREFIX_BYTES + headerBytes > size) throw new Error("truncated header");
    const layout = parseLayout(readAt(0, PREFIX_BYTES + headerBytes), kind);
    if (layout.size !== size) throw new Error(`file is ${size} bytes, expected ${layout.size}`);
    const loaded = new Map<string, Uint8Array>();
    const disk: Record<string, SectionOnDisk> = {};
    for (const s of layout.sections.values()) {
      const bytes = s.length * BYTES[s.type];
      if (onDisk.includes(s.name)) disk[s.name] = { fd, offset: s.offset, length: bytes };
      else loaded.set(s.name, readAt(s.offset, bytes));
    }
    const section = viewer(layout, (s) => {
      const bytes = loaded.get(s.name);
      if (bytes === undefined) throw new Error(`section ${s.name} was left on disk`);
      return { buffer: bytes.buffer, at: 0 };
    });
    return { sections: { meta: layout.meta, section }, onDisk: disk, fd };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}
