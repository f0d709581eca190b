/**
 * The versions a manifest records, so an index can be traced to the code that built it: dossier's
 * own (from its package.json, found relative to this module — not the working directory, which may
 * be anywhere when `npm run reindex` or a scheduler starts it) and the libraries that shape the files.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** dossier's version from the package.json two folders above this module, or "unknown". */
export function dossierVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { name?: unknown; version?: unknown };
    return pkg.name === "dossier" && typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** `Manifest.versions`. */
export function indexVersions(): Record<string, string> {
  return { dossier: dossierVersion(), "hnswlib-node": packageVersion("hnswlib-node"), "@langchain/community": packageVersion("@langchain/community") };
}
