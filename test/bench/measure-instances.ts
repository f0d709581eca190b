/**
 * The load run of "Running several instances" (README): real `src/main.ts` processes in webhook
 * mode behind a round-robin load balancer, fed by the fake Telegram Bot API, answering the two
 * bundled articles with the offline reader. Three set-ups — one instance without Redis, one with
 * Redis, two with Redis — each answer the same closed-loop workload (every user waits for the
 * reply before asking again); then the polling lock's take-over after `kill -9`, three times.
 *
 *   npx tsx test/bench/measure-instances.ts [--questions 1000] [--users 100]
 *
 * Latency is from the update entering the fake's queue to the reply reaching it (what a user
 * waits), so it includes the webhook delivery, the load balancer and the reply's HTTP round trip.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { FakeTelegramBotApi, type SentMessage } from "../fakes/telegram-bot-api.js";
import type { InstanceProcess } from "../helpers/instance-process.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startRoundRobinProxy } from "../helpers/round-robin-proxy.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { percentile, privateUser, senderOf, sharedIndex, startTelegramInstance, TOKEN, webhookPorts } from "../instances/cluster.js";

const { values } = parseArgs({ options: { questions: { type: "string", default: "1000" }, users: { type: "string", default: "100" } } });
const QUESTIONS = Number(values.questions);
const USERS = Number(values.users);
const TEXTS = [
  "Who chairs the Federation of Trade Unions of Kyrgyzstan?",
  "Where was the International Labour Conference held?",
  "What did they sign?",
  "Who chairs the Federation of Trade Unions of Kazakhstan?",
  "When did the Kyrgyz delegation visit Baku?",
];

/** CPU time (user + system) a process has used, in ms, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

interface RunResult {
  label: string;
  users: number;
  /** CPU ms the instances spent per question (all instances together). */
  cpuPerQuestion: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  byInstance: Record<string, number>;
}

const dirs = tempDirs("bench-instances");
const corpus = await sharedIndex(dirs);
const redis: RedisServer = await startRedisServer();
let run = 0;

async function loadRun(label: string, count: number, withRedis: boolean, users: number, questions: number): Promise<RunResult> {
  const api = await FakeTelegramBotApi.start({ token: TOKEN, webhook: { retryDelayMs: 100, timeoutMs: 30_000 } });
  const ports = await webhookPorts(count);
  const proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  const names = Array.from({ length: count }, (_, i) => String.fromCharCode(97 + i));
  const redisPrefix = `bench-${process.pid}-${++run}:`;
  const instances: InstanceProcess[] = await Promise.all(
    names.map((name, i) =>
      startTelegramInstance({
        name,
        api,
        ...corpus,
        ...(withRedis ? { redisUrl: redis.url, redisPrefix } : {}),
        webhook: { url: proxy.url, port: ports[i] as number },
        extra: { RATE_LIMIT_MAX: "10000" },
      }),
    ),
  );
  try {
    await api.waitFor(() => api.webhook !== null, "the webhook", 30_000);
    // Warm-up: each instance's first answers load lazily initialised tables.
    await Promise.all(names.map((_, i) => ask(api, 1 + i, TEXTS[0] as string)));
    const latencies: number[] = [];
    const perUser = Math.ceil(questions / users);
    const cpuBefore = instances.reduce((sum, i) => sum + cpuMs(i.child.pid), 0);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: users }, async (_, u) => {
        for (let q = 0; q < perUser && u * perUser + q < questions; q++) {
          const { ms } = await ask(api, 100_000 + u, TEXTS[(u + q) % TEXTS.length] as string);
          latencies.push(ms);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuPerQuestion = (instances.reduce((sum, i) => sum + cpuMs(i.child.pid), 0) - cpuBefore) / latencies.length;
    const byInstance: Record<string, number> = {};
    for (const m of api.sent) {
      const who = senderOf(api, m) ?? "?";
      byInstance[who] = (byInstance[who] ?? 0) + 1;
    }
    return { label, users, cpuPerQuestion, seconds, perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), byInstance };
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await proxy.close();
    await api.close();
  }
}

async function ask(api: FakeTelegramBotApi, userId: number, text: string): Promise<{ reply: SentMessage; ms: number }> {
  const { chat, from } = privateUser(userId);
  const id = api.sendUserMessage({ chat, from, text });
  await api.waitFor(() => api.repliesTo(chat.id, id).length > 0, `reply to ${userId}`, 120_000);
  const reply = api.repliesTo(chat.id, id)[0] as SentMessage;
  return { reply, ms: reply.at - (api.pushedAt.get(`${chat.id}:${id}`) ?? reply.at) };
}

async function takeover(leaseMs: number): Promise<number> {
  const api = await FakeTelegramBotApi.start({ token: TOKEN });
  const redisPrefix = `bench-${process.pid}-${++run}:`;
  const extra = { LEASE_MS: String(leaseMs), LOG_LEVEL: "info" };
  const polls = (name: string) => api.calls.filter((c) => c.method === "getUpdates" && c.client === name);
  const a = await startTelegramInstance({ name: "a", api, ...corpus, redisUrl: redis.url, redisPrefix, extra });
  await api.waitFor(() => polls("a").length > 0, "a polling", 30_000);
  const b = await startTelegramInstance({ name: "b", api, ...corpus, redisUrl: redis.url, redisPrefix, extra });
  try {
    await b.waitFor(/standing by/, 30_000);
    const killedAt = performance.now();
    await a.kill9();
    await api.waitFor(() => polls("b").length > 0, "b polling", leaseMs + 30_000);
    return (polls("b")[0]?.at ?? Number.NaN) - killedAt;
  } finally {
    await b.stop();
    await api.close();
  }
}

try {
  const results: RunResult[] = [];
  const light = { users: 4, questions: Math.max(100, Math.round(QUESTIONS / 5)) };
  for (const load of [{ users: USERS, questions: QUESTIONS }, light]) {
    results.push(await loadRun("1 instance, in-process state (no Redis)", 1, false, load.users, load.questions));
    results.push(await loadRun("1 instance, Redis", 1, true, load.users, load.questions));
    results.push(await loadRun("2 instances, Redis, round-robin", 2, true, load.users, load.questions));
  }
  console.log(`\nwebhook mode, offline reader, the 2 bundled articles; closed loop (each user waits for the reply); ${QUESTIONS} questions from ${USERS} users, then ${light.questions} from ${light.users}`);
  console.log("| set-up | users | questions/s | per instance | CPU ms per question | p50 ms | p95 ms | answers by instance |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const n = Object.keys(r.byInstance).length;
    console.log(
      `| ${r.label} | ${r.users} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / n).toFixed(0)} | ${r.cpuPerQuestion.toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${Object.entries(r.byInstance).map(([k, v]) => `${k}: ${v}`).join(", ")} |`,
    );
  }
  for (const leaseMs of [1500, 10_000]) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await takeover(leaseMs));
    console.log(`polling lock take-over after kill -9, LEASE_MS=${leaseMs}: ${times.map((t) => t.toFixed(0)).join(", ")} ms (median ${percentile(times, 50).toFixed(0)})`);
  }
} finally {
  await redis.close();
  await dirs.cleanup();
}
