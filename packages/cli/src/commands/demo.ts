import type { Command } from "commander";
import { CliError } from "../errors/cli-error.js";
import type { CliIo } from "../io/cli-io.js";

/**
 * Options of `bedrock-keys demo`.
 *
 * @example
 * ```ts
 * await runDemo({}, io);
 * ```
 */
export interface DemoOptions {
  /** Bedrock Runtime endpoint override (tests point a "real key" run at the emulator). */
  endpoint?: string;
}

/**
 * `bedrock-keys demo`: the whole path a customer's key takes, end to end.
 *
 * @example
 * ```ts
 * await runDemo({}, io);
 * ```
 */
export async function runDemo(_options: DemoOptions, io: CliIo): Promise<void> {
  io.stdout.write(
    [
      "bedrock-keys demo",
      "",
      "Not available yet in this build: the demo needs the emulator (startEmulator), the onboarding path",
      "(onboardKey, MemoryKeyStore, fromKeyStore), ChatBedrockKey and the agents examples, which are still",
      "being written in this repository.",
      "",
    ].join("\n"),
  );
  throw new CliError("The demo is not available in this build yet.", { code: "DEMO_UNAVAILABLE" });
}

/**
 * Registers `demo` on the program.
 *
 * @example
 * ```ts
 * registerDemoCommand(program, io);
 * ```
 */
export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description(
      "onboard a demo tenant and run a role-play and a world simulation on its key (emulator by default)",
    )
    .option("--endpoint <url>", "Bedrock Runtime endpoint override")
    .action(async (options: DemoOptions) => {
      await runDemo(options, io);
    });
}
