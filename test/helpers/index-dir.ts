/** Reading an index folder in tests: the manifest, the generation folders and leftovers. */
import fs from "node:fs/promises";
import path from "node:path";
import type { Manifest } from "../../src/index/index-files.js";

export async function readManifestFile(indexDir: string): Promise<Manifest> {
  return JSON.parse(await fs.readFile(path.join(indexDir, "manifest.json"), "utf8")) as Manifest;
}

export interface IndexListing {
  generations: string[];
  tmpGenerations: string[];
  tmpManifests: string[];
  lock: boolean;
  manifest: boolean;
}

export async function listIndexDir(indexDir: string): Promise<IndexListing> {
  const names = await fs.readdir(indexDir).catch(() => [] as string[]);
  return {
    generations: names.filter((n) => n.startsWith("g-")).sort(),
    tmpGenerations: names.filter((n) => n.startsWith(".tmp-g-")),
    tmpManifests: names.filter((n) => n.startsWith("manifest.json.tmp-")),
    lock: names.includes(".lock"),
    manifest: names.includes("manifest.json"),
  };
}
