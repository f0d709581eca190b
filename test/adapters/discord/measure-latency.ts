/**
 * The measurement: time from MESSAGE_CREATE / INTERACTION_CREATE dispatch at the fake
 * Discord to the bot's reply request arriving there, over N questions, one at a time.
 */
import type { Harness } from "./discord-harness.js";

export const LATENCY_QUESTIONS = [
  "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
  "Where was the International Labour Conference held?",
  "What did Babaev say about people with disabilities?",
  "Which memorandums of understanding are mentioned?",
  "What training will the Kyrgyz representatives take part in?",
];

export interface LatencyReport {
  mention: number[];
  slashDefer: number[];
  slashAnswer: number[];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function describeLatency(label: string, values: number[]): string {
  return `${label}: n=${values.length} p50 ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms`;
}

/** Sends `n` mentions and `n` `/ask` commands, one at a time, and times each reply at the fake. */
export async function measureLatency(h: Harness, n: number): Promise<LatencyReport> {
  const report: LatencyReport = { mention: [], slashDefer: [], slashAnswer: [] };
  for (let i = 0; i < n; i += 1) {
    const question = LATENCY_QUESTIONS[i % LATENCY_QUESTIONS.length] ?? "?";
    const { message, at } = h.sendMessage({ from: i % 2 === 0 ? h.alice : h.bob, content: question, mention: true });
    report.mention.push((await h.replyTo(message.id)).at - at);
  }
  for (let i = 0; i < n; i += 1) {
    const question = LATENCY_QUESTIONS[i % LATENCY_QUESTIONS.length] ?? "?";
    const { interaction, at } = h.sendCommand({ from: i % 2 === 0 ? h.alice : h.bob, name: "ask", question });
    report.slashDefer.push((await h.callbackOf(interaction)).at - at);
    report.slashAnswer.push((await h.originalEditOf(interaction)).at - at);
  }
  return report;
}
