/**
 * Runs a CLI entry point with one place that turns errors into a message and an exit code:
 * users see `userMessage`, never a stack trace.
 */
import { isAppError } from "../core/errors.js";
import { redact } from "../text/redact-secrets.js";

export function runCli(main: () => Promise<number>): void {
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      const message = isAppError(error) ? error.userMessage : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`${redact(message)}\n`);
      process.exitCode = 2;
      // A failed command ends even if something it opened (a socket, a timer) is still around.
      setTimeout(() => process.exit(2), 3000).unref();
    });
}
