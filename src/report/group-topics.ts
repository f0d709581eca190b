/**
 * Groups the questions the articles did not cover into topics, so maintainers see "minimum wage —
 * 7 questions" instead of seven lines. Each question becomes a set of topic terms (stems; see
 * topic-terms.ts), each term weighted by how rare it is among all the questions of the period
 * (IDF: a word everyone asks about, like "union", says little) and by kind (names ×1.5, places
 * ×0.5). Two questions are linked when the weighted Jaccard of their term sets reaches the
 * threshold; topics are the connected groups (single-link clustering). A topic's label is its most
 * common terms, in the order its example question uses them.
 */
import { topicTerms, type TermKind, type TopicTerm } from "./topic-terms.js";

export interface TopicQuestion {
  id: string;
  question: string;
  userHash: string | null;
  at: number;
}

export interface Topic {
  /** The topic's most common terms, e.g. "minimum wage"; the question itself when it has no topic words. */
  label: string;
  terms: string[];
  /** Questions in the topic (repeats included). */
  count: number;
  /** Distinct askers (by user hash) among them. */
  askers: number;
  /** The question that best shows the label. */
  example: string;
  /** The distinct questions, most recent first. */
  questions: string[];
  ids: string[];
  lastAskedAt: number;
}

export interface GroupTopicsOptions {
  /** Every question of the period, answered or not: terms are rare or common among these. Default: the questions grouped. */
  corpus?: readonly string[];
  /** Least weighted Jaccard for two questions to be linked (default 0.3). */
  threshold?: number;
}

export const DEFAULT_TOPIC_THRESHOLD = 0.3;
const KIND_WEIGHT: Record<TermKind, number> = { word: 1, name: 1.5, place: 0.5 };
const LABEL_TERMS = 3;

/** Weighted Jaccard of two term-key sets. */
export function weightedJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (key: string) => number): number {
  let shared = 0;
  let union = 0;
  for (const k of a) {
    const w = weight(k);
    union += w;
    if (b.has(k)) shared += w;
  }
  for (const k of b) if (!a.has(k)) union += weight(k);
  return union === 0 ? 0 : shared / union;
}

export function groupTopics(questions: readonly TopicQuestion[], options: GroupTopicsOptions = {}): Topic[] {
  const threshold = options.threshold ?? DEFAULT_TOPIC_THRESHOLD;
  const terms = questions.map((q) => topicTerms(q.question));
  const keys = terms.map((ts) => new Set(ts.map((t) => t.key)));
  const weight = termWeights(options.corpus ?? questions.map((q) => q.question), terms);

  // Union-find over links; only pairs that share a term can be linked.
  const parent = questions.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const postings = new Map<string, number[]>();
  keys.forEach((set, i) => {
    // Questions without topic words are grouped only with the very same question.
    const index = set.size > 0 ? [...set] : [`\u0000${questions[i]?.question.trim().toLowerCase() ?? ""}`];
    for (const k of index) pushTo(postings, k, i);
  });
  keys.forEach((set, i) => {
    const candidates = new Set<number>();
    for (const k of set) for (const j of postings.get(k) ?? []) if (j > i) candidates.add(j);
    for (const j of candidates) if (weightedJaccard(set, keys[j] ?? new Set<string>(), weight) >= threshold) parent[find(j)] = find(i);
  });
  for (const [k, same] of postings) if (k.startsWith("\u0000")) for (const j of same) parent[find(j)] = find(same[0] ?? j);

  const groups = new Map<number, number[]>();
  questions.forEach((_, i) => pushTo(groups, find(i), i));
  const topics = [...groups.values()].map((members) => describeTopic(members, questions, terms, weight));
  return topics.sort((a, b) => b.count - a.count || b.askers - a.askers || b.lastAskedAt - a.lastAskedAt || a.label.localeCompare(b.label));
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** IDF over the corpus times the kind weight; a term is a name or place everywhere if it is one anywhere. */
function termWeights(corpus: readonly string[], terms: readonly TopicTerm[][]): (key: string) => number {
  const df = new Map<string, number>();
  for (const q of corpus) for (const k of new Set(topicTerms(q).map((t) => t.key))) df.set(k, (df.get(k) ?? 0) + 1);
  const kind = new Map<string, TermKind>();
  for (const t of terms.flat()) {
    const seen = kind.get(t.key);
    if (seen === undefined || (seen === "word" && t.kind === "name") || t.kind === "place") kind.set(t.key, t.kind);
  }
  const n = Math.max(corpus.length, 1);
  return (key) => Math.log(1 + n / Math.max(df.get(key) ?? 1, 1)) * KIND_WEIGHT[kind.get(key) ?? "word"];
}

function describeTopic(members: number[], questions: readonly TopicQuestion[], terms: readonly TopicTerm[][], weight: (key: string) => number): Topic {
  const inTopic = members.map((i) => ({ q: questions[i] as TopicQuestion, terms: terms[i] ?? [] }));
  const count = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const { terms: ts } of inTopic) {
    for (const t of ts) {
      count.set(t.key, (count.get(t.key) ?? 0) + 1);
      const s = surfaces.get(t.key) ?? new Map<string, number>();
      s.set(t.surface, (s.get(t.surface) ?? 0) + 1);
      surfaces.set(t.key, s);
    }
  }
  const least = Math.min(2, inTopic.length);
  const labelKeys = [...count.entries()]
    .filter(([, c]) => c >= least)
    .sort((a, b) => b[1] - a[1] || weight(b[0]) - weight(a[0]) || a[0].localeCompare(b[0]))
    .slice(0, LABEL_TERMS)
    .map(([k]) => k);
  const covers = (ts: readonly TopicTerm[]) => labelKeys.filter((k) => ts.some((t) => t.key === k)).length;
  const best = [...inTopic].sort((a, b) => covers(b.terms) - covers(a.terms) || a.q.question.length - b.q.question.length || a.q.at - b.q.at)[0];
  const example = best?.q.question ?? "";
  const position = (k: string) => {
    const at = best?.terms.findIndex((t) => t.key === k) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const ordered = [...labelKeys].sort((a, b) => position(a) - position(b));
  // The most used spelling of each label term; on a tie, the example's.
  const inExample = (k: string, surface: string) => (best?.terms.some((t) => t.key === k && t.surface === surface) ? 1 : 0);
  const words = ordered.map((k) => [...(surfaces.get(k) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || inExample(k, b[0]) - inExample(k, a[0]))[0]?.[0] ?? k);
  const recent = [...inTopic].sort((a, b) => b.q.at - a.q.at);
  const distinct = [...new Map(recent.map(({ q }) => [q.question.trim().toLowerCase(), q.question.trim()])).values()];
  return {
    label: words.length > 0 ? words.join(" ") : example.trim(),
    terms: words,
    count: inTopic.length,
    askers: new Set(inTopic.map(({ q }) => q.userHash).filter((h): h is string => h !== null)).size,
    example,
    questions: distinct,
    ids: recent.map(({ q }) => q.id),
    lastAskedAt: recent[0]?.q.at ?? 0,
  };
}
