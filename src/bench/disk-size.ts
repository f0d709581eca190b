/** Index size on disk: the bytes of every file under a folder (what `du --apparent-size` shows). */
import fs from "node:fs/promises";
import path from "node:path";

export async function diskBytes(target: string): Promise<number> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return stat.size;
  const entries = await fs.readdir(target);
  const sizes = await Promise.all(entries.map((e) => diskBytes(path.join(target, e))));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Sizes of the files of an index generation by name (hnsw/ files prefixed), in bytes. */
export async function fileSizes(dir: string, prefix = ""): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, await fileSizes(full, `${prefix}${entry.name}/`));
    else out[`${prefix}${entry.name}`] = (await fs.stat(full)).size;
  }
  return out;
}
