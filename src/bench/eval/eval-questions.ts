/**
 * The evaluation question sets (`eval/questions/*.json`): each file names the collection its
 * questions are about — `bundled` (the articles shipped in data/articles) or `eval` (those plus the
 * development corpus in eval/corpus) — and every question its split (`dev` to tune on, `test` to
 * score only at the end, `holdout` written later, blind, by someone who never saw the answers) and
 * its category.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../core/errors.js";

export type Collection = "bundled" | "eval";
export type Split = "dev" | "test" | "holdout";
export const SPLITS: readonly Split[] = ["dev", "test", "holdout"];
export type RefusalReason = "not_covered" | "out_of_scope" | "unsupported_language";

export interface EvalQuestion {
  id: string;
  split: Split;
  kind: string;
  question: string;
  /** The earlier question of the same conversation (follow-ups). */
  previous?: string;
  expect: {
    refuse: boolean;
    reason?: RefusalReason;
    /** Acceptable first citations (paths relative to the data folder). */
    sources: string[];
    /** Every one must be cited (answers spread over several articles). */
    cite?: string[];
    /** Each group: one alternative must appear (case-insensitive) in the answer or its quotes. */
    facts: string[][];
  };
  collection: Collection;
  /** The file the question came from. */
  file: string;
}

interface QuestionFile {
  collection: Collection;
  questions: Omit<EvalQuestion, "collection" | "file">[];
}

/** Reads question files (a file, or every `.json` in a folder), checking their shape. */
export async function loadEvalQuestions(where: string): Promise<EvalQuestion[]> {
  const stat = await fs.stat(where).catch(() => null);
  if (stat === null) throw new AppError("CONFIG_INVALID", `No question file or folder at ${where}.`);
  const files = stat.isDirectory()
    ? (await fs.readdir(where)).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(where, f))
    : [where];
  const out: EvalQuestion[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const raw = JSON.parse(await fs.readFile(file, "utf8")) as QuestionFile;
    if (raw.collection !== "bundled" && raw.collection !== "eval") throw new AppError("CONFIG_INVALID", `${file}: "collection" must be "bundled" or "eval".`);
    if (!Array.isArray(raw.questions)) throw new AppError("CONFIG_INVALID", `${file}: "questions" must be an array.`);
    for (const q of raw.questions) {
      if (ids.has(q.id)) throw new AppError("CONFIG_INVALID", `${file}: duplicate question id ${q.id}.`);
      if (!SPLITS.includes(q.split)) throw new AppError("CONFIG_INVALID", `${file}: ${q.id} has no ${SPLITS.join("/")} split.`);
      ids.add(q.id);
      out.push({ ...q, collection: raw.collection, file: path.basename(file) });
    }
  }
  return out;
}
