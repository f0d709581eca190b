/**
 * Strict argument parsing for the CLI scripts over `node:util`'s `parseArgs`: known flags only, so a
 * typo is an error with the usage text (exit 2) rather than a silently ignored option.
 */
import { parseArgs as parseNodeArgs } from "node:util";
import { AppError } from "../core/errors.js";

export interface FlagSpec {
  /** Flags that take a value, e.g. `--data DIR` or `--data=DIR`. */
  values: readonly string[];
  /** Boolean flags, e.g. `--json`. */
  booleans: readonly string[];
}

export interface ParsedArgs {
  values: Record<string, string>;
  /** Boolean flags given, plus "help" for `--help` / `-h`. */
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec, usage: string): ParsedArgs {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const name of spec.values) options[name] = { type: "string" };
  for (const name of spec.booleans) options[name] = { type: "boolean" };
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const flag = /'(-{1,2}[^\s']+)/.exec(error instanceof Error ? error.message : "")?.[1] ?? "";
    const message =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `Unknown option ${flag}.`
        : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
          ? describeValueError(flag.split(/[ =]/)[0] ?? flag, spec)
          : error instanceof Error
            ? error.message
            : String(error);
    throw new AppError("CONFIG_INVALID", `${message}\n${usage}`);
  }
  const out: ParsedArgs = { values: {}, flags: new Set(), positionals: [...parsed.positionals] };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === "string") {
      if (value === "") throw new AppError("CONFIG_INVALID", `--${name} needs a value.\n${usage}`);
      out.values[name] = value;
    } else if (value === true) out.flags.add(name);
  }
  return out;
}

function describeValueError(flag: string, spec: FlagSpec): string {
  return spec.booleans.includes(flag.replace(/^-+/, "")) ? `${flag} takes no value.` : `${flag} needs a value.`;
}
