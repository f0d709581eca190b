/**
 * A private, real PostgreSQL for a test: Debian's binaries (`.ci/run` installs the `postgresql`
 * package when missing), a cluster initialised in a temporary folder with trust authentication,
 * listening only on 127.0.0.1 on a free port (its unix socket inside the folder), fsync off. It can
 * be stopped and started again on the same port with its data (the outage tests), and `close()`
 * removes everything. initdb and postgres refuse to run as root: as root they run as the
 * `postgres` system user.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./redis-server.js";

export interface PostgresServer {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:PORT/dossier` (the database made at start). */
  readonly url: string;
  /** A new, empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: clients are disconnected); the data and the port stay for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data (no-op while it runs); resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

const INSTALL_HINT = "PostgreSQL's server binaries (initdb, postgres) are needed for these tests: .ci/run installs the Debian `postgresql` package when missing (apt-get install postgresql).";

/** The newest /usr/lib/postgresql/<version>/bin with initdb, else the folder of an `initdb` on PATH. */
export function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")) && fs.existsSync(path.join(root, v, "bin", "postgres")))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a) || b.localeCompare(a))
    : [];
  const newest = versions[0];
  if (newest !== undefined) return path.join(root, newest, "bin");
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).concat(["/usr/local/bin"])) {
    const candidate = path.join(dir, "initdb");
    if (dir !== "" && fs.existsSync(candidate)) {
      const real = path.dirname(fs.realpathSync(candidate));
      if (fs.existsSync(path.join(real, "postgres"))) return real;
    }
  }
  throw new Error(INSTALL_HINT);
}

interface RunAs {
  uid: number;
  gid: number;
}

/** initdb and postgres refuse root: run them as the `postgres` system user then. */
function runAs(): RunAs | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("no numeric id");
    return { uid, gid };
  } catch {
    throw new Error(`The tests run as root and PostgreSQL refuses to: a \`postgres\` system user is needed (the Debian \`postgresql\` package creates it). ${INSTALL_HINT}`);
  }
}

function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C", LC_ALL: "C", TZ: "UTC" };
}

async function canQuery(config: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function startPostgresServer(options: { database?: string } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const as = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-pg-"));
  const data = path.join(dir, "data");
  const socketDir = path.join(dir, "sock");
  fs.mkdirSync(socketDir);
  if (as !== null) {
    // mkdtemp makes a 0700 folder owned by root; the server user must own it.
    for (const p of [dir, socketDir]) fs.chownSync(p, as.uid, as.gid);
  }
  const ids = as === null ? {} : { uid: as.uid, gid: as.gid };
  const port = await freePort();
  const database = options.database ?? "dossier";
  let child: ChildProcess | null = null;
  let log = "";

  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  try {
    execFileSync(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"], {
      ...ids,
      cwd: dir,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`initdb failed: ${error instanceof Error ? error.message : String(error)} ${stderr.slice(-500)}`);
  }

  const admin: pg.ClientConfig = { host: "127.0.0.1", port, user: "postgres", database: "postgres" };

  const running = () => child !== null && child.exitCode === null && child.signalCode === null;

  const start = async () => {
    if (running()) return;
    const args = ["-D", data, "-p", String(port), "-k", socketDir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off", "-c", "max_connections=50", "-c", "shared_buffers=16MB"];
    const proc = spawn(path.join(bin, "postgres"), args, { ...ids, cwd: dir, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    proc.stdout?.on("data", (d: Buffer) => (log += d.toString()));
    proc.stderr?.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
    const failed = new Promise<never>((_, reject) => {
      proc.once("error", (error) => reject(new Error(`could not start postgres (${error.message}). ${INSTALL_HINT}`)));
      proc.once("exit", (code) => reject(new Error(`postgres exited (${code ?? "signal"}): ${log.slice(-800)}`)));
    });
    failed.catch(() => undefined);
    const deadline = Date.now() + 20_000;
    try {
      for (;;) {
        if (await Promise.race([canQuery(admin), failed])) return;
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections on port ${port}: ${log.slice(-800)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } catch (error) {
      if (child === proc && !running()) child = null;
      throw error;
    }
  };

  const stop = async () => {
    const proc = child;
    child = null;
    if (proc === null || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGINT"); // fast shutdown: roll back and disconnect clients
    const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;

  const createDatabase = async (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    const client = new pg.Client(admin);
    client.on("error", () => undefined);
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return urlOf(name);
  };

  try {
    await start();
    await createDatabase(database);
  } catch (error) {
    await stop();
    process.removeListener("exit", killOnExit);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    port,
    url: urlOf(database),
    createDatabase,
    stop,
    start,
    async close() {
      await stop();
      process.removeListener("exit", killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
