/**
 * The default, offline answerer: a reader in small stages. It reads the question (what is asked,
 * about what, in which language), finds evidence windows in the retrieved passages and refuses
 * when none holds what is asked, then answers in one line — the name, date, number, "Yes — …", one
 * item per article — with the evidence quoted verbatim. Questions about the collection are
 * answered from the articles' leads. Its evidence scores also re-rank passages (`rank`).
 */
import { LRUCache } from "lru-cache";
import type { AnswerInput, Answerer, DraftAnswer } from "../core/answerer.js";
import type { LanguageDetector } from "../core/language-detector.js";
import type { Passage, PassageArticle } from "../core/passage.js";
import type { Reranker } from "../core/reranker.js";
import type { Vocabulary } from "../core/vocabulary.js";
import type { WordRarity } from "../core/word-rarity.js";
import { withoutDateline } from "../text/dateline.js";
import { normalizeTerm } from "../text/tokenize.js";
import { TermKeys } from "../text/term-keys.js";
import { questionLanguage } from "../text/question-language.js";
import { refusal } from "./not-covered.js";
import { collectionAnswer } from "./reader/collection-answer.js";
import { composeAnswer } from "./reader/compose-answer.js";
import { answerSpans, type AnswerSpan } from "./reader/answer-spans.js";
import { findEvidence, type ArticleKeys, type Evidence } from "./reader/evidence.js";
import { readQuestion, type QuestionReading, type ReadTerm } from "./reader/question-reading.js";
import { READER_WEIGHTS, type ReaderWeights } from "./reader/reader-weights.js";
import { mergeSentenceKeys, sentenceKeys, type SentenceKeys } from "./reader/sentence-keys.js";
import { escapeRegExp } from "../text/escape-reg-exp.js";
import { NearWords } from "../text/near-words.js";

export interface ExtractiveReaderOptions {
  /** Word frequencies, to tell names and specific words from common ones. */
  rarity?: WordRarity;
  /** Detects the language of questions that are not plainly English. */
  languageDetector?: LanguageDetector;
  /** Most articles cited for a list question. */
  maxListItems?: number;
  /** Scoring weights (default: the fitted ones in `reader-weights.ts`). */
  weights?: ReaderWeights;
}

/** How many of the most common English words two-edit typo repair may correct to. */
const NEAR_WORDS = 30_000;
/** Two-edit repair is for long words only: shorter ones too often land on another real word. */
const NEAR_MIN_LENGTH = 6;

/** Articles whose sentence keys are kept between questions (least recently used go first). */
const KEY_CACHE_ARTICLES = 512;

/** Domain words: a question with one of them is about the articles' world, even when not covered. */
const DOMAIN =
  /\b(labou?r|unions?|unionists?|workers?|employ\w*|unemploy\w*|jobs?|wages?|pay|salar\w+|ministers?|ministry|ministries|strikes?|delegat\w+|memorand\w+|agreements?|deals?|conferences?|ilo|ilc|pensions?|training|safety|migra\w+|cooperat\w+|federation|confederation|social|ahik|minimum|visit\w*|sign\w*|meetings?|delegation|articles?)\b/;

export class ExtractiveReader implements Answerer, Reranker {
  private readonly termKeys = new TermKeys();
  private readonly keyCache = new LRUCache<PassageArticle, ArticleKeysCache>({ max: KEY_CACHE_ARTICLES });
  /** Readings of recent questions per vocabulary (one index generation): a question is read by several stages. */
  private readonly readings = new WeakMap<Vocabulary, LRUCache<string, QuestionReading>>();
  /** Common words the articles use, filed for two-edit typo repair, per vocabulary (null: no word list). */
  private readonly near = new WeakMap<Vocabulary, NearWords | null>();
  /** The evidence the re-ranking found, reused when the same question is answered right after. */
  private readonly reranked = new LRUCache<string, { vocabulary: Vocabulary; passages: readonly Passage[]; evidence: Evidence[] }>({ max: 16 });

  constructor(private readonly options: ExtractiveReaderOptions = {}) {}

  /** What the question asks, judged against the words the articles use. */
  read(question: string, vocabulary: Vocabulary): QuestionReading {
    let cache = this.readings.get(vocabulary);
    if (cache === undefined) {
      cache = new LRUCache({ max: 64 });
      this.readings.set(vocabulary, cache);
    }
    let reading = cache.get(question);
    if (reading === undefined) {
      reading = readQuestion(question, {
        vocabulary,
        keys: this.termKeys,
        nearWords: () => this.nearWords(vocabulary),
        ...(this.options.rarity === undefined ? {} : { rarity: this.options.rarity }),
      });
      cache.set(question, reading);
    }
    return reading;
  }

  async answer(input: AnswerInput): Promise<DraftAnswer> {
    const language = input.language ?? (await questionLanguage(input.question, this.options.languageDetector));
    if (language !== "en") return refusal("unsupported_language", language ?? undefined);
    const reading = this.read(input.question, input.vocabulary);
    if (reading.offTopic) return refusal("out_of_scope", "en");
    if (reading.collection !== null) {
      return collectionAnswer(reading.collection, input.passages) ?? refusal("not_covered", "en");
    }
    const evidence = this.reusedEvidence(input) ?? this.evidence(reading, input);
    const best = evidence[0];
    // A follow-up ("how long did it last?") continues a question about the articles.
    if (best === undefined) return refusal(input.followUp !== undefined || this.aboutTheArticles(reading, input.vocabulary) ? "not_covered" : "out_of_scope", "en");
    return composeAnswer(reading, this.choose(reading, evidence));
  }

  /** The question with typos corrected and acronyms and demonyms spelled out, for retrieval. */
  searchText(question: string, vocabulary: Vocabulary): string {
    const reading = this.read(question, vocabulary);
    const extra = reading.terms.flatMap((t) => [
      ...(t.typed === undefined ? [] : [t.term]),
      ...(t.kind === "acronym" ? t.expansions : []),
      ...(t.country !== undefined && t.country !== t.term ? [t.country] : []),
    ]);
    return extra.length === 0 ? question : `${question} ${[...new Set(extra)].join(" ")}`;
  }

  readText(question: string, vocabulary: Vocabulary): string {
    return this.read(question, vocabulary).text;
  }

  wantsMany(question: string, vocabulary: Vocabulary): boolean {
    const reading = this.read(question, vocabulary);
    return reading.list && reading.collection === null && !reading.offTopic;
  }

  /** Passages re-ordered by the reader's best evidence in each (answer-aware re-ranking); the rest keep their order after. */
  rerank(question: string, passages: readonly Passage[], vocabulary: Vocabulary): Passage[] {
    const reading = this.read(question, vocabulary);
    if (reading.offTopic || reading.collection !== null) return [...passages];
    const best = new Map<string, number>();
    const evidence = this.evidence(reading, { passages, vocabulary });
    this.reranked.set(question, { vocabulary, passages, evidence });
    for (const e of evidence) {
      if (!best.has(e.article.id)) best.set(e.article.id, e.score);
    }
    return passages
      .map((p, i) => ({ p, i, score: best.get(p.article.id) }))
      .sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.i - b.i)
      .map((x) => x.p);
  }

  /** The re-ranking's evidence for this question, when the passages to answer from are among those it read. */
  private reusedEvidence(input: AnswerInput): Evidence[] | null {
    if (input.followUp !== undefined) return null;
    const hit = this.reranked.get(input.question);
    if (hit === undefined || hit.vocabulary !== input.vocabulary) return null;
    const read = new Set(hit.passages);
    if (!input.passages.every((p) => read.has(p))) return null;
    const kept = new Set(input.passages.map((p) => p.article.id));
    return hit.evidence.filter((e) => kept.has(e.article.id));
  }

  /** Evidence windows passing the gate, best first (for tools that study the scoring). */
  evidence(reading: QuestionReading, input: Pick<AnswerInput, "passages" | "vocabulary" | "followUp">, weights?: ReaderWeights): Evidence[] {
    const contextTerms: ReadTerm[] =
      input.followUp === undefined ? [] : this.read(input.followUp.previousQuestion, input.vocabulary).terms.filter((t) => t.kind !== "frame").map((t) => ({ ...t, required: false }));
    const w = weights ?? this.options.weights;
    const previousPaths = new Set(input.followUp?.previousPaths ?? []);
    return findEvidence({ reading, contextTerms, previousPaths, passages: input.passages, keysOf: (a) => this.keysOf(a), termKeys: this.termKeys, ...(w === undefined ? {} : { weights: w }) });
  }

  /** The evidence to cite: the best window, or for a list the best window of each article that answers nearly as well. */
  private choose(reading: QuestionReading, evidence: readonly Evidence[]): Evidence[] {
    const best = evidence[0];
    if (best === undefined) return [];
    if (!reading.list) {
      const one = this.single(reading, evidence, best);
      // A description is often spread over two sentences of one article: quote the second too.
      if (reading.expects !== "description" && reading.expects !== "reason") return [one];
      const second = evidence.find(
        (e) => e !== one && e.article.id === one.article.id && Math.abs(e.sentence - one.sentence) > (one.anaphoric || e.anaphoric ? 1 : 0) && e.score >= one.score * 0.85,
      );
      return second === undefined ? [one] : [one, second];
    }
    const perArticle: Evidence[] = [];
    for (const e of evidence) {
      if (perArticle.length >= (this.options.maxListItems ?? 6)) break;
      if (perArticle.some((x) => x.article.id === e.article.id)) continue;
      if (e.score >= best.score * (this.options.weights ?? READER_WEIGHTS).listShare) perArticle.push(e);
    }
    return perArticle;
  }

  /**
   * The one window to answer from: the best, except that "what is FTUU?" takes the window that
   * defines the acronym, and "the latest …" / "who is the minister" (now) / "the first …" take the
   * newest (oldest) of the windows that answer nearly as well.
   */
  private single(reading: QuestionReading, evidence: readonly Evidence[], best: Evidence): Evidence {
    if (reading.expects === "definition") {
      const acronym = reading.terms.find((t) => t.kind === "acronym" || t.kind === "name");
      const defines = acronym === undefined ? undefined : evidence.find((e) => new RegExp(String.raw`\(\s*${escapeRegExp(acronym.term)}\s*\)`, "i").test(e.text));
      if (defines !== undefined) return defines;
    }
    const wantsLatest = reading.recency === "latest" || (reading.presentTense && reading.expects === "person");
    if (!wantsLatest && reading.recency !== "earliest") return best;
    const close = evidence.filter((e) => e.score >= best.score * 0.8 && e.article.date !== null);
    const pick = close.reduce<Evidence | null>((a, e) => {
      if (a === null || a.article.date === null || e.article.date === null) return a ?? e;
      return (wantsLatest ? e.article.date > a.article.date : e.article.date < a.article.date) ? e : a;
    }, null);
    return pick ?? best;
  }

  /** The common English words the articles use, filed for two-edit typo repair on the first question that needs it (per index generation: ~0.13 s, 3-6 MB). */
  private nearWords(vocabulary: Vocabulary): NearWords | undefined {
    let near = this.near.get(vocabulary);
    if (near === undefined) {
      const words = this.options.rarity?.commonWords?.(NEAR_WORDS);
      near = words === undefined ? null : new NearWords(words.filter((w) => w.length >= NEAR_MIN_LENGTH && vocabulary.frequency(w) > 0), NEAR_MIN_LENGTH);
      this.near.set(vocabulary, near);
    }
    return near ?? undefined;
  }

  /** Whether a question no article answers is still about their world (not covered) or not at all (out of scope). */
  private aboutTheArticles(reading: QuestionReading, vocabulary: Vocabulary): boolean {
    // Who holds an office ("who heads DİSK?") is the articles' kind of question, answered or not.
    if (DOMAIN.test(reading.text) || reading.role !== null) return true;
    // A place the articles name counts too: "not covered" is true of any question about Baku they don't answer,
    // while "out of scope" would be false of a labour question in words the list above lacks.
    return reading.terms.some((t) => (t.kind === "name" || t.kind === "place" || t.kind === "acronym") && vocabulary.has(t.term));
  }

  private keysOf(article: PassageArticle): ArticleKeys {
    let cached = this.keyCache.get(article);
    if (cached === undefined) {
      cached = new ArticleKeysCache(article, this.termKeys);
      this.keyCache.set(article, cached);
    }
    return cached;
  }
}

/** Capitalised words (quoted or not) joined by connectors or a comma: "Ministry of Cooperatives, Labour and Social Welfare", "the “Kurort” Tourism Information Center". */
const CAPITALISED_NAME = /[“"«]?\p{Lu}[\p{L}’'-]*[”"»]?(?:(?:,\s+|\s+)(?:(?:of|for|and|the|on|&)\s+)*[“"«]?\p{Lu}[\p{L}’'-]*[”"»]?)*/gu;

/** Sentence keys of one article, computed when first needed. */
class ArticleKeysCache implements ArticleKeys {
  private readonly sentences: (SentenceKeys | undefined)[] = [];
  private readonly sentenceSpans: (AnswerSpan[] | undefined)[] = [];
  private titleKeys: SentenceKeys | undefined;
  private metaKeys: SentenceKeys | undefined;
  private folded: string | undefined;
  private contextKeys: SentenceKeys | undefined;
  private nameKeys: SentenceKeys[] | undefined;

  constructor(
    private readonly article: PassageArticle,
    private readonly termKeys: TermKeys,
  ) {}

  sentence(i: number): SentenceKeys {
    let keys = this.sentences[i];
    if (keys === undefined) {
      const span = this.article.spans[i];
      keys = sentenceKeys(span === undefined ? "" : this.article.text.slice(span.start, span.end), this.termKeys);
      this.sentences[i] = keys;
    }
    return keys;
  }

  spans(i: number): AnswerSpan[] {
    let spans = this.sentenceSpans[i];
    if (spans === undefined) {
      const span = this.article.spans[i];
      spans = span === undefined ? [] : answerSpans(this.article.text.slice(span.start, span.end));
      this.sentenceSpans[i] = spans;
    }
    return spans;
  }

  title(): SentenceKeys {
    this.titleKeys ??= sentenceKeys(this.article.title, this.termKeys);
    return this.titleKeys;
  }

  context(): SentenceKeys {
    // The lead without its dateline: where a story was filed is not what it is about.
    const lead = this.article.spans[0];
    const leadText = lead === undefined ? "" : withoutDateline(this.article.text.slice(lead.start, lead.end));
    this.contextKeys ??= mergeSentenceKeys([this.title(), sentenceKeys(leadText, this.termKeys)], this.termKeys);
    return this.contextKeys;
  }

  names(): readonly SentenceKeys[] {
    if (this.nameKeys === undefined) {
      const texts = [this.article.title, this.article.text, this.article.source];
      // "The Ukrainian Confederation of Labour and the Egyptian …": "and the" starts another name.
      const runs = texts.flatMap((t) => [...t.matchAll(CAPITALISED_NAME)].flatMap((m) => m[0].split(/\s+and\s+the\s+/)));
      // Only runs of several words can hold a full name (a question's full names have two words or more).
      this.nameKeys = runs.filter((run) => /\s/.test(run.trim())).map((run) => sentenceKeys(run, this.termKeys));
    }
    return this.nameKeys;
  }

  /** A word of the article starts with the stem (Porter2 stems are prefixes of most of their words). */
  mentionsStem(stem: string): boolean {
    return this.foldedText().includes(` ${stem}`);
  }

  mentions(term: string): boolean {
    const folded = this.foldedText();
    return folded.includes(` ${term} `) || folded.includes(` ${term}'s `);
  }

  private foldedText(): string {
    this.folded ??= ` ${normalizeTerm(this.article.text).replace(/[^\p{L}\p{N}']+/gu, " ")} `;
    return this.folded;
  }

  meta(): SentenceKeys {
    this.metaKeys ??= sentenceKeys(`${this.article.source} ${this.article.date?.slice(0, 4) ?? ""}`, this.termKeys);
    return this.metaKeys;
  }
}
