/**
 * A fake AnswerService for the Discord adapter tests: records every question with its AskContext,
 * remembers turns per conversationId with the real ConversationMemory (so follow-up tests show the
 * adapter's keys are per user), and produces the awkward answers a formatter must survive (very
 * long, Markdown characters, `@everyone`) or a failure, depending on the question. Every answer
 * gets an id, as from the real service; with `votes` set it keeps 👍 / 👎 votes like a question log.
 */
import { randomUUID } from "node:crypto";
import { ConversationMemory } from "../../src/service/conversation-memory.js";
import type { Vote, VoteTally } from "../../src/core/answer-log.js";
import type { Answer, AnswerService, AskContext, Citation, CorpusInfo } from "../../src/core/types.js";
import { AppError } from "../../src/core/errors.js";
import type { FakeVotes } from "./fake-votes.js";

export interface RecordedAsk {
  question: string;
  context: AskContext | undefined;
}

export const fakeCorpus: CorpusInfo = {
  articles: [
    { path: "2025-11-04-azertac-kyrgyz-trade-unions.md", title: "Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation", source: "AZERTAC", date: "2025-11-04", url: "https://azertag.az/en/xeber/example-3884393", chunks: 4 },
    { path: "2019-06-mehr-azerbaijan-iran-labor.txt", title: "Iran, Azerbaijan to expand labor cooperation", source: "Mehr News Agency", date: "2019-06-18", url: null, chunks: 3 },
  ],
  dateRange: { from: "2019-06-18", to: "2025-11-04" },
  sources: ["AZERTAC", "Mehr News Agency"],
  builtAt: "2025-11-05T10:00:00.000Z",
};

export const citationOne: Citation = {
  n: 1, title: "Trade unions of Azerbaijan and Kyrgyzstan discuss cooperation", source: "AZERTAC", date: "2025-11-04",
  url: "https://azertag.az/en/xeber/example-3884393", path: "2025-11-04-azertac-kyrgyz-trade-unions.md",
  quote: "Muradil Jumadilde, Chairman of the Federation of Trade Unions of Kyrgyzstan, shared information about the activities of the federation.",
};

export class FakeAnswerService implements AnswerService {
  readonly asks: RecordedAsk[] = [];
  readonly memory = new ConversationMemory({ turns: 5, ttlMs: 60_000 });
  /** When set, `ask` waits for this before answering (to hold answers in flight). */
  gate: Promise<void> | null = null;
  /** When set, answers instead of the built-in answers (e.g. streaming drafts through `context.onDraft` first). */
  respond: ((question: string, context: AskContext | undefined) => Promise<Answer>) | null = null;
  /** Votes are kept (and buttons shown) only when this is set. */
  votes: FakeVotes | null = null;
  /** The answers given, in order. */
  readonly answers: Answer[] = [];

  get acceptsVotes(): boolean {
    return this.votes !== null;
  }

  async vote(vote: Vote): Promise<VoteTally | null> {
    return this.votes === null ? null : this.votes.vote(vote);
  }

  async ask(question: string, context?: AskContext): Promise<Answer> {
    const given = await this.answer(question, context);
    const answer = given.id === undefined ? { ...given, id: randomUUID() } : given;
    this.votes?.know(answer.id ?? "");
    this.answers.push(answer);
    return answer;
  }

  private async answer(question: string, context?: AskContext): Promise<Answer> {
    this.asks.push({ question, context });
    if (this.gate !== null) await untilOrAborted(this.gate, context?.signal);
    context?.signal?.throwIfAborted();
    if (this.respond !== null) return this.respond(question, context);
    if (question.includes("FAIL")) {
      throw new Error(`index exploded at /secret/path (token ${"x".repeat(3)})`);
    }
    if (question.includes("REFUSE")) throw new AppError("QUESTION_INVALID", "I can only answer questions about the articles.");
    const key = context?.conversationId;
    const history = key === undefined ? [] : await this.memory.get(key);
    const answer = this.compose(question, history.map((t) => t.question));
    if (key !== undefined) await this.memory.add(key, { question, answer });
    return answer;
  }

  corpus(): CorpusInfo {
    return fakeCorpus;
  }

  private compose(question: string, earlier: string[]): Answer {
    const timings = { retrieveMs: 0.1, answerMs: 0.1, totalMs: 0.2 };
    const followUp = earlier.length === 0 ? "" : ` (following up on: ${earlier.join(" | ")})`;
    if (question.includes("LONG")) {
      const citations: Citation[] = Array.from({ length: 6 }, (_, i) => ({
        ...citationOne, n: i + 1, title: `Article number ${i + 1} about cooperation`,
        quote: `Quoted sentence ${i + 1}: ${"the federations agreed to deepen cooperation and exchange delegations ".repeat(6)}`.trim(),
      }));
      const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of a long answer explains one more point of the agreement [${(i % 6) + 1}].`);
      return { question, answer: sentences.join(" "), grounded: true, citations, timings };
    }
    if (question.includes("UNKNOWN")) {
      return { question, answer: "The articles do not cover that.", grounded: false, citations: [], timings };
    }
    return {
      question,
      answer: `Answer to "${question}"${followUp}: Muradil Jumadilde chairs the federation [1].`,
      grounded: true,
      citations: [citationOne],
      timings,
    };
  }
}

/** Waits for `gate`, or rejects as soon as `signal` aborts (the adapter is stopping). */
async function untilOrAborted(gate: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return gate;
  signal.throwIfAborted();
  let onAbort = () => undefined as void;
  const aborted = new Promise<void>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([gate, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
