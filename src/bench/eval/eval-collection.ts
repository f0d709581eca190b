/**
 * The article collections the evaluation answers from, each built into its own index in a
 * temporary folder (never the live `data/index`): `bundled` is the data folder as shipped, `eval`
 * is the data folder plus the development corpus of test fixtures (`eval/corpus`).
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Embedder } from "../../core/embedder.js";
import type { Logger } from "../../core/logger.js";
import { loadArticles } from "../../ingest/load-articles.js";
import { reindex } from "../../ingest/reindex.js";
import type { Collection } from "./eval-questions.js";

export interface BuiltCollection {
  dataDir: string;
  indexDir: string;
  /** Article texts by path (a JSON file may hold several). */
  texts: Map<string, string[]>;
}

/** Copies the files of `from` (top level, no README) into `to`, refusing a name that is taken. */
async function copyFlat(from: string, to: string): Promise<void> {
  for (const name of await fs.readdir(from)) {
    if (name.startsWith(".") || /^readme/i.test(name)) continue;
    const target = path.join(to, name);
    if (await fs.stat(target).then(() => true, () => false)) throw new Error(`${name} exists in both ${from} and the data folder`);
    await fs.copyFile(path.join(from, name), target);
  }
}

export async function buildCollection(options: {
  collection: Collection;
  bundledDir: string;
  corpusDir: string;
  workDir: string;
  embedder: Embedder;
  logger: Logger;
}): Promise<BuiltCollection> {
  const dataDir = path.join(options.workDir, `${options.collection}-data`);
  const indexDir = path.join(options.workDir, `${options.collection}-index`);
  await fs.mkdir(dataDir, { recursive: true });
  await copyFlat(options.bundledDir, dataDir);
  if (options.collection === "eval") await copyFlat(options.corpusDir, dataDir);
  const report = await reindex({ dataDir, indexDir, embedder: options.embedder, logger: options.logger });
  for (const s of report.skipped) options.logger.warn(`eval: skipped ${s.path}: ${s.reason}`);
  const texts = new Map<string, string[]>();
  for (const a of (await loadArticles({ dataDir })).articles) texts.set(a.path, [...(texts.get(a.path) ?? []), a.text]);
  return { dataDir, indexDir, texts };
}
