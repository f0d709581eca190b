/**
 * The synthetic benchmark corpus: articles (Markdown with front matter) about cooperation events,
 * some reported twice by different outlets (near-duplicates), and a question set — paraphrased,
 * sometimes with names spelled differently, each with its expected article(s) and key fact — plus
 * unanswerable questions. Deterministic for a given seed.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { OUTLETS } from "./corpus-vocabulary.js";
import { writeArticle, type OutletStyle, type WrittenArticle } from "./article-writer.js";
import { Prng } from "./prng.js";
import { questionTemplates } from "./question-templates.js";
import { generateEvents, type CoopEvent } from "./synthetic-events.js";
import { buildWorld } from "./synthetic-world.js";
import { respell } from "./transliterate.js";
import { unanswerableQuestions } from "./unanswerable-questions.js";

export interface BenchQuestion {
  id: string;
  question: string;
  /** Path (relative to the corpus folder) of the article that answers it; null when unanswerable. */
  expectedPath: string | null;
  /** Every article that answers it (the near-duplicate too). */
  expectedPaths: string[];
  /** The key fact as written in the expected article; null when unanswerable. */
  fact: string | null;
  /** The fact as written in each expected article (outlets format dates differently). */
  acceptableFacts: string[];
  /** True when the right answer is a refusal. */
  refuse: boolean;
  /** e.g. "memorandum/when", "unanswerable/never-happened". */
  kind: string;
  /** The question spells a person's name differently from the article. */
  respelled: boolean;
}

export interface GeneratedArticle {
  path: string;
  content: string;
}

export interface GeneratedCorpus {
  articles: GeneratedArticle[];
  /** Articles kept back for an incremental re-index (no question refers to them). */
  heldOut: GeneratedArticle[];
  questions: BenchQuestion[];
}

export interface GenerateOptions {
  /** Articles in the corpus (not counting `heldOut`). */
  articles: number;
  seed?: number;
  /** Questions in total (15 % unanswerable); default n/10 between 40 and 1000. */
  questions?: number;
  /** Extra articles (newest events) generated for an incremental run. */
  heldOut?: number;
  /** Share of events reported by a second outlet. */
  duplicateRate?: number;
}

const STYLES: OutletStyle[] = OUTLETS.map((o, i) => ({ ...o, dates: i % 2 === 0 ? "dmy" : "mdy", dateline: i % 3 === 0 }));

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function render(e: CoopEvent, style: OutletStyle, written: WrittenArticle, suffix: string): GeneratedArticle {
  const file = `${e.date.slice(0, 4)}/${e.date}-${slug(style.name)}-${e.kind}-${e.id}${suffix}.md`;
  const url = `https://${style.domain}/news/${slug(written.title).slice(0, 60)}-${e.id}${suffix}`;
  const front = [`title: ${JSON.stringify(written.title)}`, `source: ${JSON.stringify(style.name)}`, `date: ${e.date}`, `url: ${url}`];
  return { path: file, content: `---\n${front.join("\n")}\n---\n\n${written.body}` };
}

function factOf(slot: string, e: CoopEvent, w: WrittenArticle): string {
  switch (slot) {
    case "hostPerson":
      return e.hostPerson.name;
    case "guestPerson":
      return e.guestPerson.name;
    case "date":
      return w.facts.date;
    case "city":
      return w.facts.city;
    case "count":
      return w.facts.count;
    default:
      return w.facts.span;
  }
}

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const n = Math.max(1, Math.floor(options.articles));
  const heldOutCount = Math.max(0, Math.floor(options.heldOut ?? 0));
  const seed = options.seed ?? 42;
  const dupRate = options.duplicateRate ?? 0.08;
  const rng = new Prng(seed);
  const world = buildWorld(rng.fork(1));
  const total = n + heldOutCount;
  const events = generateEvents(world, total + 2, rng.fork(2));

  // Write articles event by event (date order) until the corpus and the held-out part are full.
  const written: { event: CoopEvent; versions: { article: GeneratedArticle; text: WrittenArticle }[] }[] = [];
  const articleRng = rng.fork(3);
  let produced = 0;
  for (const e of events) {
    if (produced >= total) break;
    const first = articleRng.pick(STYLES);
    const versions = [{ style: first, suffix: "" }];
    // A near-duplicate never straddles the corpus / held-out boundary, so the corpus has exactly n.
    if (articleRng.chance(dupRate) && produced + 2 <= (produced < n ? n : total)) {
      let second = articleRng.pick(STYLES);
      while (second === first) second = articleRng.pick(STYLES);
      versions.push({ style: second, suffix: "-b" });
    }
    written.push({
      event: e,
      versions: versions.map(({ style, suffix }) => {
        const text = writeArticle(e, style, articleRng.fork(e.id * 2 + suffix.length));
        return { article: render(e, style, text, suffix), text };
      }),
    });
    produced += versions.length;
  }
  // The newest events are held out: they are what a maintainer would add next.
  let split = 0;
  for (let count = 0; split < written.length && count < n; split++) count += written[split]?.versions.length ?? 0;
  const main = written.slice(0, split);
  const later = written.slice(split);

  const indexedEvents = main.map((w) => w.event);
  const keyCounts = new Map<string, number>();
  for (const e of indexedEvents) for (const key of new Set(questionTemplates(e).map((t) => t.key))) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);

  const totalQuestions = options.questions ?? Math.min(1000, Math.max(40, Math.round(n / 10)));
  const refusals = Math.max(1, Math.round(totalQuestions * 0.15));
  const qRng = rng.fork(4);
  const questions: BenchQuestion[] = [];
  for (const w of qRng.shuffle(main)) {
    if (questions.length >= totalQuestions - refusals) break;
    const usable = questionTemplates(w.event).filter((t) => keyCounts.get(t.key) === 1);
    if (usable.length === 0) continue;
    const t = qRng.pick(usable);
    let respelled = false;
    const name = (full: string) => {
      if (!qRng.chance(0.7)) return full;
      const variant = respell(full, qRng);
      respelled ||= variant !== full;
      return variant;
    };
    let text = t.text;
    if (text.includes("{GP}")) text = text.replace("{GP}", name(w.event.guestPerson.name));
    if (text.includes("{HP}")) text = text.replace("{HP}", name(w.event.hostPerson.name));
    const facts = w.versions.map((v) => factOf(t.slot, w.event, v.text));
    questions.push({
      id: `q${questions.length + 1}`,
      question: text,
      expectedPath: w.versions[0]?.article.path ?? null,
      expectedPaths: w.versions.map((v) => v.article.path),
      fact: facts[0] ?? null,
      acceptableFacts: [...new Set(facts)],
      refuse: false,
      kind: `${w.event.kind}/${t.type}`,
      respelled,
    });
  }
  for (const u of unanswerableQuestions(world, indexedEvents, refusals, rng.fork(5))) {
    questions.push({ id: `q${questions.length + 1}`, question: u.question, expectedPath: null, expectedPaths: [], fact: null, acceptableFacts: [], refuse: true, kind: `unanswerable/${u.kind}`, respelled: false });
  }
  return {
    articles: main.flatMap((w) => w.versions.map((v) => v.article)),
    heldOut: later.flatMap((w) => w.versions.map((v) => v.article)),
    questions: qRng.shuffle(questions),
  };
}

/** Writes articles under `dir` (sub-folders by year) and, when given, `questions.json` beside them. */
export async function writeArticles(dir: string, articles: readonly GeneratedArticle[]): Promise<void> {
  const dirs = new Set(articles.map((a) => path.dirname(path.join(dir, a.path))));
  await Promise.all([...dirs].map((d) => fs.mkdir(d, { recursive: true })));
  for (let i = 0; i < articles.length; i += 256) {
    await Promise.all(articles.slice(i, i + 256).map((a) => fs.writeFile(path.join(dir, a.path), a.content)));
  }
}
