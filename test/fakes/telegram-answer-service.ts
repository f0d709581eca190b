/**
 * A fake AnswerService for the Telegram adapter tests: records every question with the AskContext
 * it came with, remembers turns per conversationId (with the real ConversationMemory, so the tests
 * show whose memory a follow-up used), and answers however a test asks it to. Every answer gets an
 * id, as from the real service; with `votes` set it keeps 👍 / 👎 votes like a question log.
 */
import { randomUUID } from "node:crypto";
import { ConversationMemory } from "../../src/service/conversation-memory.js";
import type { Vote, VoteTally } from "../../src/core/answer-log.js";
import type { Answer, AnswerService, AskContext, Citation, CorpusInfo, Turn } from "../../src/core/types.js";
import type { FakeVotes } from "./fake-votes.js";

export interface AskRecord {
  question: string;
  context: AskContext | undefined;
  /** The remembered turns the answer could use. */
  history: Turn[];
}

export type Responder = (question: string, history: Turn[], context: AskContext | undefined) => Answer | Promise<Answer>;

export const SAMPLE_CITATION: Citation = {
  n: 1,
  title: "Kyrgyz and Azerbaijani trade unions sign cooperation memorandum",
  source: "AZERTAC",
  date: "2025-11-04",
  url: "https://azertag.az/en/xeber/kyrgyz_trade_unions-1",
  path: "2025-11-04-azertac-kyrgyz-trade-unions.md",
  quote: "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared the experience of his organisation.",
};

export const SAMPLE_CORPUS: CorpusInfo = {
  articles: [
    { title: SAMPLE_CITATION.title, source: "AZERTAC", date: "2025-11-04", url: SAMPLE_CITATION.url, path: SAMPLE_CITATION.path, chunks: 4 },
    { title: "Iran and Azerbaijan discuss labour cooperation", source: "Mehr News Agency", date: "2019-06-17", url: null, path: "2019-06-17-mehr-azerbaijan-iran-labor.md", chunks: 3 },
  ],
  dateRange: { from: "2019-06-17", to: "2025-11-04" },
  sources: ["AZERTAC", "Mehr News Agency"],
  builtAt: "2025-11-05T00:00:00.000Z",
};

/** Builds a well-formed Answer. */
export function makeAnswer(question: string, text: string, citations: Citation[] = [SAMPLE_CITATION]): Answer {
  return { question, answer: text, grounded: citations.length > 0, citations, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
}

/** Default behaviour: echoes the question; a follow-up ("and …") names the previous question it builds on. */
export const defaultResponder: Responder = (question, history) => {
  const previous = history.at(-1);
  if (previous !== undefined && /^and\b/i.test(question)) {
    return makeAnswer(question, `Following up on “${previous.question}”: the memorandum was signed by both federations [1].`);
  }
  return makeAnswer(question, `Answer to: ${question} [1]`);
};

export class FakeAnswerService implements AnswerService {
  readonly asked: AskRecord[] = [];
  readonly memory = new ConversationMemory({ turns: 3, ttlMs: 60_000 });
  respond: Responder = defaultResponder;
  corpusInfo: CorpusInfo = SAMPLE_CORPUS;
  /** Votes are kept (and buttons shown) only when this is set. */
  votes: FakeVotes | null = null;
  /** The answers given, in order. */
  readonly answers: Answer[] = [];

  constructor(options: { votes?: FakeVotes } = {}) {
    this.votes = options.votes ?? null;
  }

  get acceptsVotes(): boolean {
    return this.votes !== null;
  }

  async ask(question: string, context?: AskContext): Promise<Answer> {
    const key = context?.conversationId;
    const history = key === undefined ? [] : await this.memory.get(key);
    this.asked.push({ question, context, history });
    const given = await this.respond(question, history, context);
    const answer = given.id === undefined ? { ...given, id: randomUUID() } : given;
    this.votes?.know(answer.id ?? "");
    this.answers.push(answer);
    if (key !== undefined) await this.memory.add(key, { question, answer });
    return answer;
  }

  async vote(vote: Vote): Promise<VoteTally | null> {
    return this.votes === null ? null : this.votes.vote(vote);
  }

  corpus(): CorpusInfo {
    return this.corpusInfo;
  }
}
