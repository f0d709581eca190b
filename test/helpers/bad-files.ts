/**
 * A data folder's worth of files that cannot be indexed, one per failure mode, each with the reason
 * pattern a maintainer should see. Used by the re-index tests and the CLI exit-code tests.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { KYRGYZ_ARTICLE } from "./articles.js";

/** Small enough to refuse `huge.txt`, large enough for the bundled articles (~3 KB). */
export const SMALL_MAX_BYTES = 10_000;

export const BAD_FILES: ReadonlyArray<{ path: string; reason: RegExp }> = [
  { path: "bad-utf8.txt", reason: /utf-8/i },
  { path: "binary.txt", reason: /binary/i },
  { path: "broken-front-matter.md", reason: /front matter/i },
  { path: "broken.json", reason: /json/i },
  { path: "empty.md", reason: /empty/i },
  { path: "huge.txt", reason: /too large/i },
];

export const DUPLICATE_FILE = { path: "zz-copy-of-kyrgyz.md", reason: new RegExp(`duplicate of ${KYRGYZ_ARTICLE.replace(/\./g, "\\.")}`) };

/** Writes every bad file and a duplicate of the Kyrgyz article (which must already be in `dataDir`). */
export async function writeBadFiles(dataDir: string): Promise<void> {
  const w = (name: string, data: string | Uint8Array) => fs.writeFile(path.join(dataDir, name), data);
  await Promise.all([
    w("empty.md", ""),
    w("binary.txt", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42, 0x00, 0x43])),
    w("bad-utf8.txt", Buffer.concat([Buffer.from("A report on wages "), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(" and unions.\n")])),
    w("huge.txt", `Big report\n\n${"The council met again to talk about wages. ".repeat(600)}`),
    w("broken-front-matter.md", '---\ntitle: [unclosed\nsource: "x\n---\nSome body text here about the council.\n'),
    w("broken.json", '{"title": "Half an article", "text": '),
    fs.copyFile(path.join(dataDir, KYRGYZ_ARTICLE), path.join(dataDir, DUPLICATE_FILE.path)),
  ]);
}
