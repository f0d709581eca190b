import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArticleError } from "../../src/ingest/article-error.js";
import { readTextFile, tooLargeReason, type TextFileSystem } from "../../src/ingest/read-text-file.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "dossier-read-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, "f.txt");
  await writeFile(file, content);
  return file;
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArticleError) return error.reason;
    throw error;
  }
  throw new Error("expected an ArticleError");
}

const MAX = 1024 * 1024;

describe("readTextFile", () => {
  it("returns UTF-8 text without a BOM and with LF line ends", async () => {
    const file = await fileWith(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Azərbaycan\r\nline 2\rline 3", "utf8")]));
    expect(await readTextFile({ path: file, maxBytes: MAX })).toBe("Azərbaycan\nline 2\nline 3");
  });

  it("refuses empty and whitespace-only files", async () => {
    expect(await reasonOf(readTextFile({ path: await fileWith(""), maxBytes: MAX }))).toBe("empty article");
    expect(await reasonOf(readTextFile({ path: await fileWith(" \n\t\n"), maxBytes: MAX }))).toBe("empty article");
  });

  it("refuses binary files", async () => {
    const withNul = await fileWith(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(await reasonOf(readTextFile({ path: withNul, maxBytes: MAX }))).toBe("binary file");
    const controls = await fileWith(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
    expect(await reasonOf(readTextFile({ path: controls, maxBytes: MAX }))).toBe("binary file");
  });

  it("refuses invalid UTF-8 and UTF-16", async () => {
    const latin1 = await fileWith(Buffer.from("caf\xe9 au lait", "latin1"));
    expect(await reasonOf(readTextFile({ path: latin1, maxBytes: MAX }))).toBe("not valid UTF-8 text");
    const utf16 = await fileWith(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("hello", "utf16le")]));
    expect(await reasonOf(readTextFile({ path: utf16, maxBytes: MAX }))).toMatch(/^not valid UTF-8 text/);
  });

  it("refuses a file over the limit without reading it", async () => {
    let reads = 0;
    const fs: TextFileSystem = {
      stat: () => Promise.resolve({ size: Math.round(7.2 * MAX) }),
      readFile: () => {
        reads++;
        return Promise.resolve(new Uint8Array());
      },
    };
    expect(await reasonOf(readTextFile({ path: "big.txt", maxBytes: 5 * MAX, fs }))).toBe("file too large (7.2 MB > 5 MB limit)");
    expect(reads).toBe(0);
  });

  it("checks the size of real files too", async () => {
    const file = await fileWith("x".repeat(2000));
    expect(await reasonOf(readTextFile({ path: file, maxBytes: 1000 }))).toBe("file too large (2 KB > 1000 bytes limit)");
  });

  it("reports an unreadable file by its error code", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: "EACCES" });
    const fs: TextFileSystem = { stat: () => Promise.resolve({ size: 10 }), readFile: () => Promise.reject(denied) };
    expect(await reasonOf(readTextFile({ path: "x.txt", maxBytes: MAX, fs }))).toBe("cannot read: EACCES");
  });
});

describe("tooLargeReason", () => {
  it("shows exact sizes when rounding would hide the difference", () => {
    expect(tooLargeReason(5 * MAX + 1, 5 * MAX)).toBe("file too large (5242881 bytes > 5242880 bytes limit)");
  });
});
