import { Command, CommanderError } from "commander";
import { registerCommands } from "./commands/register-commands.js";
import { exitCodeForError } from "./errors/exit-code-for-error.js";
import { reportError } from "./errors/report-error.js";
import { ExitCode } from "./exit-codes.js";
import { redactSecrets } from "./format/redact-secrets.js";
import type { CliIo } from "./io/cli-io.js";
import { CLI_VERSION } from "./version.js";

/**
 * Runs `bedrock-keys` with the given arguments (without `node` and the script path) in-process, and resolves to
 * the exit code. It never throws and never calls `process.exit`: the bin sets `process.exitCode` from it, tests
 * assert on it.
 *
 * @example
 * ```ts
 * const code = await runCli(["inspect"], { stdin, stdout, stderr, env: {}, now: () => new Date() });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes("--debug");
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; commander has already printed its own message.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    reportError(error, io.stderr, { debug });
    return exitCodeForError(error);
  }
}

/**
 * The commander program with every command registered, writing to the injected streams.
 *
 * @example
 * ```ts
 * createProgram(io).helpInformation();
 * ```
 */
export function createProgram(io: CliIo): Command {
  const program = new Command("bedrock-keys")
    .description("Amazon Bedrock API keys: onboard, inspect, store, mint, and run agents on them.")
    .version(CLI_VERSION, "-V, --version")
    .option("--debug", "print stack traces and causes on errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander quotes offending arguments, and a key pasted as an argument must not be echoed.
      outputError: (text, write) => write(redactSecrets(text)),
    });
  registerCommands(program, io);
  return program;
}
