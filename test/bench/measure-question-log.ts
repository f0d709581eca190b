/**
 * `npx tsx test/bench/measure-question-log.ts [FILE]` — what the question log costs each answer:
 * 10,000 inserts into a fresh SQLite log (WAL), timed one by one; prints p50 / p99 in ms.
 */
import { SqliteQuestionLog } from "../../src/providers/sqlite-question-log.js";
const log = new SqliteQuestionLog({ path: process.argv[2] ?? "/tmp/dossier-log-bench.sqlite", retentionDays: 90 });
const n = 10_000; const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  log.answered({ id: `id-${i}-${Date.now()}`, at: Date.now(), platform: "telegram", userId: String(i % 100), chat: "group", question: "who chairs the federation?", llmFallback: false,
    answer: { id: "x", question: "q", answer: "a [1].", grounded: i % 3 !== 0, citations: [], timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 } } });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ n, p50: times[n / 2]?.toFixed(3), p99: times[Math.floor(n * 0.99)]?.toFixed(3), failures: log.failures }));
log.close();
