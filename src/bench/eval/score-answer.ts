/**
 * Scores one answer against its expectation, on the answer contract: the first citation's article,
 * the key facts in the answer or its quotes, every listed article cited, refusals with no citation
 * (and the right reason), every quote verbatim, every [n] a citation.
 */
import type { Answer } from "../../core/types.js";
import { quoteIsVerbatim } from "../../text/verify-quote.js";
import type { EvalQuestion } from "./eval-questions.js";

export interface Score {
  ok: boolean;
  problems: string[];
  /** A quote not found verbatim in its article: a broken contract. */
  unfaithful: boolean;
  /** Answered with citations, but wrong (should have refused, wrong first source, or missing facts). */
  wrongWithCitation: boolean;
  /** Should refuse, and did (grounded false, no citation). */
  refused: boolean;
  /** Answerable but refused. */
  falseRefusal: boolean;
  /** Every fact group found in the answer line itself (not only in the quotes). */
  factsInAnswerLine: boolean;
}

const has = (text: string, alt: string) => text.toLowerCase().includes(alt.toLowerCase());

/** `texts`: the article texts of each path (a JSON file may hold several articles). */
export function scoreAnswer(q: EvalQuestion, answer: Answer & { reason?: string }, texts: ReadonlyMap<string, readonly string[]>): Score {
  const problems: string[] = [];
  let unfaithful = false;
  for (const c of answer.citations) {
    if (!(texts.get(c.path) ?? []).some((t) => quoteIsVerbatim(c.quote, t))) {
      problems.push(`quote [${c.n}] not verbatim in ${c.path}`);
      unfaithful = true;
    }
  }
  for (const m of answer.answer.matchAll(/\[(\d+)\]/g)) {
    if (!answer.citations.some((c) => c.n === Number(m[1]))) problems.push(`marker [${m[1]}] has no citation`);
  }
  const answered = answer.grounded || answer.citations.length > 0;
  const base = { unfaithful, refused: false, falseRefusal: false, factsInAnswerLine: false };
  if (q.expect.refuse) {
    if (answered) return { ...base, ok: false, problems: [...problems, "should refuse but answered"], wrongWithCitation: true };
    if (q.expect.reason !== undefined && answer.reason !== q.expect.reason) problems.push(`reason ${answer.reason ?? "none"}, expected ${q.expect.reason}`);
    return { ...base, ok: problems.length === 0, problems, refused: true, wrongWithCitation: false };
  }
  if (!answered) return { ...base, ok: false, problems: [...problems, "refused an answerable question"], wrongWithCitation: false, falseRefusal: true };
  let wrong = false;
  const first = answer.citations[0]?.path;
  if (first === undefined || !q.expect.sources.includes(first)) {
    problems.push(`first source ${first ?? "none"} not in ${q.expect.sources.join(", ")}`);
    wrong = true;
  }
  const cited = new Set(answer.citations.map((c) => c.path));
  const missingCites = (q.expect.cite ?? []).filter((p) => !cited.has(p));
  if (missingCites.length > 0) problems.push(`does not cite ${missingCites.join(", ")}`);
  const evidence = [answer.answer, ...answer.citations.map((c) => c.quote)].join("\n");
  for (const group of q.expect.facts) {
    if (!group.some((alt) => has(evidence, alt))) {
      problems.push(`missing fact ${group.join(" / ")}`);
      wrong = true;
    }
  }
  const factsInAnswerLine = q.expect.facts.every((group) => group.some((alt) => has(answer.answer, alt)));
  return { ...base, ok: problems.length === 0, problems, wrongWithCitation: wrong, factsInAnswerLine };
}
