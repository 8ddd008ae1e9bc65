import type { Command } from "commander";
import type { CliIo } from "../io/cli-io.js";
import { registerKeyCommands } from "./register-key-commands.js";
import { registerRunCommands } from "./register-run-commands.js";

/**
 * Declares every command, its options and help text. Implementations are imported only when their command runs,
 * so `bedrock-keys inspect` never loads LangChain, and `--help` works even while a dependency is broken.
 *
 * @example
 * ```ts
 * registerCommands(new Command("bedrock-keys"), io);
 * ```
 */
export function registerCommands(program: Command, io: CliIo): void {
  registerKeyCommands(program, io);
  registerRunCommands(program, io);
}
