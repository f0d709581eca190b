/**
 * The platform-neutral vocabulary of dossier. Adapters, the CLI and the answerers all speak these
 * types, so a new front end only has to translate its events into `ask()` calls and render `Answer`.
 */
import type { Platform, Vote, VoteTally } from "./answer-log.js";

/** Metadata shown with every citation; normalised by the loaders. */
export interface ArticleMeta {
  title: string;
  /** Outlet, e.g. "AZERTAC" or "Tehran Times". Empty string when unknown. */
  source: string;
  /** ISO date `YYYY-MM-DD`, or null when the article gives none. */
  date: string | null;
  url: string | null;
  language?: string;
  license?: string;
}

/** One article as loaded from `data/articles/`. `text` is the exact text quotes are checked against. */
export interface Article extends ArticleMeta {
  /** Stable id: the path, plus `#n` for the n-th article of a JSON array. */
  id: string;
  /** Path of the file relative to the data directory, with forward slashes. */
  path: string;
  text: string;
  /** sha256 of the normalised metadata and text; drives incremental re-indexing. */
  hash: string;
}

/** A span of an article's text with its character offsets, `text === article.text.slice(start, end)`. */
export interface Chunk {
  id: string;
  articleId: string;
  /** Position of the chunk within its article. */
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface Citation {
  n: number;
  title: string;
  source: string;
  date: string | null;
  url: string | null;
  path: string;
  /** Copied verbatim from the article (after whitespace normalisation it is found in its text). */
  quote: string;
  /**
   * The model's translation of the quote into the asker's language (LLM mode, when the question is
   * not in the article's language). Shown under the quote and marked as a translation; never checked
   * against the article, unlike `quote`.
   */
  translation?: string;
}

export interface AnswerTimings {
  /** Up to the retrieved passages (including the model's rewrite of the question, when one ran). */
  retrieveMs: number;
  answerMs: number;
  totalMs: number;
  /** The model call that made the question standalone and English (LLM mode, follow-ups and other languages). */
  rewriteMs?: number;
}

/** Why an answer is not grounded (DESIGN.md "Answer JSON"). */
export type RefusalReason = "not_covered" | "out_of_scope" | "unsupported_language";

/** The answer contract (DESIGN.md "Answer JSON"): what `ask --json` prints and adapters render. */
export interface Answer {
  question: string;
  answer: string;
  grounded: boolean;
  citations: Citation[];
  /** Only on ungrounded answers: not covered by the articles, not about them, or not understood. */
  reason?: RefusalReason;
  /** The question's language (ISO 639-1, e.g. "en", "ru", "az") when it was detected. */
  language?: string;
  /** The answer's id, for feedback on it (votes); set by the answer service. */
  id?: string;
  timings: AnswerTimings;
}

/** One question-and-answer exchange, remembered for follow-ups. */
export interface Turn {
  question: string;
  answer: Answer;
  at: number;
}

/** Optional filters a caller may put on retrieval. Dates are inclusive ISO `YYYY-MM-DD`. */
export interface RetrievalFilter {
  sources?: string[];
  dateFrom?: string;
  dateTo?: string;
}

/** What an adapter passes with a question. */
export interface AskContext {
  /**
   * Key of the conversation for follow-up memory, e.g. `telegram:<chat>:<user>`. Memory is never
   * shared between keys; omit it for a one-off question.
   */
  conversationId?: string;
  filter?: RetrievalFilter;
  /** Aborts the work when the user or the platform gives up. */
  signal?: AbortSignal;
  /**
   * Streams a language model's answer while it is written: called with the whole draft so far
   * (unchecked: its citations are not verified yet), at most as often as text arrives. The answer
   * `ask` resolves to is the checked one, which replaces the draft — it may differ, or be a refusal.
   */
  onDraft?: (draft: string) => void;
  /** Where the question came from, for the question log and metrics (default "cli"). */
  platform?: Platform;
  /** The asker's platform user id (observers hash it before storing it). */
  userId?: string;
  /** Whether it was asked in a private chat or a group. */
  chat?: "private" | "group";
}

/** Summary of one indexed article, for `/sources` and `/start`. */
export interface SourceInfo extends ArticleMeta {
  path: string;
  chunks: number;
}

/** What the bot knows, for greetings and `/sources`. */
export interface CorpusInfo {
  articles: SourceInfo[];
  /** Earliest and latest article dates, or null when no article has a date. */
  dateRange: { from: string; to: string } | null;
  sources: string[];
  builtAt: string | null;
}

/** The only thing adapters depend on: ask a question, list the sources. */
export interface AnswerService {
  ask(question: string, context?: AskContext): Promise<Answer>;
  corpus(): CorpusInfo;
  /**
   * Records a user's 👍 / 👎 on an answer; resolves to the answer's tally, or null when votes are
   * not kept (no question log) or the answer is unknown. Optional: front ends show no buttons without it.
   */
  vote?(vote: Vote): Promise<VoteTally | null>;
  /** Whether votes are kept (front ends show the buttons only then). */
  readonly acceptsVotes?: boolean;
}
