/**
 * `npm run ask -- [--index DIR] [--json] [QUESTION]` — one answer, or with no QUESTION one answer
 * per line of stdin (with `--json`, one JSON object per line: the Answer contract).
 */
import readline from "node:readline";
import { loadConfig } from "../config.js";
import type { Answer } from "../core/types.js";
import { createAppLogger, openConfiguredService } from "../compose.js";
import { formatAnswerText } from "../adapters/terminal/format-answer.js";
import { userMessageOf } from "../core/errors.js";
import { parseArgs } from "./parse-args.js";
import { runCli } from "./run-cli.js";
import { tuneHeap } from "../heap-tuning.js";

const USAGE = "Usage: npm run ask -- [--index DIR] [--json] [QUESTION]";

tuneHeap();
runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ["index"], booleans: ["json"] }, USAGE);
  if (args.flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const logger = createAppLogger(config, config.logLevel === "info" ? "warn" : config.logLevel);
  const service = await openConfiguredService(config, {
    logger,
    indexDir: args.values.index ?? config.indexDir,
    watch: false,
    memory: { turns: 0, ttlMs: 1000 },
  });
  const json = args.flags.has("json");
  let failures = 0;
  const answerOne = async (question: string) => {
    try {
      const answer: Answer = await service.ask(question);
      console.log(json ? JSON.stringify(answer) : `${formatAnswerText(answer)}\n`);
    } catch (error) {
      failures++;
      const message = userMessageOf(error);
      if (json) console.log(JSON.stringify({ question, error: message }));
      else console.error(message);
    }
  };
  if (args.positionals.length > 0) {
    await answerOne(args.positionals.join(" "));
    return failures > 0 ? 1 : 0;
  }
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) if (line.trim() !== "") await answerOne(line.trim());
  return failures > 0 ? 1 : 0;
});
