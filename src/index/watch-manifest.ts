/**
 * Tells the answer service that a re-index published a new generation. Polls the manifest's stat,
 * which survives the atomic rename a re-index does (a file watch would follow the replaced inode).
 */
import fs from "node:fs";
import { manifestPath } from "./index-files.js";

/** A `watch` function for the answer service: calls `onChange` when the manifest changes; returns an unsubscribe. */
export function watchManifest(indexDir: string, intervalMs: number): (onChange: () => void) => () => void {
  return (onChange) => {
    const file = manifestPath(indexDir);
    const listener = (curr: fs.Stats, prev: fs.Stats) => {
      if (curr.mtimeMs !== prev.mtimeMs || curr.ino !== prev.ino) onChange();
    };
    const watcher = fs.watchFile(file, { interval: intervalMs, persistent: false }, listener);
    return () => {
      watcher.unref();
      fs.unwatchFile(file, listener);
    };
  };
}
