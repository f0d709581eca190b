/**
 * Child process for the clean-shutdown test: starts the real adapter against the fake Bot API whose
 * root is argv[2], says "ready", and on "stop" on stdin calls `stop()`. It never calls
 * `process.exit`, so it exits only if the adapter left no handle open.
 */
import "../setup/no-network.js";
import { createInterface } from "node:readline";
import { startTelegramAdapter } from "../../src/adapters/telegram/telegram-adapter.js";
import { silentLogger } from "../../src/core/logger.js";
import { FakeAnswerService } from "./telegram-answer-service.js";
import { telegramConfig, telegramAdmission } from "./telegram-harness.js";

const apiRoot = process.argv[2];
if (apiRoot === undefined) throw new Error("usage: telegram-shutdown-child <apiRoot>");

const adapter = await startTelegramAdapter({
  config: telegramConfig(apiRoot),
  service: new FakeAnswerService(),
  logger: silentLogger,
  admission: telegramAdmission({ rateLimit: { max: 100, windowMs: 60_000 } }),
});
console.log("ready");

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() !== "stop") return;
  lines.close();
  void adapter.stop("SIGTERM (simulated)").then(() => {
    console.log("stopped");
    // Any handle still listed here would keep the process alive.
    const left = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap" && r !== "PipeWrap");
    if (left.length > 0) console.log(`still active: ${left.join(", ")}`);
  });
});
