/** Process helpers for lock tests: a pid that certainly belonged to a process that has exited. */
import { spawn } from "node:child_process";

export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start a child process");
  await new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
  return pid;
}
