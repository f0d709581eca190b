/**
 * One dossier instance as a real process (`src/main.ts` under tsx, as `npm start` runs it), for the
 * several-instances tests: its log lines are collected, a test can wait for one, stop it with
 * SIGTERM, or `kill -9` it mid-answer. The child loads the same no-network guard as the tests, so
 * it too fails any connection to a non-loopback host.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { childEnv } from "./cli.js";
import { REPO_ROOT } from "./temp-dirs.js";

export interface InstanceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Every line it wrote (stdout and stderr), in order. */
  readonly lines: string[];
  /** Resolves with the first line (already written or still to come) matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Lines matching `pattern` so far. */
  count(pattern: RegExp): number;
  /** SIGKILL, no goodbye: resolves when it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM; resolves with the exit code (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startInstance(name: string, env: Record<string, string>): InstanceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./test/setup/no-network.ts", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: childEnv({ LOG_LEVEL: "info", INSTANCE_ID: name, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  const take = (chunk: string) => {
    for (const line of chunk.split("\n")) {
      if (line.trim() === "") continue;
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.delete(w);
          w.resolve(line);
        }
      }
    }
  };
  let partialOut = "";
  let partialErr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    const text = partialOut + d;
    const cut = text.lastIndexOf("\n");
    partialOut = text.slice(cut + 1);
    take(text.slice(0, cut + 1));
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    const text = partialErr + d;
    const cut = text.lastIndexOf("\n");
    partialErr = text.slice(cut + 1);
    take(text.slice(0, cut + 1));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      take(`${partialOut}\n${partialErr}\n`);
      resolve({ code, signal });
    }),
  );

  return {
    name,
    child,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = {
          pattern,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: no line matching ${String(pattern)} within ${timeoutMs} ms; last lines:\n${lines.slice(-25).join("\n")}`));
        }, timeoutMs);
        waiters.add(waiter);
        void exited.then(({ code, signal }) => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(new Error(`${name} exited (${code ?? signal ?? "?"}) before a line matching ${String(pattern)}; last lines:\n${lines.slice(-25).join("\n")}`));
        });
      });
    },
    count: (pattern) => lines.filter((l) => pattern.test(l)).length,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const { code } = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
