/**
 * A small, strict argument parser for the CLI scripts: known flags only, so a typo is an error
 * with the usage text rather than a silently ignored option.
 */
import { AppError } from "../core/errors.js";

export interface FlagSpec {
  /** Flags that take a value, e.g. `--data DIR`. */
  values: readonly string[];
  /** Boolean flags, e.g. `--json`. */
  booleans: readonly string[];
}

export interface ParsedArgs {
  values: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec, usage: string): ParsedArgs {
  const out: ParsedArgs = { values: {}, flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--")) {
      out.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.booleans.includes(name)) {
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new AppError("CONFIG_INVALID", `--${name} needs a value.\n${usage}`);
      out.values[name] = value;
    } else if (name === "help" || name === "h") {
      out.flags.add("help");
    } else {
      throw new AppError("CONFIG_INVALID", `Unknown option --${name}.\n${usage}`);
    }
  }
  return out;
}
