/**
 * Article files for re-index tests: the two bundled articles (copied, never modified in place) and
 * small generated Markdown articles with unique, answerable facts.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { CORPUS_DIR } from "./temp-dirs.js";

export const KYRGYZ_ARTICLE = "2025-11-04-azertac-kyrgyz-trade-unions.md";
export const TEHRAN_ARTICLE = "2019-06-19-tehran-times-azerbaijan-iran-labor.md";
export const CORPUS_ARTICLES = [TEHRAN_ARTICLE, KYRGYZ_ARTICLE] as const;

/** Answered only by the Kyrgyz article (Muradil Jumadilde). */
export const KYRGYZ_QUESTION = "Who chairs the Federation of Trade Unions of Kyrgyzstan?";
/** Answered by no article. */
export const ABSENT_QUESTION = "Who chairs the Federation of Trade Unions of Kazakhstan?";

export async function copyCorpus(dataDir: string, names: readonly string[] = CORPUS_ARTICLES): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await Promise.all(names.map((name) => fs.copyFile(path.join(CORPUS_DIR, name), path.join(dataDir, name))));
}

export interface GeneratedArticle {
  title: string;
  source?: string;
  date?: string;
  body: string;
}

export function markdownArticle(a: GeneratedArticle): string {
  return `---\ntitle: ${JSON.stringify(a.title)}\nsource: ${a.source ?? "Test Wire"}\ndate: ${a.date ?? "2024-03-01"}\n---\n${a.body}\n`;
}

export async function writeArticle(dataDir: string, name: string, article: GeneratedArticle): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dataDir, name)), { recursive: true });
  await fs.writeFile(path.join(dataDir, name), markdownArticle(article));
}

/** A plausible news article, distinct per `n`, two paragraphs (about three chunks). */
export function generatedArticle(n: number): GeneratedArticle {
  const day = String((n % 28) + 1).padStart(2, "0");
  return {
    title: `Council ${n} signs a training memorandum`,
    date: `2024-02-${day}`,
    body:
      `Springfield, February ${(n % 28) + 1}, Test Wire\n\n` +
      `The regional cooperation council number ${n} met in Springfield to discuss wages and vocational training. ` +
      `Delegates from union ${n} agreed on a plan for safety at work and decent working conditions. ` +
      `The chairman of council ${n}, Person${n} Lastname${n}, signed a memorandum with the ministry of labour.\n\n` +
      `Further talks are planned for next year in the capital, where experts will review the results of the programme. ` +
      `Members of trade union ${n} asked for fair pay across the sector and for more apprenticeships.`,
  };
}

export async function writeGeneratedArticles(dataDir: string, count: number, prefix = "gen"): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(4, "0")}.md`);
  await Promise.all(names.map((name, i) => writeArticle(dataDir, name, generatedArticle(i + 1))));
  return names;
}

/** Whitespace-normalised text, for the "quote is verbatim after whitespace normalisation" check. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
