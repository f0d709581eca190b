/**
 * Writes a fetched article into the data folder as the `.md` a maintainer would have written by
 * hand — YAML front matter (title, source, date, url) and the text as paragraphs — under a name
 * that sorts by date and says what it is: `2024-03-12-harbour-labour-news-estonian-seafarers-….md`.
 * A different article that happens to get the same name gets `-2`, `-3`: nothing is overwritten,
 * and a re-index running meanwhile never sees a half-written file.
 */
import { randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { ArticleMeta } from "../core/types.js";

const MAX_SOURCE_SLUG = 30;
const MAX_TITLE_SLUG = 60;
/** Names tried before giving up (a folder with 100 same-named articles is a bug elsewhere). */
const MAX_SUFFIX = 100;

/**
 * Lower-case words joined by "-": Latin accents dropped ("Sillamäe" → "sillamae"), other scripts
 * kept as they are, cut at a word boundary within `max` characters.
 */
export function slugify(text: string, max: number): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if ([...next].length > max) {
      if (slug === "") slug = [...word].slice(0, max).join("");
      break;
    }
    slug = next;
  }
  return slug;
}

/** `<date>-<outlet>-<title>.md` (`undated-…` without a date); without a suffix. */
export function articleFileName(meta: Pick<ArticleMeta, "date" | "source" | "title">): string {
  const parts = [meta.date ?? "undated", slugify(meta.source, MAX_SOURCE_SLUG), slugify(meta.title, MAX_TITLE_SLUG) || "article"];
  return `${parts.filter((p) => p !== "").join("-")}.md`;
}

/** The file's content: front matter in the order maintainers write it, then the paragraphs. */
export function renderArticleFile(meta: ArticleMeta, text: string): string {
  const front: Record<string, string | null> = { title: meta.title, source: meta.source, date: meta.date, url: meta.url };
  if (meta.language !== undefined) front["language"] = meta.language;
  if (meta.license !== undefined) front["license"] = meta.license;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${text.trim()}\n`;
}

export interface WriteArticleFileOptions {
  dataDir: string;
  meta: ArticleMeta;
  text: string;
}

function withSuffix(name: string, n: number): string {
  return n === 1 ? name : name.replace(/\.md$/, `-${n}.md`);
}

/** Links `from` to `to`, or copies it where hard links are not supported; both refuse an existing `to`. */
async function placeFile(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
  }
}

/**
 * Writes the article under the first free name and returns that name (relative to `dataDir`).
 * The content goes to a dot-file first (the loader ignores dot-files) and is then hard-linked into
 * place: the link fails on an existing name, so a file is never overwritten, and appears whole.
 */
export async function writeArticleFile(options: WriteArticleFileOptions): Promise<string> {
  const name = articleFileName(options.meta);
  const tmp = path.join(options.dataDir, `.adding-${process.pid}-${randomUUID()}.md`);
  await fs.writeFile(tmp, renderArticleFile(options.meta, options.text), { flag: "wx" });
  try {
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const candidate = withSuffix(name, n);
      try {
        await placeFile(tmp, path.join(options.dataDir, candidate));
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    throw new Error(`${MAX_SUFFIX} files named like ${name} already exist`);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
