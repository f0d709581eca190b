/**
 * Runs the CLI scripts as child processes, the way maintainers and scripts do. `node --import tsx`
 * is what `tsx` does, minus the wrapper process: one process, so its pid is the one in the index
 * lock and a SIGKILL really kills the writer. `runNpxTsx` runs the exact documented form.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { CACHE_DIR, REPO_ROOT } from "./temp-dirs.js";

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment (DATA_DIR, INDEX_DIR, …); CACHE_DIR defaults to the repo's cache. */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

/** A clean environment: no .env-derived bot tokens or LLM settings leak in from the developer's shell. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "SystemRoot", "npm_config_cache"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, CACHE_DIR, LOG_LEVEL: "warn", NO_COLOR: "1", ...extra };
}

/** Starts `src/cli/<script>` under tsx in one Node process (cwd = repo). */
export function spawnCli(script: string, args: readonly string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path.join("src/cli", script), ...args], {
    cwd: REPO_ROOT,
    env: childEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Collects a child's output and waits for it to end. */
export function finished(child: ChildProcess, options: CliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  if (options.input !== undefined) child.stdin?.end(options.input);
  else child.stdin?.end();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`CLI timed out after ${options.timeoutMs ?? 30_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function runCli(script: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return finished(spawnCli(script, args, options), options);
}

/** `npx tsx src/cli/<script> …`, exactly as the README and `npm run` do it. */
export function runNpxTsx(script: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawn("npx", ["--no-install", "tsx", path.join("src/cli", script), ...args], {
    cwd: REPO_ROOT,
    env: childEnv(options.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  return finished(child, options);
}
