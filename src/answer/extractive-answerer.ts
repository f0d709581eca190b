/**
 * The default, offline answerer. It scores the sentences of the retrieved passages against the
 * question (which terms they contain, whether they hold the kind of answer asked for, how well
 * their passage ranked), refuses when the question's specific terms are found nowhere, and answers
 * with the best sentence(s) quoted verbatim.
 */
import { LRUCache } from "lru-cache";
import type { AnswerInput, Answerer, DraftAnswer } from "../core/answerer.js";
import type { PassageArticle } from "../core/passage.js";
import type { Citation } from "../core/types.js";
import type { WordRarity } from "../core/word-rarity.js";
import { normalizeWhitespace } from "../text/normalize-whitespace.js";
import { STOPWORDS } from "../text/stopwords.js";
import { TermKeys } from "../text/term-keys.js";
import { tokenize } from "../text/tokenize.js";
import { answerTypeCue, type CueContext } from "./answer-type-cues.js";
import { notCoveredAnswer } from "./not-covered.js";
import { analyzeQuestion, type QuestionAnalysis, type QuestionTerm } from "./question-analysis.js";
import { keysOf, matchStrength, mergeKeys, type TextKeys } from "./term-match.js";

export interface ExtractiveOptions {
  /** Most quotes in one answer. */
  maxQuotes?: number;
  /** Below this share of the question's weighted terms the sentence does not answer it. */
  minCoverage?: number;
  /** Word frequencies, to tell proper names from common words. */
  rarity?: WordRarity;
}

interface Candidate {
  article: PassageArticle;
  sentence: number;
  start: number;
  end: number;
  text: string;
  score: number;
  coverage: number;
  matched: Set<string>;
}

const PRONOUN_START =
  /^(?!it (?:was|is|has been) (?:noted|highlighted|said|reported|stated|announced|emphasi[sz]ed|stressed|underlined)\b)(?:(?:he|she|they|it|his|her|their|its)\b|(?:this|that|these|those)\s*(?:,|\b(?:is|was|were|are|will|would|has|had|have|can|could|opens|means|shows)\b)|the (?:minister|chairman|official|delegation|sides?|memorandum|agency)\b)/i;
const MODAL = /\b(will|would|could|can|may|might|hope[sd]?|plan(s|ned)?|expect(s|ed)?|intend(s|ed)?)\b/i;
const BOILERPLATE = /\b(all content by|licensed under|creative commons|all rights reserved|copyright|©)\b/i;
const DATELINE = /^[\p{Lu}][\p{Lu}\s.,'-]{1,40}\s[—–-]{1,2}\s+/u;

/** Articles whose sentence keys are kept between questions (least recently used go first). */
const KEY_CACHE_ARTICLES = 128;

/** Share of the question's adjacent word pairs that also stand together in the sentence. */
function phraseOverlap(questionStems: string[], sentenceStems: string[]): number {
  if (questionStems.length < 2) return 0;
  const s = sentenceStems;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) pairs.add(`${s[i]} ${s[i + 1]}`);
  let hits = 0;
  for (let i = 0; i + 1 < questionStems.length; i++) if (pairs.has(`${questionStems[i]} ${questionStems[i + 1]}`)) hits++;
  return hits / (questionStems.length - 1);
}

export class ExtractiveAnswerer implements Answerer {
  /** Word keys memoised for this answerer's lifetime. */
  private readonly termKeys = new TermKeys();
  /** Sentence keys of recently used articles, reused across questions; bounded, so memory stays flat on a large index. */
  private readonly keyCache = new LRUCache<PassageArticle, TextKeys[]>({ max: KEY_CACHE_ARTICLES });

  constructor(private readonly options: ExtractiveOptions = {}) {}

  /** What the question asks, judged against the words the articles use. */
  analyze(question: string, input: Pick<AnswerInput, "vocabulary">): QuestionAnalysis {
    return analyzeQuestion(question, {
      known: (t) => input.vocabulary.has(t),
      ...(this.options.rarity === undefined ? {} : { rarity: this.options.rarity }),
    });
  }

  async answer(input: AnswerInput): Promise<DraftAnswer> {
    const analysis = this.analyze(input.question, input);
    const contextTerms = input.followUp === undefined ? [] : this.analyze(input.followUp.previousQuestion, input).terms;
    if (analysis.offTopicRequest || (analysis.terms.length === 0 && contextTerms.length === 0)) {
      return notCoveredAnswer(input.question, "request");
    }
    const candidates = this.candidates(input, analysis, contextTerms).sort((a, b) => b.score - a.score);
    return this.compose(input, analysis, candidates);
  }

  private sentenceKeys(article: PassageArticle, i: number): TextKeys {
    let all = this.keyCache.get(article);
    if (all === undefined) {
      all = [];
      this.keyCache.set(article, all);
    }
    let keys = all[i];
    if (keys === undefined) {
      const span = article.spans[i];
      keys = keysOf(span === undefined ? "" : article.text.slice(span.start, span.end), this.termKeys);
      all[i] = keys;
    }
    return keys;
  }

  /** Keys of the metadata a question may name: outlet and year. */
  private metaKeys(article: PassageArticle): TextKeys {
    return keysOf(`${article.source} ${article.date?.slice(0, 4) ?? ""}`, this.termKeys);
  }

  /** Stems of a text's content words, in order. */
  private contentStems(text: string): string[] {
    return tokenize(text)
      .map((t) => t.term)
      .filter((t) => t.length > 1 && !STOPWORDS.has(t))
      .map((t) => this.termKeys.stem(t));
  }

  private candidates(input: AnswerInput, analysis: QuestionAnalysis, contextTerms: QuestionTerm[]): Candidate[] {
    const terms: QuestionTerm[] = [...analysis.terms, ...contextTerms.map((t) => ({ ...t, required: false, weight: t.weight * 0.5 }))];
    const totalWeight = terms.reduce((s, t) => s + t.weight, 0) || 1;
    const minCoverage = this.options.minCoverage ?? 0.4;
    const seen = new Set<string>();
    const out: Candidate[] = [];
    const questionWords = new Set(tokenize(input.question).map((t) => t.term));
    const questionStems = this.contentStems(input.question);
    const questionKeys = keysOf(input.question, this.termKeys);
    const rarity = this.options.rarity;
    const cueContext: CueContext = {
      inQuestion: (w) => matchStrength(w, questionKeys, this.termKeys) > 0,
      isName: (w) => {
        const r = rarity?.rank(w);
        return r === undefined || r > 8_000;
      },
    };
    const defMatch = /^\s*what\s+(?:is|are|was|does)\s+(?:the\s+)?([\p{L}\d-]+)(?:\s+stand\s+for)?\s*\??\s*$/iu.exec(input.question);
    const definiendum = defMatch?.[1]?.replace(/[^\p{L}\d-]/gu, "") ?? null;
    input.passages.forEach((passage, rank) => {
      const { article } = passage;
      const meta = this.metaKeys(article);
      article.spans.forEach((span, i) => {
        if (span.end <= passage.start || span.start >= passage.end) return;
        const id = `${article.id}#${i}`;
        if (seen.has(id)) return;
        seen.add(id);
        const text = article.text.slice(span.start, span.end);
        if (BOILERPLATE.test(text) || text.split(/\s+/).length < 5) return;
        const own = this.sentenceKeys(article, i);
        // Names may sit in the sentences just before ("…, Babayev said. He went on to say…").
        // The lead (headline, dateline, first sentence) sets the scene for the whole story.
        const nearby = [i - 1, i - 2, 0, 1, 2].filter((j) => j >= 0 && j !== i && j < article.spans.length);
        const window = mergeKeys(own, meta, ...nearby.map((j) => this.sentenceKeys(article, j)));
        let matchedWeight = 0;
        let ownWeight = 0;
        const matched = new Set<string>();
        for (const t of terms) {
          const inSentence = matchStrength(t.term, own, this.termKeys);
          ownWeight += t.weight * inSentence;
          // Context resolves names (coreference, datelines); what is asked about must be in the sentence itself.
          const inWindow = inSentence > 0 ? inSentence : matchStrength(t.term, window, this.termKeys) * (t.required ? 0.6 : 0.3);
          if (t.required && inWindow === 0) return; // a name or number the passage lacks: it does not answer
          if (inWindow > 0) {
            matched.add(t.term);
            matchedWeight += t.weight * inWindow;
          }
        }
        const coverage = matchedWeight / totalWeight;
        if (coverage < minCoverage) return;
        const cue = answerTypeCue(analysis.type, text, cueContext);
        // "How many" needs a number: a sentence without one does not answer it.
        if (analysis.type === "quantity" && cue === 0) return;
        // "When" with no date in a sentence about plans or hopes: the report date would mislead.
        // Without a date in the sentence, only a sentence that is itself about the question may be
        // answered with the report's date.
        if (analysis.type === "when" && cue === 0 && (MODAL.test(text) || ownWeight / totalWeight < 0.6)) return;
        // New information beyond the question's own words, and definitions for "what is X?".
        const fresh = [...own.raw].filter((w) => w.length > 3 && !questionWords.has(w)).length;
        const novelty = Math.min(1, fresh / 10);
        const defines = definiendum !== null && new RegExp(`\\(${definiendum}\\)|\\b${definiendum}\\s+(is|are|was|stands)\\b`, "i").test(text) ? 1 : 0;
        const phrase = phraseOverlap(questionStems, this.contentStems(text));
        const score =
          coverage + 0.25 * cue + 0.2 * phrase + 0.1 * novelty + 0.3 * defines + 0.15 / (1 + rank) + 0.1 * Math.max(0, passage.similarity);
        out.push({ article, sentence: i, start: span.start, end: span.end, text, score, coverage, matched });
      });
    });
    return out;
  }

  private compose(input: AnswerInput, analysis: QuestionAnalysis, ranked: Candidate[]): DraftAnswer {
    const maxQuotes = this.options.maxQuotes ?? 3;
    const best = ranked[0];
    if (best === undefined) return notCoveredAnswer(input.question, "none");
    const chosen: Candidate[] = [best];
    const covered = new Set(best.matched);
    for (const c of ranked.slice(1)) {
      if (chosen.length >= maxQuotes) break;
      if (chosen.some((x) => x.article.id === c.article.id && Math.abs(x.sentence - c.sentence) <= 1)) continue;
      const otherArticle = !chosen.some((x) => x.article.id === c.article.id);
      const addsTerms = [...c.matched].some((t) => !covered.has(t));
      // Another outlet or article that answers as well, or a sentence that covers what is missing.
      if ((otherArticle && c.score >= best.score * 0.85) || (addsTerms && c.score >= best.score * 0.8)) {
        chosen.push(c);
        c.matched.forEach((t) => covered.add(t));
      }
    }

    const citations: Citation[] = [];
    const parts: string[] = [];
    const quotes = new Set<string>();
    for (const c of chosen) {
      let start = c.start;
      // Coreference: "He added…" needs the sentence before it to make sense.
      if (PRONOUN_START.test(c.text.replace(DATELINE, "")) && c.sentence > 0) start = c.article.spans[c.sentence - 1]?.start ?? start;
      let end = c.end;
      // A short sentence that announces a list ("…has several main tasks.") needs the next one.
      const next = c.article.spans[c.sentence + 1];
      if (next !== undefined && c.text.split(/\s+/).length < 16 && /\b(several|following|these|various|main|two|three|four|five)\b/i.test(c.text)) {
        end = next.end;
      }
      const quote = normalizeWhitespace(c.article.text.slice(start, end));
      const norm = quote.toLowerCase();
      if (quotes.has(norm)) continue;
      quotes.add(norm);
      const existing = citations.find((x) => x.path === c.article.path && x.quote === quote);
      const n = existing?.n ?? citations.length + 1;
      if (existing === undefined) {
        citations.push({
          n,
          title: c.article.title,
          source: c.article.source,
          date: c.article.date,
          url: c.article.url,
          path: c.article.path,
          quote,
        });
      }
      const text = quote.replace(DATELINE, "");
      // A "when" question whose sentence has no date: the article's date is the honest answer.
      // …unless the sentence is about a plan or a hope, where the report date would mislead.
      const dated =
        analysis.type === "when" && answerTypeCue("when", text) === 0 && c.article.date !== null && !MODAL.test(text);
      parts.push(dated ? `${c.article.source || "The article"} reported on ${c.article.date}: ${text} [${n}]` : `${text} [${n}]`);
    }
    return { answer: parts.join(" "), grounded: citations.length > 0, citations };
  }
}
